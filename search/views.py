"""The search results page: /axtaris/?q=… with the library's filters."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale

from cms.legal import links
from cms.legal.filters import ActFilterForm
from cms.legal.models import LegalAct, LegalActIndexPage

from .engines import get_engine
from .models import SearchEntry
from .query import parse_query
from .snippets import highlight

RESULTS_PER_PAGE = 20
MAX_PAGE = 50
# Columns that hits read: links, headings (``Provision.label`` reads the kind) and snippets.
HIT_ACT_FIELDS = ("act__slug", "act__title", "act__current_version")
HIT_PROVISION_FIELDS = ("provision__kind", "provision__number", "provision__slug", "provision__title", "provision__text")


@dataclass
class Hit:
    entry: SearchEntry
    url: str
    snippet: str


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


def search_view(request):
    text = request.GET.get("q", "").replace("\x00", " ")[:500]
    form = ActFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    page_number = page_number_from(request.GET.get("page"))

    count, hits, query = (0, [], None)
    if text.strip() and (form.is_valid()):
        count, hits, query = run_search(text, filters, page_number)

    paginator = Paginator(range(min(count, RESULTS_PER_PAGE * MAX_PAGE)), RESULTS_PER_PAGE)
    page = paginator.get_page(page_number) if count else None
    context = {
        "query_text": text,
        "filter_form": form,
        "count": count,
        "hits": hits,
        "results_page": page,
        "act_titles": LegalAct.objects.public().values_list("title", flat=True),
    }
    return render(request, "search/results.html", context)
