"""Steps of the OpenID Connect authorization-code flow as a person's browser
takes them: the Django test client plays the browser at the site
(http://testserver), a requests session plays it at the provider on 127.0.0.1.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SITE_ORIGIN = "http://testserver"
MAX_PROVIDER_PAGES = 10


@dataclass
class Page:
    """The first form and every link on an HTML page."""

    form_action: str | None = None
    form_inputs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page = Page()
        self.forms_seen = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms_seen += 1
            if self.forms_seen == 1:
                self.page.form_action = attributes.get("action", "")
        elif tag == "input" and self.forms_seen == 1 and attributes.get("name"):
            self.page.form_inputs.append(attributes["name"])
        elif tag == "a" and attributes.get("href"):
            self.page.links.append(attributes["href"])


def parse_page(html: str) -> Page:
    parser = PageParser()
    parser.feed(html)
    return parser.page


def sign_in_path(provider_id: str, language_prefix: str = "") -> str:
    return f"{language_prefix}/hesab/oidc/{provider_id}/login/"


def start_sign_in(client, provider_id: str, language_prefix: str = "") -> str:
    """Press the provider's button on the site and return the authorization URL it redirects to."""
    response = client.post(sign_in_path(provider_id, language_prefix))

    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def assert_local_provider(url: str) -> None:
    """Keep the provider-side browser on 127.0.0.1, where the test provider runs."""
    assert urlsplit(url).hostname == "127.0.0.1", f"the flow left the local provider for {url}"


def sign_in_at_provider(browser, authorization_url: str, username: str, password: str, *, cancel=False) -> str:
    """Walk the provider's pages: sign in (or cancel), consent if asked, and
    return the URL on the site that the provider finally redirects to.

    The redirect back to the site is returned, not followed, because only the
    Django test client has the site's session, which stores the OAuth state.
    """
    assert_local_provider(authorization_url)
    response = browser.get(authorization_url, allow_redirects=False)

    for _ in range(MAX_PROVIDER_PAGES):
        if response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(SITE_ORIGIN + "/"):
                return location
            assert_local_provider(location)
            response = browser.get(location, allow_redirects=False)
            continue

        assert response.status_code == 200, f"{response.url} returned {response.status_code}: {response.text}"
        page = parse_page(response.text)
        if cancel:
            abort_link = next(link for link in page.links if link.endswith("/abort"))
            cancel_url = urljoin(response.url, abort_link)
            response = browser.get(cancel_url, allow_redirects=False)
            continue

        fields = {"username": username, "password": password} if "password" in page.form_inputs else {}
        form_url = urljoin(response.url, page.form_action)
        assert_local_provider(form_url)
        response = browser.post(form_url, data=fields, allow_redirects=False)

    raise AssertionError(f"the provider did not redirect back to the site within {MAX_PROVIDER_PAGES} pages")


def finish_sign_in(client, callback_url: str):
    """Open the provider's redirect on the site; the site then exchanges the code with the provider."""
    parts = urlsplit(callback_url)
    assert f"{parts.scheme}://{parts.netloc}" == SITE_ORIGIN, callback_url

    return client.get(f"{parts.path}?{parts.query}")


def sign_in(client, browser, provider_id: str, person, language_prefix: str = ""):
    """Run the whole flow for ``person`` and return the site's response to the callback."""
    authorization_url = start_sign_in(client, provider_id, language_prefix)
    callback_url = sign_in_at_provider(browser, authorization_url, person.username, person.password)
    return finish_sign_in(client, callback_url)
