"""The news section in az/en/ru and the shipped news items. Idempotent.

``ensure_news()`` creates what is missing and leaves what exists alone, so
running it again keeps editors' changes. It needs the home pages
(``cms.home.setup``); links to e-services and acts are made to the pages and
acts that exist, and skipped otherwise. The English and Russian pages are
Wagtail translations of the Azerbaijani ones with the same slug.
"""

import logging

from django.db import transaction
from wagtail.models import Locale, Page

from cms.home.models import HomePage

from . import content
from .models import NewsIndexPage, NewsPage

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "az"


@transaction.atomic
def ensure_news() -> NewsIndexPage | None:
    """Create the news section in every language, and return the Azerbaijani index page."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = HomePage.objects.filter(locale=locales.get(SOURCE_LANGUAGE)).first()
    if home is None:
        logger.warning("No Azerbaijani home page: run ensure_site_tree() before ensure_news().")
        return None
    others = [(language, locale) for language, locale in locales.items() if language != SOURCE_LANGUAGE]

    index = _ensure_index(home)
    for language, locale in others:
        _ensure_translation(index, locale, {"title": content.INDEX_TITLE[language], "intro": content.INDEX_INTRO[language]})

    for spec in content.NEWS:
        item = _ensure_item(index, spec)
        for language, locale in others:
            _ensure_translation(item, locale, _item_fields(spec, language))
    return index


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    logger.info("Created the news page %s (%s)", page.pk, page.slug)
    return page


def _ensure_index(home: HomePage) -> NewsIndexPage:
    index = NewsIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    page = NewsIndexPage(
        title=content.INDEX_TITLE[SOURCE_LANGUAGE],
        slug=content.INDEX_SLUG,
        intro=content.INDEX_INTRO[SOURCE_LANGUAGE],
        locale=home.locale,
    )
    return _publish_child(home, page)


def _item_fields(spec: content.NewsSpec, language: str) -> dict:
    return {
        "title": spec.title[language],
        "summary": spec.summary[language],
        "body": spec.body[language] + content.DEMO_NOTE[language],
    }


def _ensure_item(index: NewsIndexPage, spec: content.NewsSpec) -> NewsPage:
    item = NewsPage.objects.child_of(index).filter(slug=spec.slug).first()
    if item is not None:
        return item
    from cms.legal.models import LegalAct
    from forms.models import ServicePage

    page = NewsPage(slug=spec.slug, date=spec.date, category=spec.category, locale=index.locale, **_item_fields(spec, SOURCE_LANGUAGE))
    page.related_services = list(ServicePage.objects.filter(locale=index.locale, slug__in=spec.services))
    page.related_acts = list(LegalAct.objects.filter(slug__in=spec.acts))
    return _publish_child(index, page)


def _ensure_translation(page: Page, locale: Locale, fields: dict) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.specific.copy_for_translation(locale)
    translated.slug = page.slug
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    logger.info("Created the %s translation %s of news page %s", locale.language_code, translated.pk, page.pk)
    return translated
