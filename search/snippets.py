"""Highlighted snippets: the part of an article that best matches the query, with matches marked.

A word is marked when the first folded term of its ``\\w+`` run is one of the
query's folded terms. Folding words is the slow part (``search.normalise``),
so the paragraph is chosen on the entry's ``body_folded``, which
``search.documents`` stores one line per paragraph, and only the chosen
paragraph is folded, up to the end of the snippet. When the lines do not
match the article's paragraphs (an entry indexed before this layout, or an
article whose paragraphs changed since), every word of the article is
folded instead.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .normalise import folded_terms

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 260
# Distinct \w+ runs whose first folded term is cached. The current texts of
# the shipped corpus have about 29,000, and only chosen paragraphs are folded.
TOKEN_CACHE_SIZE = 50_000


def split_paragraphs(text: str) -> list[str]:
    """Split an article's text into its non-blank paragraphs, or return the whole text as one."""
    return [paragraph for paragraph in text.split("\n\n") if paragraph.strip()] or [text]


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _first_term(token: str) -> str | None:
    folded = folded_terms(token)
    return folded[0] if folded else None


def _marked_spans(text: str, terms: set[str]):
    """Yield the (start, end) offsets of the marked words of ``text``, in order."""
    for match in WORD.finditer(text):
        if _first_term(match.group()) in terms:
            yield match.span()


def _best_paragraph_by_index(paragraphs: list[str], indexed_body: str, terms: set[str]) -> tuple[str, int] | None:
    """Return the paragraph whose indexed line has the most query terms (the first on a tie) and that number.

    Returns None when the lines do not match the paragraphs one to one, as in
    an index built before bodies were stored a line per paragraph, or when
    the article gained or lost paragraphs after it was indexed.

    NOTE: the lines count words as the index splits them, but marks go on
    ``\\w+`` runs. Where one run holds several words ("790VIQD"), the counts
    can differ from those of folding, and so can the paragraph chosen.
    """
    lines = indexed_body.split("\n")
    if len(lines) != len(paragraphs):
        return None
    counts = [sum(map(terms.__contains__, line.split())) for line in lines]
    best = max(counts)
    return paragraphs[counts.index(best)], best


def _best_paragraph_by_folding(paragraphs: list[str], terms: set[str]) -> str:
    """Return the paragraph with the most marked words, the first on a tie, folding every word."""
    return max(paragraphs, key=lambda paragraph: sum(1 for _span in _marked_spans(paragraph, terms)))


def _window(paragraph: str, first_mark: int | None, limit: int) -> tuple[int, int]:
    """Return the snippet's bounds: up to ``limit`` characters, starting a little before the first mark, cut at spaces."""
    start = 0
    if first_mark is not None and len(paragraph) > limit:
        start = max(0, first_mark - limit // 4)
        start = paragraph.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(paragraph), start + limit)
    if end < len(paragraph):
        cut = paragraph.rfind(" ", start, end)
        end = cut if cut > start else end
    return start, end


def highlight(text: str, terms: set[str], limit: int = SNIPPET_CHARS, indexed_body: str | None = None) -> SafeString:
    """Return an escaped excerpt of ``text`` around the densest matches, with each match in <mark>.

    ``indexed_body`` is the entry's ``body_folded``. With it, only the chosen
    paragraph is folded, so the cost no longer grows with the article's length.
    """
    paragraphs = split_paragraphs(text)
    chosen = _best_paragraph_by_index(paragraphs, indexed_body, terms) if indexed_body is not None else None
    if chosen is None:
        chosen = _best_paragraph_by_folding(paragraphs, terms), None
    best, indexed_matches = chosen

    # The spans come in order, so the first one fixes the window, and folding
    # stops at the first word that starts past its end. A paragraph whose
    # indexed line has no query term is not folded at all.
    spans = iter(()) if indexed_matches == 0 else _marked_spans(best, terms)
    first = next(spans, None)
    start, end = _window(best, first[0] if first else None, limit)
    marked = [] if first is None else [first, *_spans_before(spans, end)]

    pieces, cursor = [], start
    for span_start, span_end in marked:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(best[cursor:span_start]))
        pieces.append(f"<mark>{escape(best[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(best[cursor:end]))

    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(best) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)


def _spans_before(spans, end: int) -> list[tuple[int, int]]:
    """Take spans from the iterator until one starts at or after ``end``."""
    before_end = []
    for span in spans:
        if span[0] >= end:
            break
        before_end.append(span)
    return before_end
