"""The shipped news section: az/en/ru, three demo items, idempotent, editors' changes kept."""

import pytest

from cms.news import content
from cms.news.models import NewsIndexPage, NewsPage
from cms.news.setup import ensure_news

pytestmark = pytest.mark.django_db


def test_ensure_news_builds_every_language_once(client):
    index = ensure_news()
    assert index.slug == "xeberler"
    assert index.locale.language_code == "az"
    assert NewsIndexPage.objects.live().count() == 3
    assert NewsPage.objects.live().count() == 3 * len(content.NEWS)

    for prefix, language in (("", "az"), ("/en", "en"), ("/ru", "ru")):
        response = client.get(f"{prefix}/xeberler/")
        assert response.status_code == 200
        titles = [item.title for item in response.context["news_page"].object_list]
        assert titles == [spec.title[language] for spec in sorted(content.NEWS, key=lambda spec: spec.date, reverse=True)]

    english = NewsPage.objects.get(locale__language_code="en", slug=content.GRANT_RULES.slug)
    assert english.summary == content.GRANT_RULES.summary["en"]
    assert "Demo text" in english.body
    assert "Nümunə mətn" in NewsPage.objects.get(locale__language_code="az", slug=content.HOTLINE.slug).body
    # The grant rules item names the shipped act it is about.
    assert [act["slug"] for act in english.related_act_list] == list(content.GRANT_RULES.acts)

    # A second run changes nothing and keeps what editors changed.
    english.title = "Edited by an editor"
    english.save_revision().publish()
    ensure_news()
    assert NewsIndexPage.objects.count() == 3
    assert NewsPage.objects.count() == 3 * len(content.NEWS)
    assert NewsPage.objects.get(pk=english.pk).title == "Edited by an editor"
