"""Queries behind the public legal-acts pages.

Each function runs a fixed number of queries whatever the size of the act,
so page cost does not grow with the library.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404

from .models import ActVersion, AmendmentNote, Division, LegalAct, Provision

# Acts with more provisions than this list only their divisions on the act
# page; each division page lists its own articles. Keeps a code's table of
# contents small enough for a phone.
INLINE_TOC_LIMIT = 150


@dataclass
class TocEntry:
    division: Division
    provisions: list = field(default_factory=list)
    children: list = field(default_factory=list)
    first: Provision | None = None
    last: Provision | None = None


def get_public_act(slug: str) -> LegalAct:
    try:
        # A code's text runs to megabytes; pages read the structure rows instead.
        return (
            LegalAct.objects.public()
            .select_related("current_version")
            .defer("current_version__source_text")
            .get(slug=slug)
        )
    except LegalAct.DoesNotExist:
        raise Http404("No such legal act") from None


def get_version(act: LegalAct, version_id: int | str | None) -> ActVersion:
    """Return the requested published version of ``act``, or its current one when ``version_id`` is empty."""
    if not version_id:
        return act.current_version
    try:
        return act.versions.defer("source_text").get(pk=int(version_id), live=True)
    except (ActVersion.DoesNotExist, ValueError, OverflowError):
        raise Http404("No such version") from None


def get_act_and_version(act_slug: str, version_id: int | str | None) -> tuple[LegalAct, ActVersion]:
    act = get_public_act(act_slug)
    return act, get_version(act, version_id)


def table_of_contents(version: ActVersion, with_provisions: bool) -> tuple[list[TocEntry], list[Provision]]:
    """Return the division tree and the provisions outside any division.

    Two queries: one for divisions, one for the provisions' headings.
    """
    divisions = list(version.divisions.all())
    provisions = list(
        version.provisions.only("id", "kind", "number", "slug", "title", "division_id", "position", "version_id")
    )

    entries = {division.pk: TocEntry(division) for division in divisions}
    roots = []
    for division in divisions:
        entry = entries[division.pk]
        if division.parent_id and division.parent_id in entries:
            entries[division.parent_id].children.append(entry)
        else:
            roots.append(entry)

    loose = []
    for provision in provisions:
        entry = entries.get(provision.division_id)
        if entry is None:
            loose.append(provision)
            continue
        if with_provisions:
            entry.provisions.append(provision)
        entry.first = entry.first or provision
        entry.last = provision

    _spread_ranges(roots)
    return roots, loose


def _spread_ranges(entries: list[TocEntry]) -> None:
    """Give parts the article range of the chapters inside them."""
    for entry in entries:
        _spread_ranges(entry.children)
        for child in entry.children:
            if child.first and (entry.first is None or child.first.position < entry.first.position):
                entry.first = child.first
            if child.last and (entry.last is None or child.last.position > entry.last.position):
                entry.last = child.last


def get_division(version: ActVersion, slug: str) -> Division:
    try:
        return version.divisions.select_related("parent").get(slug=slug)
    except Division.DoesNotExist:
        raise Http404("No such division") from None


def division_contents(division: Division) -> tuple[list[TocEntry], list[Provision]]:
    """Return the divisions directly inside ``division`` (with their ranges) and its own provisions.

    A part of a code lists its chapters, not their hundreds of articles, so
    the page stays small; a chapter lists its articles.
    """
    roots, _loose = table_of_contents(division.version, with_provisions=True)
    entry = _find_entry(roots, division.pk)
    if entry is None:
        return [], []
    for child in entry.children:
        _drop_provisions(child)
    return entry.children, entry.provisions


def _find_entry(entries: list[TocEntry], division_id: int) -> TocEntry | None:
    for entry in entries:
        if entry.division.pk == division_id:
            return entry
        found = _find_entry(entry.children, division_id)
        if found is not None:
            return found
    return None


def _drop_provisions(entry: TocEntry) -> None:
    entry.provisions = []
    for child in entry.children:
        _drop_provisions(child)


def get_provision(version: ActVersion, slug: str) -> Provision:
    notes = Prefetch("notes", queryset=AmendmentNote.objects.order_by("number"))
    try:
        return version.provisions.select_related("division", "division__parent").prefetch_related(notes).get(slug=slug)
    except Provision.DoesNotExist:
        raise Http404("No such article") from None


def neighbours(provision: Provision) -> tuple[Provision | None, Provision | None]:
    siblings = Provision.objects.filter(version_id=provision.version_id).only("id", "kind", "number", "slug", "title")
    previous = siblings.filter(position__lt=provision.position).order_by("-position").first()
    following = siblings.filter(position__gt=provision.position).order_by("position").first()
    return previous, following


def division_trail(division: Division | None) -> list[Division]:
    """Return the division and the divisions that enclose it, outermost first."""
    trail = []
    while division is not None:
        trail.insert(0, division)
        division = division.parent
    return trail
