"""Line classification: each line becomes a Token, and division titles join their headings.

A division heading often has its title on the next line, and PDF conversion
splits long titles over two or three lines. Those lines become part of the
heading's token so that no parser mistakes them for body text.
"""

import re
from dataclasses import dataclass, field

from .lines import (
    LEVEL_SUBHEADING,
    ROMAN_HEADING,
    ArticleHeading,
    DivisionHeading,
    Line,
    is_court_decisions_heading,
    is_notes_heading,
    is_sources_heading,
    is_toc_heading,
    leading_markers,
    match_article,
    match_division,
    match_standalone_title,
)
from .structure import SECTION
from .titlecase import is_upper_text

# Token kinds: one per line.
BLANK = "blank"
TEXT = "text"
ARTICLE_HEADING = "article"
DIVISION_HEADING = "division"
DIVISION_TITLE = "division title"  # a line after a heading that contains its title
TOC_HEADING = "toc"
SOURCES_HEADING = "sources"
COURT_HEADING = "court"

# A title line is at most this long; longer lines are prose.
MAX_TITLE_LENGTH = 300

POINT_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.")


@dataclass
class Token:
    """A classified line; division headings carry the lines of their title."""

    line: Line
    kind: str
    article: ArticleHeading | None = None
    division: DivisionHeading | None = None
    title_lines: list[Line] = field(default_factory=list)


def classify(lines: list[Line], start: int, end: int) -> list[Token]:
    """Classify lines[start:end] and attach each division title to its heading."""
    tokens: list[Token] = []
    for line in lines[start:end]:
        text = line.text
        if not text:
            tokens.append(Token(line, BLANK))
            continue
        article = match_article(text)
        if article:
            tokens.append(Token(line, ARTICLE_HEADING, article=article))
            continue
        division = match_division(text)
        if division:
            tokens.append(Token(line, DIVISION_HEADING, division=division))
        elif is_toc_heading(text):
            tokens.append(Token(line, TOC_HEADING))
        elif is_notes_heading(text) or is_sources_heading(text):
            tokens.append(Token(line, SOURCES_HEADING))
        elif is_court_decisions_heading(text):
            tokens.append(Token(line, COURT_HEADING))
        else:
            tokens.append(Token(line, TEXT))

    _mark_subheadings(tokens)
    for index, token in enumerate(tokens):
        if token.kind == DIVISION_HEADING:
            _attach_title(tokens, index)
    return tokens


def _mark_subheadings(tokens: list[Token]) -> None:
    """Turn a short Roman-numbered line right before an article into a sub-heading.

    The Civil Code groups articles under ``I. Servitut``, ``II. Uzufrukt``.
    Roman-numbered paragraphs inside articles end in a full stop and are
    followed by text, so they stay text.
    """
    for index, token in enumerate(tokens):
        if token.kind != TEXT:
            continue
        match = ROMAN_HEADING.match(token.line.text)
        if not match or len(token.line.text) > 60 or token.line.text.endswith((".", ";", ":", ",")):
            continue
        following = next_non_blank(tokens, index)
        if following is not None and tokens[following].kind == ARTICLE_HEADING:
            token.kind = DIVISION_HEADING
            number, title = match.group("number"), match.group("text")
            token.division = DivisionHeading(SECTION, LEVEL_SUBHEADING, number, title, (), False)


def next_non_blank(tokens: list[Token], index: int) -> int | None:
    for position in range(index + 1, len(tokens)):
        if tokens[position].kind != BLANK:
            return position
    return None


def _attach_title(tokens: list[Token], index: int) -> None:
    """Move the title of a division on the following line(s) into its token."""
    heading = tokens[index]
    title = heading.division.title
    position = index

    if heading.division.takes_next_line_title:
        following = next_non_blank(tokens, position)
        if following is None:
            return
        candidate = tokens[following]
        _, text = leading_markers(candidate.line.text)
        standalone = candidate.kind == DIVISION_HEADING and match_standalone_title(text)
        if not (candidate.kind == TEXT or standalone):
            return
        if len(text) > MAX_TITLE_LENGTH or POINT_NUMBER.match(text):
            return
        candidate.kind = DIVISION_TITLE
        candidate.division = None
        heading.title_lines.append(candidate.line)
        title = text
        position = following

    # A title may wrap onto the next line: capitals continue in capitals,
    # other titles continue with a lowercase word.
    while title and not title.endswith((".", ";", ":")) and len(heading.title_lines) < 3:
        following = next_non_blank(tokens, position)
        if following is None:
            return
        candidate = tokens[following]
        _, text = leading_markers(candidate.line.text)
        if candidate.kind != TEXT or not text or len(text) > 200 or POINT_NUMBER.match(text):
            break
        if is_upper_text(title):
            continues = is_upper_text(text)
        else:
            continues = text[0].islower() and not text.endswith((".", ";", ":"))
        if not continues:
            break
        candidate.kind = DIVISION_TITLE
        heading.title_lines.append(candidate.line)
        title = text
        position = following

    _attach_title_block(tokens, heading, position)


def _attach_title_block(tokens: list[Token], heading: Token, position: int) -> None:
    """Absorb short lines standing between a division title and the next heading.

    PDF conversion splits some titles into pieces (``Mənzil hüququnun
    obyektləri.`` / ``Mənzil fondu``). When every line up to the next heading
    is short and has no final punctuation, they all belong to the title,
    because a real introductory paragraph ends in a full stop.
    """
    block = []
    following = next_non_blank(tokens, position)
    while following is not None and tokens[following].kind == TEXT and len(block) < 3:
        _, text = leading_markers(tokens[following].line.text)
        if not text or len(text) > 200 or text.endswith((".", ";", ":")) or POINT_NUMBER.match(text):
            return
        block.append(following)
        following = next_non_blank(tokens, following)
    if not block or following is None or tokens[following].kind not in (ARTICLE_HEADING, DIVISION_HEADING):
        return
    for index in block:
        tokens[index].kind = DIVISION_TITLE
        heading.title_lines.append(tokens[index].line)
