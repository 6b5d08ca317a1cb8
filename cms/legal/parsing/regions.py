"""Split a text into title, body, tables of contents and back matter.

A consolidated text may carry, besides the body, a table of contents at the
start (``MÜNDƏRİCAT``, or a bare run of ``Maddə N.`` lines) or at the end, a
list of source documents, Constitutional Court decisions and the amendment
notes. Only the body may produce divisions and provisions, so that no article
is imported twice.
"""

import re
from dataclasses import dataclass

from .lines import NOTE_START, Line, is_notes_heading, match_article, normalise_article_number
from .title import read_title, title_key
from .titlecase import is_upper_text
from .tokens import (
    ARTICLE_HEADING,
    BLANK,
    COURT_HEADING,
    DIVISION_HEADING,
    DIVISION_TITLE,
    POINT_NUMBER,
    SOURCES_HEADING,
    TEXT,
    TOC_HEADING,
    Token,
    classify,
)

# A run of article headings whose numbers come back later with a body is a
# table of contents only when it is at least this long, so that an article
# printed twice by mistake is not dropped.
MIN_TOC_RUN = 3
_TERMINAL_PROSE = (".", ":", ";")


@dataclass
class Layout:
    """The parts of a text: title, body tokens, back-matter lines and note lines."""

    title: str
    title_keys: set[str]
    act_note_numbers: list[int]
    body: list[Token]
    sources: list[Line]
    notes: list[Line]

    def is_title_repeat(self, text: str) -> bool:
        """Return True when a line repeats the act title (or one of its lines)."""
        return bool(self.title_keys) and title_key(text) in self.title_keys


def _is_prose(text: str) -> bool:
    """Return True for a sentence of running text rather than a heading or list entry."""
    return len(text) >= 60 and text.endswith(_TERMINAL_PROSE)


def find_notes_start(lines: list[Line], start: int) -> tuple[int, int]:
    """Return (index of the notes heading or the first note, index of the first note line).

    Both are ``len(lines)`` when the text has no amendment notes. Without a
    heading, a run of lines starting ``[1]``, ``[2]``... after the body is the
    list, as in some copies of the Constitution.
    """
    headings = [index for index in range(start, len(lines)) if is_notes_heading(lines[index].text)]
    for index in headings:
        following = next((line.text for line in lines[index + 1 :] if line.text), "")
        if NOTE_START.match(following) or re.match(r"^\d+\. ", following):
            return index, index + 1
    if headings:
        return headings[0], headings[0] + 1

    for index in range(start, len(lines)):
        match = NOTE_START.match(lines[index].text)
        # A title repeat such as "[1] AZƏRBAYCAN ... MƏCƏLLƏSİ" is not a note.
        text = match.group("text") if match else ""
        if match and match.group("number") == "1" and not match_article(text) and not is_upper_text(text):
            if any(line.text.startswith("[2]") for line in lines[index + 1 :]):
                return index, index
    return len(lines), len(lines)


def _body_text(tokens: list[Token], start: int, stop: int) -> bool:
    """Return True when tokens[start:stop] contain running text, not only titles."""
    for token in tokens[start:stop]:
        if token.kind != TEXT:
            continue
        text = token.line.text
        if text.endswith((".", ";", ":", "!", "?", "…")) or len(text) > 150 or POINT_NUMBER.match(text):
            return True
    return False


def _article_bodies(tokens: list[Token]) -> dict[int, bool]:
    """Map each article heading's token index to whether running text follows it."""
    stops = (ARTICLE_HEADING, DIVISION_HEADING, TOC_HEADING, SOURCES_HEADING, COURT_HEADING)
    headings = [index for index, token in enumerate(tokens) if token.kind == ARTICLE_HEADING]
    result = {}
    for index in headings:
        stop = index + 1
        while stop < len(tokens) and tokens[stop].kind not in stops:
            stop += 1
        result[index] = _body_text(tokens, index + 1, stop)
    return result


def _walk_back_to_body(tokens: list[Token], body_article: int, floor: int, title_keys: set[str]) -> int:
    """Return the index of the last table-of-contents line before the body starts.

    Walks back from the first article with a body over blank lines, title
    repeats, prose (a preamble) and the chain of its enclosing division
    headings, each one level higher than the last. The first other line ends
    the table.
    """
    level = 99
    position = body_article - 1
    while position > floor:
        token = tokens[position]
        if token.kind in (BLANK, DIVISION_TITLE):
            position -= 1
            continue
        if token.kind == DIVISION_HEADING and token.division.level < level:
            level = token.division.level
            position -= 1
            continue
        if token.kind == TEXT and (title_key(token.line.text) in title_keys or _is_prose(token.line.text)):
            position -= 1
            continue
        return position
    return floor


def find_toc_ranges(tokens: list[Token], title_keys: set[str]) -> list[tuple[int, int]]:
    """Return inclusive token index ranges that belong to tables of contents."""
    has_body = _article_bodies(tokens)
    bodied = sorted(index for index, body in has_body.items() if body)
    last_bodied: dict[str, int] = {}
    for index in bodied:
        last_bodied[_article_number(tokens[index])] = index

    ranges: list[tuple[int, int]] = []

    # MÜNDƏRİCAT: up to the start of the body, or up to the back matter when
    # the table is printed after the body.
    for index, token in enumerate(tokens):
        if token.kind != TOC_HEADING or any(start <= index <= end for start, end in ranges):
            continue
        # The body starts at the first article printed there for the last
        # time; an entry of the table followed by a preamble looks bodied too.
        body_article = next(
            (
                position
                for position in bodied
                if position > index and last_bodied[_article_number(tokens[position])] == position
            ),
            None,
        )
        if body_article is None:
            stop = next(
                (
                    position
                    for position in range(index + 1, len(tokens))
                    if tokens[position].kind in (SOURCES_HEADING, COURT_HEADING)
                ),
                len(tokens),
            )
            ranges.append((index, stop - 1))
        else:
            ranges.append((index, _walk_back_to_body(tokens, body_article, index, title_keys)))

    # A bare run of article headings whose numbers come back later with bodies.
    run: list[int] = []
    for index, token in enumerate(tokens):
        if any(start <= index <= end for start, end in ranges):
            continue
        if token.kind != ARTICLE_HEADING:
            continue
        if last_bodied.get(_article_number(token), -1) > index:
            run.append(index)
        elif has_body[index]:
            _close_run(tokens, run, ranges)
            run = []
    _close_run(tokens, run, ranges)
    return sorted(ranges)


def _article_number(token: Token) -> str:
    return normalise_article_number(token.article.number)


def _close_run(tokens: list[Token], run: list[int], ranges: list[tuple[int, int]]) -> None:
    """Record a run of repeated article headings, with the headings before it, as a table of contents."""
    if len(run) < MIN_TOC_RUN:
        return
    start = run[0]
    while start > 0 and tokens[start - 1].kind in (BLANK, DIVISION_HEADING, DIVISION_TITLE, TOC_HEADING):
        start -= 1
    ranges.append((start, run[-1]))


def locate(lines: list[Line]) -> Layout:
    """Find the title, body, tables of contents, back matter and notes of a text."""
    title, title_end, act_markers, title_keys = read_title(lines)
    notes_heading, notes_start = find_notes_start(lines, title_end)

    tokens = classify(lines, title_end, notes_heading)
    toc_ranges = find_toc_ranges(tokens, title_keys)
    in_toc = [False] * len(tokens)
    for start, end in toc_ranges:
        for index in range(start, end + 1):
            in_toc[index] = True

    # The back matter starts at the first list heading after the last article
    # with a body. The same headings inside a table of contents do not count.
    has_body = _article_bodies(tokens)
    last_article = max((index for index, body in has_body.items() if body and not in_toc[index]), default=-1)
    back_start = next(
        (
            index
            for index, token in enumerate(tokens)
            if index > last_article and not in_toc[index] and token.kind in (SOURCES_HEADING, COURT_HEADING)
        ),
        len(tokens),
    )
    in_early_list = _early_lists(tokens, back_start, in_toc, title_keys)

    body = [token for index, token in enumerate(tokens[:back_start]) if not in_toc[index] and not in_early_list[index]]
    sources = [token.line for index, token in enumerate(tokens) if in_early_list[index]]
    sources += [token.line for index, token in enumerate(tokens[back_start:], start=back_start) if not in_toc[index]]
    notes = lines[notes_start:]
    return Layout(title, title_keys, act_markers, body, sources, notes)


def _early_lists(tokens: list[Token], back_start: int, in_toc: list[bool], title_keys: set[str]) -> list[bool]:
    """Mark a list of source documents printed before the body, outside a table of contents.

    Such a list runs from its heading to the next heading or title repeat.
    """
    marked = [False] * len(tokens)
    inside = False
    for index, token in enumerate(tokens[:back_start]):
        if in_toc[index]:
            inside = False
            continue
        if token.kind in (SOURCES_HEADING, COURT_HEADING):
            inside = True
        elif token.kind in (ARTICLE_HEADING, DIVISION_HEADING, TOC_HEADING) or title_key(token.line.text) in title_keys:
            inside = False
        marked[index] = inside
    return marked
