"""Highlighted snippets: the part of an article that best matches the query, with matches marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .normalise import folded_terms

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 260


def _marked_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    spans = []
    for match in WORD.finditer(text):
        folded = folded_terms(match.group())
        if folded and folded[0] in terms:
            spans.append(match.span())
    return spans


def highlight(text: str, terms: set[str], limit: int = SNIPPET_CHARS) -> SafeString:
    """Return an escaped excerpt of ``text`` around the densest matches, with each match in <mark>."""
    paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()] or [text]
    best, spans = max(
        ((paragraph, _marked_spans(paragraph, terms)) for paragraph in paragraphs),
        key=lambda item: len(item[1]),
    )

    start = 0
    if spans and len(best) > limit:
        start = max(0, spans[0][0] - limit // 4)
        start = best.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(best), start + limit)
    if end < len(best):
        end = best.rfind(" ", start, end) if best.rfind(" ", start, end) > start else end

    pieces, cursor = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(best[cursor:span_start]))
        pieces.append(f"<mark>{escape(best[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(best[cursor:end]))

    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(best) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)
