"""The contract every search engine keeps, and the ranking they share.

An engine finds candidate entries for a parsed query, where every clause
must match the folded terms, and orders them by its own relevance score.
The shared ``rerank`` then puts acts in force first, then exact spellings
and title matches.
"""

import dataclasses
from dataclasses import dataclass, field

from django.db import connection

from cms.legal.models import ActStatus

from ..models import SearchEntry
from ..query import SearchQuery

# How many candidates an engine returns for reranking; a results page shows 20.
CANDIDATES = 200
ENTRY_FIELDS = [model_field.attname for model_field in SearchEntry._meta.concrete_fields]
ENTRY_COLUMNS = [model_field.column for model_field in SearchEntry._meta.concrete_fields]


@dataclass
class SearchResults:
    count: int
    entries: list[SearchEntry] = field(default_factory=list)


class SearchEngine:
    """Base class: subclasses implement ``replace_act``, ``clear`` and ``candidates``."""

    name = "base"

    def replace_act(self, act_id: int, entries: list[SearchEntry]) -> None:
        """Replace everything indexed for ``act_id`` with ``entries`` (unsaved; may be empty)."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def candidates(self, query: SearchQuery) -> tuple[int, list[tuple[int, float]]]:
        """Return the total number of matches and up to CANDIDATES (entry id, score), best first."""
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        if query.is_empty:
            return SearchResults(count=0)

        count, scored = self.candidates(query)
        if count == 0 and len(query.clauses) > 1:
            query = dataclasses.replace(query, match_any=True)
            count, scored = self.candidates(query)
        rows = load_rows([entry_id for entry_id, _score in scored])
        ranked = rerank(query, [(rows[entry_id], score) for entry_id, score in scored if entry_id in rows])
        page = ranked[query.offset : query.offset + query.limit]
        return SearchResults(count=count, entries=[entry_from_row(row) for row in page])


def load_rows(entry_ids: list[int]) -> dict[int, dict]:
    """Load the entries' columns as dictionaries, by id.

    Ranking reads up to CANDIDATES entries, but a page shows 20. The ORM's
    query building and model instances cost more than reading the rows, so
    this is plain SQL. Only the page's entries become SearchEntry instances
    (``entry_from_row``).
    """
    if not entry_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(entry_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(ENTRY_COLUMNS)} FROM {SearchEntry._meta.db_table} "
            f"WHERE {SearchEntry._meta.pk.column} IN ({placeholders})",
            entry_ids,
        )
        return {row[0]: dict(zip(ENTRY_FIELDS, row)) for row in cursor.fetchall()}


def entry_from_row(row: dict) -> SearchEntry:
    return SearchEntry.from_db(SearchEntry.objects.db, ENTRY_FIELDS, [row[name] for name in ENTRY_FIELDS])


def _padded(terms: str) -> str:
    # Bodies keep one line per paragraph. Once the newlines are spaces, every
    # term has a space on each side, so " term " occurs only as a whole term.
    return " " + terms.replace("\n", " ") + " "


def _contained(needles: dict[str, str], padded_terms: str) -> set[str]:
    """Return the terms whose needle (`` term ``) occurs in ``padded_terms``."""
    return {term for term, needle in needles.items() if needle in padded_terms}


def rerank(query: SearchQuery, scored: list[tuple[dict, float]]) -> list[dict]:
    """Order candidate rows: in force first, then by how many words match as typed, then by score and bonuses."""
    exact = query.exact_terms
    folded = query.folded_terms
    exact_needles = {term: f" {term} " for term in exact}
    folded_needles = {term: f" {term} " for term in folded}
    # Engines score on different scales; bring them to 0–10 so the bonuses weigh the same.
    top = max((score for _row, score in scored), default=0.0) or 1.0

    def key(item):
        row, score = item
        score = 10.0 * score / top
        title_words = set(row["title_exact"].split())
        title_folded = set(row["title_folded"].split())
        body_matches = _contained(exact_needles, _padded(row["body_exact"]))
        bonus = 0.0
        if query.match_any:
            matched = (folded & title_folded) | _contained(folded_needles, _padded(row["body_folded"]))
            bonus += 5.0 * len(matched)
        bonus += 2.0 * len(exact & title_words) + 1.0 * len(folded & title_folded)
        bonus += 0.5 * len(body_matches)
        if row["kind"] == SearchEntry.ACT and folded <= title_folded:
            bonus += 3.0
        # The words as typed, letters and all, come before their folded look-alikes.
        exact_matches = len((exact & title_words) | body_matches)
        repealed = row["act_status"] == ActStatus.REPEALED
        return (repealed, -exact_matches, -(score + bonus))

    return [row for row, _score in sorted(scored, key=key)]
