"""The news list, its category filter and pagination, and the news item page."""

import datetime

import pytest
from django.utils import translation

from cms.legal.models import LegalAct, LegalActIndexPage
from cms.news.categories import NewsCategory
from cms.news.models import NEWS_PER_PAGE, NewsPage
from cms.news.views import unknown_category_message

from .conftest import INDEX_PATH, make_item, translate

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [item.title for item in response.context["news_page"].object_list]


def test_list_is_newest_first_and_paginated(client, news_index):
    for day in range(1, NEWS_PER_PAGE + 3):
        make_item(news_index, f"xeber-{day}", title=f"Xəbər {day}", date=datetime.date(2026, 11, day))

    first = client.get(INDEX_PATH)
    assert first.status_code == 200
    assert titles(first)[:2] == [f"Xəbər {NEWS_PER_PAGE + 2}", f"Xəbər {NEWS_PER_PAGE + 1}"]
    assert len(titles(first)) == NEWS_PER_PAGE
    assert f'href="?page=2" rel="next"' in first.content.decode()

    second = client.get(INDEX_PATH, {"page": 2})
    assert titles(second) == ["Xəbər 2", "Xəbər 1"]

    # A page number that is no number shows the first page rather than an error.
    assert titles(client.get(INDEX_PATH, {"page": "iki"})) == titles(first)


def test_filter_by_category(client, news_index):
    make_item(news_index, "qrant", title="Qrant qaydaları dəyişdi", category=NewsCategory.GRANTS)
    make_item(news_index, "elan", title="Qaynar xətt işləyir", category=NewsCategory.ANNOUNCEMENTS)

    response = client.get(INDEX_PATH, {"category": "qrantlar"})
    assert response.status_code == 200
    assert titles(response) == ["Qrant qaydaları dəyişdi"]
    html = response.content.decode()
    # The chosen category is marked in the list of categories, and its feeds are announced.
    assert 'href="/xeberler/?category=qrantlar" aria-current="page"' in html
    assert 'href="/abune/xeberler/"' in html  # The e-mail subscription to the news.
    assert 'type="application/atom+xml"' in html
    assert 'href="/xeberler/atom/?category=qrantlar"' in html

    # The page of a category keeps the category in its page links.
    for day in range(1, NEWS_PER_PAGE + 2):
        make_item(news_index, f"qrant-{day}", category=NewsCategory.GRANTS, date=datetime.date(2026, 10, day))
    paged = client.get(INDEX_PATH, {"category": "qrantlar"}).content.decode()
    assert "?category=qrantlar&amp;page=2" in paged


@pytest.mark.parametrize("value", ["yoxdur", "QRANTLAR", "qrantlar'--", "<script>"])
def test_unknown_category_is_a_translated_400(client, news_index, value):
    make_item(news_index, "elan", category=NewsCategory.ANNOUNCEMENTS)

    response = client.get(INDEX_PATH, {"category": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert unknown_category_message() in html
    assert "<script>" not in html.split("<main", 1)[1]

    translate(news_index, "en", title="News")
    english = client.get(f"/en{INDEX_PATH}", {"category": value})
    with translation.override("en"):
        assert english.status_code == 400
        assert str(unknown_category_message()) in english.content.decode()


def test_empty_category_shows_everything(client, news_index):
    make_item(news_index, "elan", category=NewsCategory.ANNOUNCEMENTS)
    assert len(titles(client.get(INDEX_PATH, {"category": ""}))) == 1


def test_news_page_shows_the_item_and_its_links(client, news_index):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    item = NewsPage(
        title="Ailə Məcəlləsinə dəyişiklik: İşçi qrupu yaradıldı",
        slug="aile-mecellesi-deyisiklik",
        category=NewsCategory.LEGISLATION,
        date=datetime.date(2026, 11, 20),
        summary="Şəki və Gəncə təşkilatları üçün görüş.",
        body="<h3>Nə dəyişir</h3><p>Mətn <strong>qalın</strong>.</p>",
    )
    item.related_acts = [act]
    news_index.add_child(instance=item)
    item.save_revision().publish()

    response = client.get(f"{INDEX_PATH}aile-mecellesi-deyisiklik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ailə Məcəlləsinə dəyişiklik: İşçi qrupu yaradıldı" in html
    assert '<time datetime="2026-11-20">' in html
    assert "<strong>qalın</strong>" in html
    assert 'href="/xeberler/?category=qanunvericilik"' in html
    assert 'href="/qanunlar/aile-mecellesi/"' in html
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert response.public_cache is True


def test_titles_and_summaries_are_escaped(client, news_index):
    make_item(news_index, "skript", title="<script>alert(1)</script> Xəbər", summary="<img src=x onerror=alert(1)>")
    for path in (INDEX_PATH, f"{INDEX_PATH}skript/", "/"):
        html = client.get(path).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Xəbər" in html


def test_each_language_lists_its_own_items(client, news_index):
    item = make_item(news_index, "xidmetler", title="Elektron xidmətlər açıldı")
    translate(news_index, "en", title="News")
    translate(item, "en", title="E-services are open")

    english = client.get(f"/en{INDEX_PATH}")
    assert titles(english) == ["E-services are open"]
    assert titles(client.get(INDEX_PATH)) == ["Elektron xidmətlər açıldı"]
    assert client.get(f"/en{INDEX_PATH}xidmetler/").status_code == 200


def test_drafts_and_unpublished_items_are_not_listed(client, news_index):
    live = make_item(news_index, "canli", title="Canlı")
    withdrawn = make_item(news_index, "silinen", title="Geri çəkilən")
    withdrawn.unpublish()
    draft = NewsPage(title="Qaralama", slug="qaralama", category="elanlar", summary="x", body="<p>x</p>", live=False)
    news_index.add_child(instance=draft)

    assert titles(client.get(INDEX_PATH)) == [live.title]
    assert client.get(f"{INDEX_PATH}qaralama/").status_code == 404


def test_search_and_api_readiness(news_index):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    item = NewsPage(
        title="Xəbər",
        slug="hazirliq",
        category=NewsCategory.GRANTS,
        summary="Qrant müqaviləsi.",
        body="<p>Birinci <b>abzas</b>.</p><ul><li>Şərt</li></ul>",
    )
    item.related_acts = [act]
    news_index.add_child(instance=item)
    item.save_revision().publish()
    item = NewsPage.objects.get(pk=item.pk)

    assert NewsPage.site_search_kind == "news"
    assert item.site_search_text() == "Qrant müqaviləsi. Birinci abzas. Şərt"
    assert {field.name for field in NewsPage.api_fields} >= {"date", "category", "summary", "body", "image"}
    assert item.related_act_list == [{"slug": "aile-mecellesi", "title": act.title}]
    assert list(item.live_related_services()) == []
    with translation.override("en"):
        assert item.category_label == "Grants and funding"


def test_home_page_accepts_a_news_index():
    from cms.home.models import HomePage

    assert "news.NewsIndexPage" in HomePage.subpage_types
    assert LegalActIndexPage.objects.exists()


def test_api_serialises_news_fields(client, news_index):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    item = NewsPage(
        title="API xəbəri", slug="api", category=NewsCategory.GRANTS, summary="Xülasə.", body="<p>Mətn.</p>"
    )
    item.related_acts = [act]
    news_index.add_child(instance=item)
    item.save_revision().publish()

    response = client.get(f"/api/v1/pages/{item.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["category"] == "qrantlar"
    assert data["summary"] == "Xülasə."
    assert data["date"] == item.date.isoformat()
    assert data["related_act_list"] == [{"slug": "aile-mecellesi", "title": act.title}]
    assert data["image"] is None
