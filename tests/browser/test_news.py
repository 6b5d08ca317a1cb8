"""The news on a phone: from the home page to the latest item, then to the list of its category.

The site is the one load_content builds, so the news are the shipped demo
items. Locators are addresses and CSS classes rather than texts, because
translations change.
"""

import xml.etree.ElementTree as ET

import pytest

from cms.news import content

from .test_eservices import check_page, phone_page

pytestmark = pytest.mark.browser

LATEST = max(content.NEWS, key=lambda spec: spec.date)
ITEM_PATH = f"/xeberler/{LATEST.slug}/"
CATEGORY_PATH = f"/xeberler/?category={LATEST.category.value}"


def test_news_from_home_to_category(browser, site_url):
    context, page = phone_page(browser)

    page.goto(site_url + "/")
    assert page.locator(".news-list__item").count() == len(content.NEWS)
    assert page.locator(".change-list").count() == 0  # The shipped library has no changes yet.
    check_page(page, "news-home")

    page.locator(f".news-list a[href='{ITEM_PATH}']").click()
    page.wait_for_url(f"**{ITEM_PATH}")
    assert page.locator("h1").inner_text() == LATEST.title["az"]
    assert page.locator("link[rel=alternate][type='application/atom+xml']").count() == 1
    check_page(page, "news-item")

    page.locator(f".news-article a[href='{CATEGORY_PATH}']").click()
    page.wait_for_url(f"**{CATEGORY_PATH}")
    current = page.locator(".news-categories a[aria-current=page]")
    assert current.get_attribute("href") == CATEGORY_PATH
    items = page.locator(".news-list__item a")
    assert items.count() == sum(1 for spec in content.NEWS if spec.category == LATEST.category)
    assert items.first.get_attribute("href") == ITEM_PATH
    check_page(page, "news-category")

    # The same list in Russian, through the language switcher.
    page.locator(".language-switcher a[hreflang=ru]").click()
    page.wait_for_url("**/ru/xeberler/**")
    assert page.locator("h1").inner_text().startswith(content.INDEX_TITLE["ru"])
    check_page(page, "news-category-ru")

    # A wrong category is a 400 page with the list of categories, not an error page.
    response = page.goto(site_url + "/xeberler/?category=yoxdur")
    assert response.status == 400
    assert page.locator(".error-summary").count() == 1
    check_page(page, "news-category-error")

    feed = page.request.get(site_url + "/xeberler/atom/?category=" + LATEST.category.value)
    assert feed.status == 200
    entries = ET.fromstring(feed.body()).findall("{http://www.w3.org/2005/Atom}entry")
    assert entries and all(
        entry.find("{http://www.w3.org/2005/Atom}link").get("href").startswith(site_url) for entry in entries
    )
    context.close()
