"""The help centre and the news in the site search: which pages are indexed, and keeping their entries current.

A Wagtail page model takes part by declaring two things:

* ``site_search_kind``: a class attribute, one of ``KINDS`` ("faq", "guide",
  "sample", "news");
* ``site_search_text(self) -> str``: the page's plain text (an answer, a
  transcript, a description, a news body). Paragraphs may be separated by
  blank lines; snippets then come from the best paragraph.

Implementers are found among ``wagtail.models.get_page_models()``, so a new
page type needs no change here. Only live pages that no view restriction
covers are indexed, one entry per page in the page's own language.

These entries always live in the database, even where Elasticsearch serves
the law search: the corpus is a few hundred pages, small enough for ``LIKE``
over the stored terms (``search.page_query``).
TODO: index pages in Elasticsearch too once there are thousands of them,
because every search scans all the entries of its language.
"""

import logging

from django.db import transaction
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from wagtail.models import Locale, Page, get_page_models

from .cyrillic import cyrillic_words
from .models import PageEntry
from .normalise import exact_terms, fold, folded_terms, words
from .snippets import split_paragraphs

logger = logging.getLogger(__name__)

# Kind → (label of the filter and of the count, label of one hit), in the order the filters show them.
KINDS = {
    "faq": (_("Questions and answers"), _("Question and answer")),
    "guide": (_("Video guides"), _("Video guide")),
    "sample": (_("Document samples"), _("Document sample")),
    "news": (_("News"), pgettext_lazy("one search result", "News")),
}


def implementers() -> list[type[Page]]:
    """Return the page models that declare a known ``site_search_kind`` and a ``site_search_text`` method."""
    models = []
    for model in get_page_models():
        kind = getattr(model, "site_search_kind", None)
        if kind is None or not callable(getattr(model, "site_search_text", None)):
            continue
        if kind not in KINDS:
            logger.warning("%s declares the unknown site_search_kind %r; its pages are not indexed", model.__name__, kind)
            continue
        models.append(model)
    return models


def _indexable_pages():
    """Return a queryset of the live, public pages of every implementer, as plain ``Page`` rows."""
    return Page.objects.live().public().type(*implementers()) if implementers() else Page.objects.none()


def _terms(text: str) -> tuple[str, str]:
    return " ".join(exact_terms(text)), " ".join(folded_terms(text))


def _body_terms(text: str) -> tuple[str, str]:
    """Return the exact and folded terms of ``text``, one line per paragraph, as ``search.snippets`` reads them."""
    lines = [_terms(paragraph) for paragraph in split_paragraphs(text)]
    return "\n".join(exact for exact, _folded in lines), "\n".join(folded for _exact, folded in lines)


def match_terms(text: str) -> str:
    """Return every folded word, every stem and every Russian word of ``text``, space-separated, a space at both ends.

    Folded words let a query word match the start of a stored word, so
    "muqav" finds "müqavilə". Stems let an inflected query word match another
    form, so "muqavilesini" finds "müqavilə". Russian words are matched by
    their start (``search.cyrillic``).
    """
    stored = [fold(word) for word in words(text)] + folded_terms(text) + cyrillic_words(text)
    return f" {' '.join(dict.fromkeys(stored))} "


def _language_codes() -> dict[int, str]:
    return dict(Locale.objects.values_list("pk", "language_code"))


def entry_for(page, language: str) -> PageEntry:
    """Build the unsaved entry of ``page``, a specific page of an implementer, in ``language`` (its locale's)."""
    title = " ".join(page.title.split())
    text = (page.site_search_text() or "").strip()
    title_exact, title_folded = _terms(title)
    body_exact, body_folded = _body_terms(text)
    return PageEntry(
        page_id=page.pk,
        language=language,
        kind=page.site_search_kind,
        title=title,
        text=text,
        title_exact=title_exact,
        title_folded=title_folded,
        body_exact=body_exact,
        body_folded=body_folded,
        terms=match_terms(f"{title}\n{text}"),
        title_terms=match_terms(title),
        published_at=page.last_published_at or page.first_published_at,
    )


def index_page(page_id: int) -> bool:
    """Index a live, public page of an implementer, or drop its entry. Returns whether the page is indexed."""
    page = _indexable_pages().filter(pk=page_id).select_related("locale").first()
    if page is None:
        PageEntry.objects.filter(page_id=page_id).delete()
        return False

    entry = entry_for(page.specific, page.locale.language_code)
    with transaction.atomic():
        PageEntry.objects.filter(page_id=page_id).delete()
        entry.save()
    return True


def index_subtree(page_id: int) -> int:
    """Index again ``page_id`` and every page below it, after a move or a change of view restriction.

    Returns how many pages of the subtree are indexed now.
    """
    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return 0
    subtree = Page.objects.descendant_of(root, inclusive=True)
    candidates = set(subtree.type(*implementers()).values_list("pk", flat=True)) if implementers() else set()
    candidates |= set(PageEntry.objects.filter(page__in=subtree).values_list("page_id", flat=True))
    return sum(index_page(pk) for pk in sorted(candidates))


def rebuild(progress=None) -> int:
    """Drop every page entry and index every live, public page of every implementer.

    ``progress(done, total, page)`` is called after each page. Returns the entry count.
    """
    languages = _language_codes()
    pages = list(_indexable_pages().specific().order_by("path"))
    entries = []
    for done, page in enumerate(pages, start=1):
        entries.append(entry_for(page, languages[page.locale_id]))
        if progress:
            progress(done, len(pages), page)
    # Searches during a rebuild see the old entries until the new ones are all in.
    with transaction.atomic():
        PageEntry.objects.all().delete()
        PageEntry.objects.bulk_create(entries, batch_size=200)
    return len(entries)
