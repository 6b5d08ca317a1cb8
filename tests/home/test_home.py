"""The home page: e-services, latest news, changes to legislation, help entry points; a fixed number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.home.front import LATEST_CHANGES, LATEST_NEWS
from cms.home.models import HomePage
from cms.legal.models import ActChange, ChangeKind, LegalAct
from cms.news.categories import NewsCategory
from cms.news.models import NewsIndexPage, NewsPage
from help.models import ContactPage, HelpIndexPage
from tests.eservices.conftest import make_service_page

pytestmark = pytest.mark.django_db


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def home():
    return HomePage.objects.get(locale__language_code="az")


@pytest.fixture
def news_index(home):
    return publish_child(home, NewsIndexPage(title="Xəbərlər", slug="xeberler"))


def add_news(index, count, start=1):
    for number in range(start, start + count):
        publish_child(
            index,
            NewsPage(
                title=f"Xəbər nömrə {number}",
                slug=f"xeber-{number}",
                category=NewsCategory.ANNOUNCEMENTS,
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
                summary=f"Xülasə {number}: Şəki, Gəncə.",
                body="<p>Mətn.</p>",
            ),
        )


def add_changes(count):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    ActChange.objects.bulk_create(
        [
            ActChange(act=act, kind=ChangeKind.STATUS, date=datetime.date(2026, 2, 1), old_status="in_force", new_status="repealed")
            for _ in range(count)
        ]
    )


def test_home_shows_latest_news_changes_services_and_help(client, home, news_index):
    add_news(news_index, LATEST_NEWS + 2)
    add_changes(1)
    service = make_service_page()
    service.save_revision().publish()
    help_index = publish_child(home, HelpIndexPage(title="Kömək", slug="komek"))
    publish_child(help_index, ContactPage(title="Əlaqə", slug="elaqe", working_hours="Bazar ertəsi – cümə"))

    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()

    latest = [item.title for item in response.context["latest_news"]]
    assert latest == [f"Xəbər nömrə {number}" for number in range(LATEST_NEWS + 2, 2, -1)]
    assert 'href="/xeberler/xeber-6/"' in html
    assert 'href="/xeberler/xeber-2/"' not in html
    assert 'href="/xeberler/"' in html
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert 'href="/xeberler/atom/"' in html

    assert 'href="/qanunlar/deyisiklikler/"' in html
    assert html.count('class="change-list__item"') == 1

    assert f'href="{service.url}"' in html
    assert service.summary in html

    assert 'href="/komek/"' in html
    assert 'href="/komek/elaqe/"' in html
    # No video guides or samples were published: no link leads to a missing page.
    assert "/komek/videolar/" not in html
    assert "/komek/numuneler/" not in html


def test_home_without_news_or_changes_still_works(client):
    response = client.get("/")
    assert response.status_code == 200
    assert list(response.context["latest_news"]) == []
    assert response.context["news_index"] is None
    assert 'id="home-news"' not in response.content.decode()


def test_home_links_in_english(client, home, news_index):
    from tests.news.conftest import translate

    add_news(news_index, 1)
    translate(news_index, "en", title="News")
    translate(NewsPage.objects.get(slug="xeber-1"), "en", title="News item one")

    html = client.get("/en/").content.decode()
    assert 'href="/en/xeberler/xeber-1/"' in html
    assert "News item one" in html
    assert "Xəbər nömrə 1" not in html


def count_home_queries(client) -> int:
    cache.clear()  # The public page cache would return the page without a query.
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_home_runs_a_fixed_number_of_queries(client, home, news_index, django_assert_max_num_queries):
    add_news(news_index, 1)
    add_changes(1)
    few = count_home_queries(client)

    add_news(news_index, 10, start=2)
    add_changes(LATEST_CHANGES + 10)
    for number in range(3):
        make_service_page(slug=f"xidmet-{number}", prefix="X" + "ABC"[number]).save_revision().publish()
    many = count_home_queries(client)

    assert many == few
    cache.clear()
    with django_assert_max_num_queries(25):
        client.get("/")
