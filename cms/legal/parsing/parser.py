"""Entry point: check the input, locate its parts and run the right parser."""

import re

from .articles import parse_articles
from .assembly import ActAssembler
from .lines import Line, split_lines
from .notes import parse_notes
from .points import parse_points
from .regions import locate
from .structure import ParseError, ParsedAct
from .tokens import ARTICLE_HEADING

# C0 control characters other than tab, line feed, vertical tab, form feed
# and carriage return do not occur in legal texts, so they mean binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# The share of letters among visible characters is measured on this many
# characters from the start, which keeps the check fast on large codes.
LETTER_SAMPLE_CHARS = 50_000
MIN_LETTER_SHARE = 0.5


def check_input(text: str, source: str = "") -> None:
    """Raise ParseError for input that is not a legal text: empty, binary or mostly symbols."""
    if not isinstance(text, str):
        raise ParseError(f"expected text (str), got {type(text).__name__}; decode the file as UTF-8 first", 0, source)
    if not text.strip():
        raise ParseError("the text is empty", 1, source, "empty")

    text = text.replace("\r\n", "\n").replace("\r", "\n")  # count lines as split_lines does
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        character = f"{ord(control.group()):04X}"
        raise ParseError(
            f"binary data: control character U+{character} at column {column}; expected plain text",
            line,
            source,
            "binary",
            {"character": character, "column": column},
        )

    sample = text[:LETTER_SAMPLE_CHARS]
    visible = sum(1 for char in sample if not char.isspace())
    letters = sum(1 for char in sample if char.isalpha())
    if letters < MIN_LETTER_SHARE * visible:
        first_line = next(number for number, line in enumerate(text.split("\n"), start=1) if line.strip())
        raise ParseError(
            f"not a legal text: only {letters} of the first {visible} visible characters are letters",
            first_line,
            source,
            "not_legal_text",
            {"letters": letters, "visible": visible},
        )


def _source_documents(lines: list[Line]) -> str:
    return "\n\n".join(line.text for line in lines if line.text)


def parse_text(text: str, source: str = "") -> ParsedAct:
    """Parse the plain text of an Azerbaijani legal act.

    ``source`` names the file in error messages. Raises ParseError for empty,
    binary or non-text input and for a text in which no article or numbered
    point can be found.
    """
    check_input(text, source)
    lines = split_lines(text)
    layout = locate(lines)

    assembler = ActAssembler(layout.title, layout.act_note_numbers)
    if any(token.kind == ARTICLE_HEADING for token in layout.body):
        parse_articles(layout, assembler)
    else:
        parse_points(layout, assembler)
    act = assembler.finish(_source_documents(layout.sources))

    if not act.provisions:
        first_line = next((line.number for line in lines if line.text), 1)
        message = f"no articles (Maddə N.) or numbered points found in {len(lines)} lines"
        raise ParseError(message, first_line, source, "no_provisions", {"lines": len(lines)})

    act.notes = parse_notes(layout.notes)
    return act
