"""The contract every search engine keeps, and the ranking they share.

An engine finds candidate entries for a parsed query, where every clause
must match the folded terms, and orders them by its own relevance score.
The shared ``rerank`` then puts acts in force first, then exact spellings
and title matches.
"""

import dataclasses
from dataclasses import dataclass, field

from ..models import SearchEntry
from ..query import SearchQuery

# How many candidates an engine returns for reranking; a results page shows 20.
CANDIDATES = 200


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
        entries = SearchEntry.objects.in_bulk([entry_id for entry_id, _score in scored])
        ranked = rerank(query, [(entries[entry_id], score) for entry_id, score in scored if entry_id in entries])
        return SearchResults(count=count, entries=ranked[query.offset : query.offset + query.limit])


def rerank(query: SearchQuery, scored: list[tuple[SearchEntry, float]]) -> list[SearchEntry]:
    """Order candidates: in force first, then by how many words match as typed, then by score and bonuses."""
    exact = query.exact_terms
    folded = query.folded_terms
    # Engines score on different scales; bring them to 0–10 so the bonuses weigh the same.
    top = max((score for _entry, score in scored), default=0.0) or 1.0

    def key(item):
        entry, score = item
        score = 10.0 * score / top
        title_words = set(entry.title_exact.split())
        title_folded = set(entry.title_folded.split())
        body_words = set(entry.body_exact.split())
        bonus = 0.0
        if query.match_any:
            matched = folded & (title_folded | set(entry.body_folded.split()))
            bonus += 5.0 * len(matched)
        bonus += 2.0 * len(exact & title_words) + 1.0 * len(folded & title_folded)
        bonus += 0.5 * len(exact & body_words)
        if entry.kind == SearchEntry.ACT and folded <= title_folded:
            bonus += 3.0
        # The words as typed, letters and all, come before their folded look-alikes.
        exact_matches = len(exact & (title_words | body_words))
        return (entry.repealed, -exact_matches, -(score + bonus))

    return [entry for entry, _score in sorted(scored, key=key)]
