"""Language links on a page that exists in some languages only."""

import re

import pytest

from .conftest import make_item, translate

pytestmark = pytest.mark.django_db


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))


def switcher_links(html: str) -> dict[str, str]:
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher)}


def test_page_only_in_az_links_to_other_home_pages(client, news_index):
    make_item(news_index, "yalniz-az", title="Yalnız Azərbaycanca xəbər")

    html = client.get("/xeberler/yalniz-az/").content.decode()

    assert alternates(html) == {}
    assert switcher_links(html) == {"az": "/xeberler/yalniz-az/", "en": "/en/", "ru": "/ru/"}


def test_translated_page_links_to_translation(client, news_index):
    item = make_item(news_index, "tercume", title="Tərcümə olunan xəbər")
    translate(news_index, "en", title="News")
    translate(item, "en", title="A translated item")

    html = client.get("/xeberler/tercume/").content.decode()

    assert alternates(html) == {"en": "/en/xeberler/tercume/"}
    assert switcher_links(html) == {"az": "/xeberler/tercume/", "en": "/en/xeberler/tercume/", "ru": "/ru/"}
