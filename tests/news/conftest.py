"""Shared fixtures for the news: an index and items under the Azerbaijani home page.

Pages are built here with the real Wagtail publishing path (save_revision().publish()),
so Wagtail's signals run as they do in the admin. test_setup.py runs the shipped set-up itself.
"""

import datetime

import pytest
from wagtail.models import Locale

from cms.home.models import HomePage
from cms.news.models import NewsIndexPage, NewsPage

INDEX_PATH = "/xeberler/"


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, language: str, **fields):
    """Publish a translation of ``page`` in ``language`` with the same slug; its parent must be translated."""
    translated = page.specific.copy_for_translation(Locale.objects.get(language_code=language))
    translated.slug = page.slug
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return type(page).objects.get(pk=translated.pk)


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
