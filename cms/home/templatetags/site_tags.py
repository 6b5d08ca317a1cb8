"""Template tags for the site shell (header, navigation, language switcher) and the legal-text pages.

The URL tags for acts, divisions and articles are in ``cms.legal.templatetags.legal_tags``.
These helpers read only what the views put in the context. The exceptions are
``library_url`` and ``library_act_types``, which run one query each.
"""

import re

from django import template
from django.conf import settings
from django.db.models import Count
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.legal.models import ActType, DivisionKind, LegalAct, LegalActIndexPage, ProvisionKind

register = template.Library()

# Legal texts exist only in Azerbaijani, whatever the interface language.
TEXT_LANGUAGE = "az"

# The sentence that introduces the previous wording at the end of an amendment
# note: "Əvvəlki redaksiyada deyilirdi:" ("the previous wording read:"), with
# the misspellings and line breaks found in the shipped texts.
# The greedy first group makes the match start at the last such sentence.
TEXT_BEFORE_PREVIOUS_WORDING = re.compile(
    r"^(?P<text>.*)(?:əvvəlki|əvəlki)[^\n]*?(?:\n\n\s*)?deyilirdi:\s*$", re.IGNORECASE | re.DOTALL
)

# Request attribute that keeps the library URL per language for the rest of the request.
LIBRARY_URL_CACHE = "_site_tags_library_urls"


def _active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _home_url(language: str) -> str:
    with translation.override(language):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return "/"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Return links to the current page in every site language, for the language switcher.

    Each item is ``{code, name, url, current}``. The address keeps its query
    string. An address that no URL pattern matches falls back to the home page
    of the other language.
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = _active_language()

    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if code != current and url == path:
            url = _home_url(code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def library_url(context) -> str:
    """Return the URL of the live legal-acts library in the active language, or "" when there is none.

    On the library's own pages this is the page in the context. Elsewhere it
    costs one query per language per request, and the result is kept on the request.
    """
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, LegalActIndexPage):
        # Wagtail serves each language's own translation of the page, so no query is needed.
        return page.get_url(request) or ""

    language = _active_language()
    cache = getattr(request, LIBRARY_URL_CACHE, None) if request is not None else None
    if cache is not None and language in cache:
        return cache[language]

    library = LegalActIndexPage.objects.live().filter(locale__language_code=language).order_by("path").first()
    url = (library.get_url(request) or "") if library is not None else ""

    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, LIBRARY_URL_CACHE, cache)
        cache[language] = url
    return url


@register.simple_tag
def library_act_types() -> list[dict]:
    """Return the act types that have at least one public act, in the order of ``ActType``, with their counts."""
    counts = dict(LegalAct.objects.public().order_by().values_list("act_type").annotate(total=Count("pk")))
    return [
        {"value": value, "label": label, "count": counts[value]}
        for value, label in ActType.choices
        if counts.get(value)
    ]


@register.simple_tag
def az_lang(displayed=None, azerbaijani=None) -> str:
    """Return ` lang="az"` for an element holding Azerbaijani text when the interface language is not Azerbaijani.

    With two arguments, the attribute is returned only when ``displayed`` is the
    Azerbaijani value, as when a title has no translation:
    ``{% az_lang act.localized_title act.title %}``.
    """
    if _active_language() == TEXT_LANGUAGE:
        return ""
    if displayed is not None and displayed != azerbaijani:
        return ""
    return mark_safe(f' lang="{TEXT_LANGUAGE}"')


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


@register.filter
def amendment_text(note) -> str:
    """Return the note's text without its trailing previous wording, which the page shows separately.

    Returns the whole text when the previous wording is not at its end.
    """
    text = note.text.rstrip()
    previous = note.previous_wording.strip()
    if not previous or not text.endswith(previous):
        return text
    head = text[: len(text) - len(previous)].rstrip()
    match = TEXT_BEFORE_PREVIOUS_WORDING.match(head)
    if match is not None:
        head = match["text"].rstrip()
    return head


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


@register.simple_tag
def page_links(page_obj) -> list[dict]:
    """Return the page numbers around the current page for a pagination bar.

    Each item is ``{number, current}``. The ``number`` is None where pages are left out.
    """
    paginator = page_obj.paginator
    links = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            links.append({"number": None, "current": False})
        else:
            links.append({"number": number, "current": number == page_obj.number})
    return links


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
