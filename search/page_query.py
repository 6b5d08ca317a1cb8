"""Search the help and news entries: match clauses with LIKE in the database, rank the candidates in Python.

The query is parsed as the law search parses it (``parse_query``), except
that Russian words, which ``search.normalise`` does not read, become one
clause each (``search.cyrillic``). A clause matches an entry when each of
its words matches the title or the text. A word matches when its stem
equals a stored stem, or when the word as typed, folded, starts a stored
word, so "muqav" finds "müqavilə". Words shorter than ``MIN_PREFIX`` letters
and numbers must match whole. A Russian word matches a stored word that
starts with its stem.
The same code runs on SQLite and PostgreSQL, and the ranking (``rank_key``) is:

1. entries that match more of the clauses (only differs after the fallback
   that accepts any clause, when no entry matches them all);
2. entries containing more of the words as typed, Azerbaijani letters and all;
3. a score: 3 per clause matched in the title, 1 per clause matched only in
   the text, 2 per quoted phrase found in order, and 2 more when the title
   matches every clause;
4. the most recently published, then the title.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.safestring import SafeString
from wagtail.models import Page

from .cyrillic import CYRILLIC_WORD, cyrillic_stem, highlight_russian, query_words, strip_cyrillic
from .models import PageEntry
from .normalise import fold
from .query import MAX_TERMS, Clause, SearchQuery, parse_query
from .snippets import highlight

# At most this many candidates are ranked; more matches are counted but not ranked.
CANDIDATES = 500
MIN_PREFIX = 3
RANKED_FIELDS = (
    "id", "kind", "title_exact", "title_folded", "body_exact", "body_folded", "terms", "title_terms", "published_at"
)


@dataclass
class PageHit:
    entry: PageEntry
    url: str
    snippet: SafeString


@dataclass
class PageResults:
    count: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    hits: list[PageHit] = field(default_factory=list)
    # Whether the hits match every clause, rather than some after the fallback.
    complete: bool = True


def parse_page_query(text: str) -> SearchQuery:
    """Parse ``text`` for the page index: ``parse_query`` for Latin script, then a clause per Russian word."""
    query = parse_query(strip_cyrillic(text))
    for word in query_words(text):
        query.clauses.append(Clause(folded=[cyrillic_stem(word)], exact=[word]))
    query.clauses = query.clauses[:MAX_TERMS]
    query.text = " ".join((text or "").replace("\x00", " ").split())
    return query


def _needles(clause: Clause) -> list[tuple[str | None, str | None]]:
    """Return each word's (whole stem or None, prefix or None) needles for matching the padded ``terms``."""
    needles = []
    for stem, word in zip(clause.folded, clause.exact):
        if CYRILLIC_WORD.fullmatch(word):
            needles.append((None, f" {stem}"))
            continue
        folded_word = fold(word)
        prefix = f" {folded_word}" if len(folded_word) >= MIN_PREFIX and not folded_word.isdigit() else None
        needles.append((f" {stem} ", prefix))
    return needles


def clause_condition(clause: Clause) -> Q:
    condition = Q()
    for whole, prefix in _needles(clause):
        word_condition = Q()
        if whole:
            word_condition |= Q(terms__contains=whole)
        if prefix:
            word_condition |= Q(terms__contains=prefix)
        condition &= word_condition
    return condition


def _clause_matches(clause: Clause, terms: str) -> bool:
    return all(
        (whole is not None and whole in terms) or (prefix is not None and prefix in terms)
        for whole, prefix in _needles(clause)
    )


def _matching(query: SearchQuery, language: str, any_clause: bool):
    conditions = [clause_condition(clause) for clause in query.clauses]
    combined = Q()
    for condition in conditions:
        combined = (combined | condition) if any_clause else (combined & condition)
    return PageEntry.objects.filter(combined, language=language)


def rank_key(query: SearchQuery, row: dict):
    """Return the sort key of one candidate row (a dict of ``RANKED_FIELDS``); the module docstring gives the order."""
    matched = [clause for clause in query.clauses if _clause_matches(clause, row["terms"])]
    in_title = sum(1 for clause in matched if _clause_matches(clause, row["title_terms"]))
    score = 3 * in_title + (len(matched) - in_title)
    folded_text = f" {row['title_folded']} {row['body_folded'].replace(chr(10), ' ')} "
    score += 2 * sum(1 for clause in query.clauses if clause.phrase and f" {' '.join(clause.folded)} " in folded_text)
    if query.clauses and in_title == len(query.clauses):
        score += 2

    present_exact = set(row["title_exact"].split()) | set(row["body_exact"].split())
    exact_matches = len(query.exact_terms & present_exact)
    published = row["published_at"].timestamp() if row["published_at"] else 0.0
    return (-len(matched), -exact_matches, -score, -published, row["title_exact"], row["id"])


def _counts(rows: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
    return counts


def _candidates(query: SearchQuery, language: str) -> tuple[list[dict], dict[str, int], bool]:
    """Return the candidate rows, the number of matches per kind, and whether they match every clause."""
    complete = True
    rows = list(_matching(query, language, any_clause=False).values(*RANKED_FIELDS)[: CANDIDATES + 1])
    if not rows and len(query.clauses) > 1:
        complete = False
        rows = list(_matching(query, language, any_clause=True).values(*RANKED_FIELDS)[: CANDIDATES + 1])
    if len(rows) <= CANDIDATES:
        return rows, _counts(rows), complete

    # Only a list cut at the limit leaves matches uncounted.
    counts = {}
    for kind in _matching(query, language, any_clause=not complete).values_list("kind", flat=True).distinct():
        counts[kind] = _matching(query, language, any_clause=not complete).filter(kind=kind).count()
    return rows[:CANDIDATES], counts, complete


def _snippet(entry: PageEntry, query: SearchQuery) -> SafeString:
    """Return the entry's snippet: ``highlight`` marks Latin-script words, ``highlight_russian`` Russian ones."""
    russian_stems = [clause.folded[0] for clause in query.clauses if CYRILLIC_WORD.fullmatch(clause.exact[0])]
    if russian_stems and len(russian_stems) == len(query.clauses):
        return highlight_russian(entry.text, russian_stems)
    return highlight(entry.text, query.folded_terms, indexed_body=entry.body_folded)


def _load_hits(entry_ids: list[int], query: SearchQuery, request) -> list[PageHit]:
    """Load the entries with their pages, keeping only pages still live and public, in the order given."""
    if not entry_ids:
        return []
    # Signals keep the entries current; this check keeps a page out even if one was missed.
    visible = Page.objects.live().public()
    loaded = PageEntry.objects.filter(pk__in=entry_ids, page__in=visible).select_related("page").in_bulk()
    hits = []
    for entry_id in entry_ids:
        entry = loaded.get(entry_id)
        if entry is None:
            continue
        url = entry.page.get_url(request)
        if not url:
            continue
        snippet = _snippet(entry, query)
        hits.append(PageHit(entry=entry, url=url, snippet=snippet))
    return hits


def search_pages(text: str, language: str, kind: str = "", offset: int = 0, limit: int = 20, request=None) -> PageResults:
    """Search the entries in ``language``, optionally of one ``kind``, and return one page of hits with counts.

    ``counts`` always covers every kind, so filters can show them; ``count``
    is the chosen kind's (or the total without a kind).
    """
    query = parse_page_query(text)
    if query.is_empty:
        return PageResults()

    rows, counts, complete = _candidates(query, language)
    if kind:
        rows = [row for row in rows if row["kind"] == kind]
    rows.sort(key=lambda row: rank_key(query, row))
    chosen = [row["id"] for row in rows[offset : offset + limit]]
    count = counts.get(kind, 0) if kind else sum(counts.values())
    return PageResults(count=count, counts=counts, hits=_load_hits(chosen, query, request), complete=complete)
