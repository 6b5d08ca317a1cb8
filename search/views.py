"""The search results page: /axtaris/?q=… over the legislation, with the library's filters, and over help and news.

``section`` picks what is listed: "all" (the default: the legislation with
the best help and news hits before or after it, see ``search.ordering``),
"laws", or "help" (help and news only, with ``kind`` to keep one kind).
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.legal import links
from cms.legal.filters import ActFilterForm
from cms.legal.models import LegalAct, LegalActIndexPage

from .engines import get_engine
from .models import SearchEntry
from .ordering import laws_first
from .page_query import PageResults, search_pages
from .pages import KINDS
from .query import parse_query
from .snippets import highlight

RESULTS_PER_PAGE = 20
MAX_PAGE = 50
# Help and news hits shown beside the legislation in the "all" section.
HELP_PREVIEW = 3
# Columns that hits read: links, headings (``Provision.label`` reads the kind) and snippets.
HIT_ACT_FIELDS = ("act__slug", "act__title", "act__current_version")
HIT_PROVISION_FIELDS = ("provision__kind", "provision__number", "provision__slug", "provision__title", "provision__text")


@dataclass
class Hit:
    entry: SearchEntry
    url: str
    snippet: str


@dataclass
class Tab:
    """A link that switches the section or the kind, with its count."""

    label: str
    count: int
    url: str
    current: bool


def library_url() -> str:
    page = LegalActIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    return page.url if page else "/qanunlar/"


def run_search(text: str, filters: dict, page_number: int) -> tuple[int, list[Hit], object]:
    """Run a search and return the total, the hits of one page and the parsed query."""
    query = parse_query(
        text,
        act_type=filters.get("type") or "",
        status=filters.get("status") or "",
        year=filters.get("year"),
        offset=(page_number - 1) * RESULTS_PER_PAGE,
        limit=RESULTS_PER_PAGE,
    )
    results = get_engine().search(query)
    base = library_url()
    terms = query.folded_terms
    hits = []
    for entry in _with_acts_and_provisions(results.entries):
        if entry.provision is not None:
            url = links.provision_url(base, entry.act, entry.provision)
            snippet = highlight(entry.provision.text, terms, indexed_body=entry.body_folded)
        else:
            url = links.act_url(base, entry.act)
            snippet = ""
        hits.append(Hit(entry=entry, url=url, snippet=snippet))
    return results.count, hits, query


def _with_acts_and_provisions(entries: list[SearchEntry]) -> list[SearchEntry]:
    """Attach each entry's act and provision, loaded in one query with only what hits show.

    The links read ``act.current_version_id`` alone, so the version and its
    megabytes of text stay unloaded. An entry that a reindex deleted since
    the search ran is left out.
    """
    loaded = (
        SearchEntry.objects.select_related("act", "provision")
        .only("act", "provision", *HIT_ACT_FIELDS, *HIT_PROVISION_FIELDS)
        .in_bulk([entry.pk for entry in entries])
    )
    present = []
    for entry in entries:
        if entry.pk in loaded:
            entry.act = loaded[entry.pk].act
            entry.provision = loaded[entry.pk].provision
            present.append(entry)
    return present


def page_number_from(raw) -> int:
    if raw and str(raw).isascii() and str(raw).isdigit() and len(str(raw)) < 4:
        return max(1, min(int(raw), MAX_PAGE))
    return 1


def _choice(raw, allowed, default: str) -> str:
    return raw if raw in allowed else default


def _url_with(request, **changes) -> str:
    """Return the results page's address with the parameters in ``changes`` set, or removed where None."""
    params = request.GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value is not None:
            params[name] = value
    return f"{request.path}?{params.urlencode()}"


def _tabs(request, section: str, law_count: int, page_count: int) -> list[Tab]:
    # The help section ignores the act filters, so its tab drops them.
    no_act_filters = {"type": None, "status": None, "year": None}
    return [
        Tab(_("All results"), law_count + page_count, _url_with(request, section=None, kind=None, page=None), section == "all"),
        Tab(_("Legislation"), law_count, _url_with(request, section="laws", kind=None, page=None), section == "laws"),
        Tab(
            _("Help and news"),
            page_count,
            _url_with(request, section="help", kind=None, page=None, **no_act_filters),
            section == "help",
        ),
    ]


def _kind_filters(request, kind: str, pages: PageResults) -> list[Tab]:
    filters = [Tab(_("All kinds"), sum(pages.counts.values()), _url_with(request, kind=None, page=None), not kind)]
    for name, (label, _one) in KINDS.items():
        if pages.counts.get(name) or name == kind:
            filters.append(Tab(label, pages.counts.get(name, 0), _url_with(request, kind=name, page=None), name == kind))
    return filters


def search_view(request):
    text = request.GET.get("q", "").replace("\x00", " ")[:500]
    form = ActFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    section = _choice(request.GET.get("section"), ("laws", "help"), "all")
    kind = _choice(request.GET.get("kind"), KINDS, "")
    page_number = page_number_from(request.GET.get("page"))
    act_filtered = any(filters.get(name) for name in ("type", "status", "year"))
    language = translation.get_language()

    count, hits, query = (0, [], None)
    pages = PageResults()
    if text.strip() and form.is_valid():
        count, hits, query = run_search(text, filters, page_number if section != "help" else 1)
        if section == "help":
            offset = (page_number - 1) * RESULTS_PER_PAGE
            pages = search_pages(text, language, kind, offset=offset, limit=RESULTS_PER_PAGE, request=request)
        elif section == "all" and page_number == 1 and not act_filtered:
            pages = search_pages(text, language, limit=HELP_PREVIEW, request=request)
        else:
            # Only the count, for the tab.
            pages = search_pages(text, language, limit=0, request=request)

    listed = pages.count if section == "help" else count
    paginator = Paginator(range(min(listed, RESULTS_PER_PAGE * MAX_PAGE)), RESULTS_PER_PAGE)
    page = paginator.get_page(page_number) if listed else None
    context = {
        "query_text": text,
        "filter_form": form,
        "section": section,
        "kind": kind,
        "count": count,
        "hits": hits,
        "page_results": pages,
        "page_hits": pages.hits,
        "laws_first": query is None or laws_first(query, hits, pages),
        "tabs": _tabs(request, section, count, sum(pages.counts.values())),
        "kind_filters": _kind_filters(request, kind, pages) if section == "help" else [],
        "help_section_url": _url_with(request, section="help", kind=None, page=None, type=None, status=None, year=None),
        "results_page": page,
        "act_titles": LegalAct.objects.public().values_list("title", flat=True),
    }
    return render(request, "search/results.html", context)
