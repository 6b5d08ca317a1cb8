"""The news feeds, Atom and RSS, per language and per category, read as XML."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from cms.news.categories import NewsCategory

from .conftest import INDEX_PATH, make_item, translate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    return root, root.findall(f"{ATOM}entry")


def test_atom_feed_links_and_dates(client, news_index):
    make_item(news_index, "kohne", title="Köhnə xəbər", date=datetime.date(2026, 10, 1), summary="İlk xülasə.")
    make_item(news_index, "yeni", title="Yeni xəbər: ŞİRKƏT", date=datetime.date(2026, 11, 2))

    root, entries = atom_entries(client.get(f"{INDEX_PATH}atom/"))
    assert root.get(XML_LANG) == "az"
    assert root.find(f"{ATOM}title").text == "Xəbərlər"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/xeberler/atom/"
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Yeni xəbər: ŞİRKƏT", "Köhnə xəbər"]

    oldest = entries[1]
    assert oldest.find(f"{ATOM}link").get("href") == "http://testserver/xeberler/kohne/"
    assert oldest.find(f"{ATOM}id").text == "http://testserver/xeberler/kohne/"
    assert oldest.find(f"{ATOM}summary").text == "İlk xülasə."
    published = datetime.datetime.fromisoformat(oldest.find(f"{ATOM}published").text)
    assert published.date() == datetime.date(2026, 10, 1)
    assert published.tzinfo is not None
    updated = datetime.datetime.fromisoformat(oldest.find(f"{ATOM}updated").text)
    assert updated.tzinfo is not None
    assert datetime.datetime.fromisoformat(root.find(f"{ATOM}updated").text) >= updated


def test_feed_escapes_markup_in_titles_and_summaries(client, news_index):
    make_item(news_index, "skript", title="<script>alert(1)</script> & Co", summary="<b>qalın</b> & <i>")

    response = client.get(f"{INDEX_PATH}atom/")
    assert b"<script>" not in response.content
    _root, entries = atom_entries(response)
    assert entries[0].find(f"{ATOM}title").text == "<script>alert(1)</script> & Co"
    # The summary is HTML: the plain text comes back escaped once more, so a reader shows it as typed.
    assert entries[0].find(f"{ATOM}summary").get("type") == "html"
    assert entries[0].find(f"{ATOM}summary").text == "&lt;b&gt;qalın&lt;/b&gt; &amp; &lt;i&gt;"


def test_feed_per_category(client, news_index):
    make_item(news_index, "qrant", title="Qrant", category=NewsCategory.GRANTS)
    make_item(news_index, "elan", title="Elan", category=NewsCategory.ANNOUNCEMENTS)

    root, entries = atom_entries(client.get(f"{INDEX_PATH}atom/", {"category": "qrantlar"}))
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Qrant"]
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/xeberler/?category=qrantlar"
    assert entries[0].find(f"{ATOM}category").get("term") == str(NewsCategory.GRANTS.label)

    bad = client.get(f"{INDEX_PATH}atom/", {"category": "yox"})
    assert bad.status_code == 400
    assert bad["Content-Type"].startswith("text/plain")


def test_rss_feed(client, news_index):
    make_item(news_index, "elan", title="Elan & bildiriş", date=datetime.date(2026, 11, 5))

    response = client.get(f"{INDEX_PATH}rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("language").text == "az"
    item = channel.find("item")
    assert item.find("title").text == "Elan & bildiriş"
    assert item.find("link").text == "http://testserver/xeberler/elan/"
    assert "05 Nov 2026" in item.find("pubDate").text


def test_feed_in_english(client, news_index):
    item = make_item(news_index, "xidmetler", title="Xidmətlər açıldı")
    translate(news_index, "en", title="News")
    translate(item, "en", title="E-services are open")

    root, entries = atom_entries(client.get(f"/en{INDEX_PATH}atom/"))
    assert root.get(XML_LANG) == "en"
    assert entries[0].find(f"{ATOM}title").text == "E-services are open"
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/en/xeberler/xidmetler/"
