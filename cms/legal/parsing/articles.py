"""Parser for acts structured in articles (``Maddə N.``): codes, laws, the Constitution."""

from collections.abc import Iterable
from itertools import islice

from .assembly import ActAssembler
from .lines import is_annex_heading, normalise_article_number
from .regions import Layout
from .structure import ARTICLE, ParseMessage
from .text import clean_heading
from .titlecase import az_upper, fold, title_case
from .tokens import ARTICLE_HEADING, BLANK, DIVISION_HEADING, DIVISION_TITLE, TEXT, Token

# A superscript is a small number: 98-1, 103-12. Larger "suffixes" are not
# taken for lost superscripts.
MAX_SUPERSCRIPT = 99
# Endings of the line before an annex heading that names the act the annex
# belongs to: "Azərbaycan Respublikasının Əmək Məcəlləsinə".
_ANNEX_OWNER_ENDINGS = ("məcəlləsinə", "məcəlləyə", "qanununa", "konstitusiyasina", "qaydalarina", "əsasnaməsinə")


def _base(number: str) -> int:
    return int(number.split("-")[0])


def _superscript_repair(raw: str, previous_base: int | None, following: Iterable[str]) -> str | None:
    """Return ``98-1`` for ``981`` printed between 98 and 99, or None to keep the number.

    The number must be out of sequence (not previous + 1) and be the previous
    base number followed by more digits. Later articles with the same prefix
    (982, 983) are skipped. The first other article must then continue the
    sequence of the previous base (99). So 100 after 99 and 101 after 100
    stay as they are, and so does 11 after 1 when 12 follows.
    """
    if previous_base is None or "-" in raw:
        return None
    prefix = str(previous_base)
    value = int(raw)
    if value <= previous_base + 1 or not raw.startswith(prefix) or len(raw) == len(prefix):
        return None
    suffix = raw[len(prefix) :]
    if suffix.startswith("0") or int(suffix) > MAX_SUPERSCRIPT:
        return None

    for later in following:
        later_base = _base(later)
        if later_base <= previous_base + 1:
            break
        if not str(later_base).startswith(prefix):
            return None
    return f"{prefix}-{suffix}"


def repair_article_numbers(headings: list[Token]) -> tuple[list[str], list[ParseMessage]]:
    """Return the article numbers to use, in order, and a repair message for each change."""
    printed = [normalise_article_number(token.article.number) for token in headings]
    numbers: list[str] = []
    repairs: list[ParseMessage] = []
    previous_base: int | None = None

    for position, token in enumerate(headings):
        heading = token.article
        number = printed[position]
        line = token.line.number

        if heading.decimal:
            repaired = f"{number}-{heading.decimal[1:]}"
            message = f"Article {number}{heading.decimal} repaired to {repaired} (dot printed for the hyphen)"
            params = {"printed": f"{number}{heading.decimal}", "number": repaired}
            repairs.append(ParseMessage(line, message, "dot_for_hyphen", params))
            number = repaired
        elif " " in heading.number.strip():
            message = f"Article number '{heading.number}' read as {number} (spaces removed)"
            params = {"printed": heading.number.strip(), "number": number}
            repairs.append(ParseMessage(line, message, "spaces_removed", params))

        repaired = _superscript_repair(number, previous_base, islice(printed, position + 1, None))
        if repaired:
            message = f"Article {number} repaired to {repaired} (superscript lost in conversion)"
            repairs.append(ParseMessage(line, message, "superscript", {"printed": number, "number": repaired}))
            number = repaired

        numbers.append(number)
        previous_base = _base(number)
    return numbers, repairs


def _annex_start(tokens: list[Token], after: int) -> int | None:
    """Return the index where the annexes after the last article begin, or None."""
    for index in range(after + 1, len(tokens)):
        token = tokens[index]
        if token.kind != TEXT or not is_annex_heading(token.line.text):
            continue
        previous = index - 1
        while previous > after and tokens[previous].kind == BLANK:
            previous -= 1
        owner = tokens[previous].line.text
        if previous > after and len(owner) <= 80 and fold(owner).endswith(_ANNEX_OWNER_ENDINGS):
            return previous
        return index
    return None


def _title_continuation(tokens: list[Token], index: int, title: str) -> int | None:
    """Return the index of a line that continues a wrapped article title, or None.

    The continuation starts with a lowercase letter and has no final
    punctuation. The first body paragraph of an article, by contrast, ends in
    a full stop or colon.
    """
    if title.endswith((".", ";", ":")):
        return None
    following = index + 1
    while following < len(tokens) and tokens[following].kind == BLANK:
        following += 1
    if following >= len(tokens) or tokens[following].kind != TEXT:
        return None
    # "[588] KM1 ödəməkdən yayınma" continues a title once the marker and anchor are gone.
    text, _ = clean_heading(tokens[following].line.text)
    if not text or len(text) > 200 or not text[0].islower() or text.endswith((".", ";", ":", "—", "-")):
        return None
    return following


def parse_articles(layout: Layout, assembler: ActAssembler) -> None:
    """Feed the body of an article-structured act into ``assembler``."""
    tokens = layout.body
    heading_indexes = [index for index, token in enumerate(tokens) if token.kind == ARTICLE_HEADING]
    numbers, repairs = repair_article_numbers([tokens[index] for index in heading_indexes])
    assembler.repairs.extend(repairs)
    number_at = dict(zip(heading_indexes, numbers))

    annex_start = _annex_start(tokens, heading_indexes[-1]) if heading_indexes else None
    consumed: set[int] = set()
    for index, token in enumerate(tokens):
        if annex_start is not None and index >= annex_start:
            assembler.add_closing(token.line)
            continue
        if index in consumed or token.kind == DIVISION_TITLE:
            continue

        if token.kind == DIVISION_HEADING:
            assembler.open_division(token.division, token.title_lines, token.line)
        elif token.kind == ARTICLE_HEADING:
            _start_article(tokens, index, number_at[index], assembler, consumed)
        elif token.kind != BLANK and not assembler.provisions and layout.is_title_repeat(token.line.text):
            _, markers = clean_heading(token.line.text)
            assembler.act_note_numbers.extend(markers)
        else:
            assembler.add_text(token.line)


def _start_article(tokens: list[Token], index: int, number: str, assembler: ActAssembler, consumed: set[int]) -> None:
    """Start an article, or keep a repeated one as text of the previous article."""
    token = tokens[index]
    if assembler.has_number(number):
        previous = assembler.current_provision() or assembler.provisions[-1]
        assembler.warnings.append(
            ParseMessage(
                token.line.number,
                f"Article {number} appears again; this heading and its text are kept in article {previous.number}",
                "repeated_article",
                {"number": number, "previous": previous.number},
            )
        )
        assembler.add_text(token.line)
        return

    title, markers = clean_heading(token.article.title)
    continuation = _title_continuation(tokens, index, title)
    if continuation is not None:
        consumed.add(continuation)
        extra, extra_markers = clean_heading(tokens[continuation].line.text)
        title = f"{title} {extra}"
        markers.extend(extra_markers)

    title = title_case(title)
    if title[:1].islower():
        # "Maddə 298 ləğv edilmişdir." reads as the heading "Ləğv edilmişdir."
        title = az_upper(title[0]) + title[1:]
    assembler.start_provision(ARTICLE, number, title, token.line, list(token.article.markers) + markers)
