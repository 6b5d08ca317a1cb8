"""The signals that start subscription e-mails: a news item published, an act changed.

Each handler copies what the e-mails need (titles, links, what changed) in
every language and stores it as one Announcement. The worker does the rest
(see ``sending.py``). Only attributes of the objects received are read, so
the news and legal apps stay free to change their models.
"""

import logging

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

from cms.accounts.mail import absolute_url

from .models import SubscriptionKind
from .sending import announce

logger = logging.getLogger(__name__)


def news_category(page) -> str:
    """Return the page's category value as the subscriptions store it, or "" for none."""
    category = getattr(page, "category", "") or ""
    return str(getattr(category, "pk", category))[:64]


def on_news_published(sender, page, **kwargs) -> None:
    page = getattr(page, "specific", page)
    language = page.locale.language_code
    # SITE_BASE_URL, like every other e-mail: the Site record may name another host.
    url = absolute_url(page.get_url_parts()[2])
    summary = getattr(page, "summary", "") or getattr(page, "search_description", "") or ""
    content = {language: {"title": page.title, "url": url, "summary": str(summary)}}
    announce(
        f"news:{page.pk}", SubscriptionKind.NEWS, content, language=language, category=news_category(page)
    )


def act_url(act, language: str) -> str:
    """Return the absolute address of the act's page in ``language``, or the site's address when the library is missing."""
    from cms.legal.links import act_url as library_act_url
    from cms.legal.models import LegalActIndexPage

    library = LegalActIndexPage.objects.live().filter(locale__language_code=language).first()
    if library is None:
        logger.warning("No live legal-acts library in %s; the e-mail links to the home page", language)
        return absolute_url("/")
    _site_id, _root_url, path = library.get_url_parts()
    return absolute_url(library_act_url(path, act))


def describe_change(change, language: str) -> dict:
    """Return the title, link and a one-line summary of an act change, in ``language``."""
    act = change.act
    with translation.override(language):
        parts = [change.get_kind_display()]
        if getattr(change, "date", None):
            parts.append(date_format(change.date, "j E Y"))
        if getattr(change, "new_status", ""):
            old = change.get_old_status_display() if change.old_status else ""
            parts.append(f"{old} → {change.get_new_status_display()}" if old else change.get_new_status_display())
        return {"title": act.localized_title, "url": act_url(act, language), "summary": ", ".join(parts)}


def on_act_changed(sender, change, **kwargs) -> None:
    if not change.act.live:
        # The e-mail would link to a page readers cannot open.
        logger.warning("Act change %s of unpublished act %s not announced", change.pk, change.act.pk)
        return
    content = {code: describe_change(change, code) for code, _name in settings.LANGUAGES}
    announce(f"act-change:{change.pk}", SubscriptionKind.ACT, content, act=change.act)
