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
        return LegalAct.objects.public().select_related("current_version").get(slug=slug)
    except LegalAct.DoesNotExist:
        raise Http404("No such legal act") from None


def get_version(act: LegalAct, version_id: int | None) -> ActVersion:
    """Return the requested published version of ``act``, or its current one."""
    if version_id is None:
        return act.current_version
    try:
        return act.versions.get(pk=version_id, live=True)
    except ActVersion.DoesNotExist:
        raise Http404("No such version") from None


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


def division_provisions(division: Division) -> list[Provision]:
    """Headings of the provisions in ``division`` and in the divisions inside it."""
    descendant_ids = [division.pk]
    frontier = [division.pk]
    all_divisions = list(division.version.divisions.values_list("pk", "parent_id"))
    while frontier:
        frontier = [pk for pk, parent in all_divisions if parent in frontier]
        descendant_ids.extend(frontier)
    return list(
        division.version.provisions.filter(division_id__in=descendant_ids).only(
            "id", "kind", "number", "slug", "title", "position", "version_id"
        )
    )


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
    """The division and the divisions that enclose it, outermost first."""
    trail = []
    while division is not None:
        trail.insert(0, division)
        division = division.parent
    return trail
