"""Shared fixtures for the news: an index and items under the Azerbaijani home page.

Pages are built here with the real Wagtail publishing path (save_revision().publish()),
so Wagtail's signals run as they do in the admin. test_setup.py runs the shipped set-up itself.
"""

import datetime

import pytest

from cms.home.models import HomePage
from cms.news.models import NewsIndexPage, NewsPage
from tests.pages import publish_child, translate  # noqa: F401  (the tests of this folder import them from here)

INDEX_PATH = "/xeberler/"


def make_item(index, slug, *, title=None, category="elanlar", date=None, summary="Qısa xülasə.", body="<p>Mətn.</p>"):
    return publish_child(
        index,
        NewsPage(
            title=title or f"Xəbər {slug}",
            slug=slug,
            category=category,
            date=date or datetime.date(2026, 11, 1),
            summary=summary,
            body=body,
        ),
    )


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale__language_code="az")


@pytest.fixture
def news_index(home):
    return publish_child(home, NewsIndexPage(title="Xəbərlər", slug="xeberler", intro="<p>Nazirliyin xəbərləri.</p>"))
