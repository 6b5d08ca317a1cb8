from django import template
from django.utils.translation import gettext as _

from .. import links, parse_messages
from ..models import DivisionKind, ProvisionKind

register = template.Library()


def _library_url(context) -> str:
    return context["page"].url


@register.simple_tag(takes_context=True)
def act_url(context, act, version=None):
    return links.act_url(_library_url(context), act, version)


@register.simple_tag(takes_context=True)
def provision_url(context, act, provision, version=None):
    return links.provision_url(_library_url(context), act, provision, version)


@register.simple_tag(takes_context=True)
def division_url(context, act, division, version=None):
    return links.division_url(_library_url(context), act, division, version)


@register.simple_tag
def provision_range(first, last) -> str:
    """Describe the provisions from ``first`` to ``last``: "Articles 1–9", or "Article 7" for one."""
    if first is None:
        return ""
    is_article = first.kind == ProvisionKind.ARTICLE
    if last is None or first.pk == last.pk:
        text = _("Article %(number)s") if is_article else _("Point %(number)s")
        return text % {"number": first.number}
    text = _("Articles %(first)s–%(last)s") if is_article else _("Points %(first)s–%(last)s")
    return text % {"first": first.number, "last": last.number}


@register.filter
def citation_label(provision) -> str:
    """Return the provision as it is cited in Azerbaijani running text: "maddə 7-1" or "bənd 3.2"."""
    if provision.kind == ProvisionKind.ARTICLE:
        return f"maddə {provision.number}"
    return f"bənd {provision.number}"


@register.simple_tag
def text_excerpt(text, limit) -> dict:
    """Cut ``text`` to at most ``limit`` characters, at a paragraph break when there is one.

    Returns ``{"text": ..., "cut": bool}``, so the template can tell the reader that the text goes on.
    """
    if len(text) <= limit:
        return {"text": text, "cut": False}
    excerpt = text[:limit]
    paragraph_end = excerpt.rfind("\n\n")
    if paragraph_end > 0:
        excerpt = excerpt[:paragraph_end]
    return {"text": excerpt.rstrip(), "cut": True}


@register.simple_tag
def split_loose(loose_provisions, toc) -> dict:
    """Split the provisions outside any division into those printed before the first division and the rest.

    Returns ``{"before": [...], "after": [...]}``. Without divisions, all of
    them are "before".
    """
    positions = [entry.first.position for entry in toc if entry.first is not None]
    if not positions:
        return {"before": list(loose_provisions), "after": []}
    first_position = min(positions)
    before = [provision for provision in loose_provisions if provision.position < first_position]
    after = [provision for provision in loose_provisions if provision.position >= first_position]
    return {"before": before, "after": after}


# HTML has six heading levels. The whole-text page starts divisions at h2.
MAX_HEADING_LEVEL = 6


@register.simple_tag
def with_division_headings(version, provisions) -> list[dict]:
    """Pair each provision with the headings of the divisions that start just before it.

    Each item is ``{provision, headings, level}``: ``headings`` is a list of
    ``{division, level}``, outermost first, and ``level`` is the heading level
    for the provision itself. Runs one query for the version's divisions.
    """
    divisions = {division.pk: division for division in version.divisions.all()}
    items = []
    open_path = []
    for provision in provisions:
        path = []
        division = divisions.get(provision.division_id)
        while division is not None:
            path.insert(0, division)
            division = divisions.get(division.parent_id)

        shared = 0
        while shared < min(len(path), len(open_path)) and path[shared].pk == open_path[shared].pk:
            shared += 1

        headings = [
            {"division": division, "level": min(index + 2, MAX_HEADING_LEVEL)}
            for index, division in enumerate(path)
            if index >= shared
        ]
        items.append({"provision": provision, "headings": headings, "level": min(len(path) + 2, MAX_HEADING_LEVEL)})
        open_path = path
    return items


def _division_kind_label(kind: str) -> str:
    try:
        return DivisionKind(kind).label
    except ValueError:
        return kind


def _parsed_provision_label(provision) -> str:
    if provision.kind == ProvisionKind.ARTICLE:
        return f"Maddə {provision.number}."
    return f"{provision.number}."


@register.simple_tag
def parsed_outline(parsed) -> dict:
    """Arrange a ``ParsedAct`` as a tree for the version preview.

    Returns ``{"roots": [...], "loose": [...]}``. Each node is
    ``{division, kind_label, children, provisions}``, and each provision item
    is ``{provision, label}``. Provisions outside any division go to "loose".
    """
    nodes = [
        {"division": division, "kind_label": _division_kind_label(division.kind), "children": [], "provisions": []}
        for division in parsed.divisions
    ]
    roots = []
    for node in nodes:
        parent = node["division"].parent
        if parent is not None and 0 <= parent < len(nodes):
            nodes[parent]["children"].append(node)
        else:
            roots.append(node)

    loose = []
    for provision in parsed.provisions:
        item = {"provision": provision, "label": _parsed_provision_label(provision)}
        path = provision.division_path
        if path and 0 <= path[-1] < len(nodes):
            nodes[path[-1]]["provisions"].append(item)
        else:
            loose.append(item)
    return {"roots": roots, "loose": loose}


@register.filter
def parse_message(message) -> str:
    """Show a parser message or error in the active language."""
    return parse_messages.localized(message)
