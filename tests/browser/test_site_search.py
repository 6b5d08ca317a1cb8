"""The site search on a phone: a help question typed without Azerbaijani letters, found from the header and opened.

The site is the one load_content builds, so the questions are the shipped
ones, indexed by the signals as load_content publishes them. Locators are
addresses and CSS classes rather than texts, because translations change.
"""

from urllib.parse import quote_plus

import pytest

from .test_eservices import check_page, phone_page

pytestmark = pytest.mark.browser

QUESTION_PATH = "/komek/hesab-ve-giris/sifremi-unutmusam/"


def test_find_question_from_header_and_open_it(browser, site_url):
    context, page = phone_page(browser)

    page.goto(site_url + "/")
    page.locator("header input[name=q]").fill("sifremi unutmusam")
    page.locator("header form[role=search] button[type=submit]").click()
    page.wait_for_url("**/axtaris/?q=*")

    # Not a legal query, and no law contains both words: help and news come first.
    first_hit = page.locator(".search-results__title a").first
    assert first_hit.get_attribute("href") == QUESTION_PATH
    assert page.locator(".search-results--pages .search-results__snippet").count() > 0
    assert page.locator(".search-tabs a").count() == 3
    check_page(page, "site-search-all")

    page.locator(".search-tabs a").nth(2).click()
    page.wait_for_url("**section=help*")
    assert page.locator(".search-tabs a[aria-current=page]").count() == 1
    assert page.locator(f".search-results a[href='{QUESTION_PATH}']").count() == 1
    check_page(page, "site-search-help")

    page.locator(f".search-results a[href='{QUESTION_PATH}']").click()
    page.wait_for_url(f"**{QUESTION_PATH}")
    assert page.locator("h1").count() == 1
    context.close()


def test_article_query_lists_laws_first(browser, site_url):
    context, page = phone_page(browser)

    page.goto(site_url + "/axtaris/?q=" + quote_plus("maddə 13"))

    assert "/qanunlar/" in page.locator(".search-results__title a").first.get_attribute("href")
    check_page(page, "site-search-article")
    context.close()


def test_russian_help_search_without_javascript(browser, site_url):
    context, page = phone_page(browser, java_script_enabled=False)

    page.goto(site_url + "/ru/axtaris/?section=help&q=" + quote_plus("ЗАБЫЛ ПАРОЛЬ"))

    link = page.locator(f".search-results a[href='/ru{QUESTION_PATH}']")
    assert link.count() == 1
    link.click()
    page.wait_for_url(f"**/ru{QUESTION_PATH}")
    context.close()
