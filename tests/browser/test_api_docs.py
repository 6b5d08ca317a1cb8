"""The interactive API reference on a phone: it renders from this site's files alone."""

from urllib.parse import urlsplit

import pytest

from .conftest import screenshot
from .test_eservices import assert_accessible, phone_page

pytestmark = pytest.mark.browser

DOCS_PATH = "/api/v1/docs/"


def test_docs_render_without_other_hosts(browser, site_url):
    context, page = phone_page(browser)
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(site_url + DOCS_PATH)
    page.wait_for_selector(".opblock-tag", timeout=20000)

    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urlsplit(site_url).netloc}
    assert page.locator(".opblock-tag[data-tag='content']").count() == 1
    assert_accessible(page)
    screenshot(page, "api-docs")
    context.close()


def test_docs_without_javascript_link_the_schema(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()

    page.goto(site_url + DOCS_PATH)

    link = page.locator("a[href='/api/v1/schema/?format=json']")
    assert link.is_visible()
    context.close()
