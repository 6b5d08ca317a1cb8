"""Bad input on the content API and on our own endpoints: 400 with a translated message, never 500."""

import pytest
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db

CONTENT_LISTINGS = ["/api/v1/pages/", "/api/v1/images/", "/api/v1/documents/"]
OUR_LISTINGS = ["/api/v1/legal-acts/", "/api/v1/organizations/", "/api/v1/search/?q=qanun"]

BAD_LISTING_PARAMETERS = [
    ({"fields": "nonexistent"}, "fields"),
    ({"fields": "title("}, "fields"),
    ({"order": "bad"}, "order"),
    ({"order": "random", "offset": "1"}, "order"),
    ({"offset": "-1"}, "offset"),
    ({"offset": "9" * 40}, "offset"),
    ({"limit": "abc"}, "limit"),
    ({"search": "\x00"}, "search"),
    ({"search": "qanun", "search_operator": "xor"}, "search_operator"),
    ({"rich_text_format": "pdf"}, "rich_text_format"),
    ({"id": "abc"}, "id"),
    ({"id": "9" * 30}, "id"),
    ({"colour": "qırmızı"}, "colour"),
    ({"lang": "tr"}, "lang"),
]

BAD_PAGE_PARAMETERS = [
    ({"type": "nope.Nope"}, "type"),
    ({"type": "wagtailimages.Image"}, "type"),
    ({"child_of": "abc"}, "child_of"),
    ({"child_of": "-1"}, "child_of"),
    ({"child_of": "999999"}, "child_of"),
    ({"ancestor_of": "root"}, "ancestor_of"),
    ({"descendant_of": "abc"}, "descendant_of"),
    ({"child_of": "root", "descendant_of": "root"}, "descendant_of"),
    ({"translation_of": "abc"}, "translation_of"),
    ({"first_published_at": "dünən"}, "first_published_at"),
    ({"show_in_menus": "bəli"}, "show_in_menus"),
    ({"site": "nowhere.example"}, "site"),
    ({"site": "localhost:abc"}, "site"),
    ({"locale": "tr"}, "locale"),
]


def assert_bad_parameter(response, parameter):
    body = response.json()
    assert response.status_code == 400
    assert body["detail"] == "Sorğunun bəzi parametrləri yanlışdır."
    assert parameter in body["errors"]


@pytest.mark.parametrize("url", CONTENT_LISTINGS)
@pytest.mark.parametrize(("query", "parameter"), BAD_LISTING_PARAMETERS)
def test_content_listing_bad_parameter_is_400(client, url, query, parameter):
    response = client.get(url, query)

    assert_bad_parameter(response, parameter)


@pytest.mark.parametrize(("query", "parameter"), BAD_PAGE_PARAMETERS)
def test_pages_bad_filter_is_400(client, query, parameter):
    response = client.get("/api/v1/pages/", query)

    assert_bad_parameter(response, parameter)


@pytest.mark.parametrize("url", ["/api/v1/pages/{home}/", "/api/v1/images/1/", "/api/v1/documents/1/"])
@pytest.mark.parametrize(("query", "parameter"), [({"colour": "red"}, "colour"), ({"fields": "x\x00"}, "fields")])
def test_content_detail_bad_parameter_is_400(client, url, query, parameter):
    """Parameters are checked before the object is looked up, so a missing image still gets 400 here."""
    response = client.get(url.format(home=home_id()), query)

    assert_bad_parameter(response, parameter)


@pytest.mark.parametrize("fields", ["nonexistent", "title(", "-", "*,title"])
def test_page_detail_bad_fields_is_400(client, fields):
    response = client.get(f"/api/v1/pages/{home_id()}/", {"fields": fields})

    assert_bad_parameter(response, "fields")


def home_id() -> int:
    from cms.home.models import HomePage

    return HomePage.objects.get(locale__language_code="az").pk


@pytest.mark.parametrize("url", ["/api/v1/pages/find/", "/api/v1/images/find/", "/api/v1/documents/find/"])
def test_find_with_bad_id_is_400(client, url):
    response = client.get(url, {"id": "abc"})

    assert_bad_parameter(response, "id")


@pytest.mark.parametrize("url", OUR_LISTINGS)
@pytest.mark.parametrize(("query", "parameter"), [({"lang": "de"}, "lang"), ({"page": "1\x00"}, "page")])
def test_our_endpoints_share_language_and_null_checks(client, url, query, parameter):
    response = client.get(url, query)

    assert_bad_parameter(response, parameter)


def test_error_message_follows_lang(client):
    response = client.get("/api/v1/pages/", {"lang": "en", "order": "bad"})

    assert response.json()["detail"] == "Some query parameters are invalid."


def test_our_endpoint_accepts_lang(client):
    response = client.get("/api/v1/legal-acts/", {"lang": "ru"})

    assert response.status_code == 200
    assert response["Content-Language"] == "ru"


def test_missing_page_is_404_in_api_shape(client):
    response = client.get("/api/v1/pages/999999/")

    assert response.status_code == 404
    assert list(response.json()) == ["detail"]


@pytest.fixture
def three_per_minute(monkeypatch):
    """Lower the anonymous rate for one test: DRF reads the rates once, into the throttle class."""
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


@pytest.mark.parametrize("url", ["/api/v1/pages/", "/api/v1/images/", "/api/v1/documents/", "/api/v1/legal-acts/"])
def test_anonymous_client_is_throttled(client, three_per_minute, url):
    statuses = [client.get(url).status_code for _attempt in range(3)]

    response = client.get(url)

    assert statuses == [200, 200, 200]
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "throttled" not in response.json()["detail"]


def test_throttle_message_in_english(client, three_per_minute):
    for _attempt in range(3):
        client.get("/api/v1/pages/")

    response = client.get("/api/v1/pages/", {"lang": "en"})

    assert response.json()["detail"].startswith("Too many requests. Try again in ")


def test_forwarded_header_does_not_reset_throttle(client, three_per_minute):
    for attempt in range(3):
        client.get("/api/v1/legal-acts/", HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}")

    response = client.get("/api/v1/legal-acts/", HTTP_X_FORWARDED_FOR="10.0.0.99")

    assert response.status_code == 429


def test_value_outside_choices_is_400(client):
    from cms.news.categories import NewsCategory

    bad = client.get("/api/v1/pages/", {"type": "news.NewsPage", "category": "xyz"})
    good = client.get("/api/v1/pages/", {"type": "news.NewsPage", "category": NewsCategory.values[0]})

    assert bad.status_code == 400
    assert NewsCategory.values[0] in bad.json()["errors"]["category"][0]
    assert good.status_code == 200
