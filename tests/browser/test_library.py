"""Reading the library in Chromium at phone and desktop widths, with an accessibility audit."""

import json

import pytest

from .conftest import audit, screenshot

pytestmark = pytest.mark.browser

def test_open_act_use_toc_follow_permalink(page, site_url):
    page.goto(site_url + "/qanunlar/")
    page.get_by_role("link", name="Azərbaycan Respublikasının Ailə Məcəlləsi").first.click()
    page.wait_for_url("**/qanunlar/aile-mecellesi/")
    screenshot(page, "act")

    page.locator("main a[href*='fesil-'], main a[href*='madde-']").first.click()
    page.wait_for_load_state()
    if "/fesil-" in page.url or "/bolme-" in page.url:
        page.locator("main a[href*='madde-']").first.click()
        page.wait_for_load_state()
    screenshot(page, "article")

    assert "/madde-" in page.url
    assert page.locator("h1").inner_text().startswith("Maddə")


def test_article_permalink_next_and_citation(page, site_url):
    page.goto(site_url + "/qanunlar/konstitusiya/madde-98/")
    page.locator("a[rel='next']").first.click()
    page.wait_for_url("**/madde-98-1/")
    screenshot(page, "article-98-1")

    citation = page.locator("#citation").input_value()
    assert citation.startswith("Azərbaycan Respublikasının Konstitusiyası, maddə 98-1")
    assert citation.endswith("/qanunlar/konstitusiya/madde-98-1/")


def test_page_fits_phone_width(page, site_url):
    page.goto(site_url + "/qanunlar/mulki-mecelle/madde-1/")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")

    assert scroll_width <= page.viewport_width


def test_copy_citation_button(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(site_url + "/qanunlar/konstitusiya/madde-1/")

    page.get_by_role("button", name="İstinadı kopyala").click()

    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#citation").input_value()
    context.close()


def test_language_switch_keeps_article(page, site_url):
    page.goto(site_url + "/qanunlar/konstitusiya/madde-1/")

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/qanunlar/konstitusiya/madde-1/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("[lang=az]").count() > 0


def test_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()

    page.goto(site_url + "/qanunlar/?type=code")
    page.locator("main a[href*='/qanunlar/']").first.click()
    page.wait_for_load_state()

    assert page.locator("h1").count() == 1
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/qanunlar/",
        "/qanunlar/aile-mecellesi/",
        "/qanunlar/aile-mecellesi/madde-1/",
        "/en/qanunlar/konstitusiya/madde-1/",
        "/ru/qanunlar/",
        "/axtaris/?q=qrant+muqavilesi",
    ],
)
def test_no_serious_accessibility_violations(page, site_url, path):
    page.goto(site_url + path)

    violations = audit(page)

    assert violations == [], json.dumps(violations, indent=2)


def test_search_from_header_without_azerbaijani_letters(page, site_url):
    page.goto(site_url + "/qanunlar/")
    page.get_by_role("searchbox").first.fill("ictimai birliklerin qeydiyyati")
    page.get_by_role("button", name="Axtar").first.click()
    page.wait_for_url("**/axtaris/?q=*")
    screenshot(page, "search")

    assert page.locator(".search-results__item").count() > 0
    assert page.locator(".search-results mark").count() > 0
    page.locator(".search-results__title a").first.click()
    page.wait_for_load_state()
    assert "/qanunlar/" in page.url
