"""Parser for acts without articles: decisions, decrees, rules and instructions.

Their units are numbered points. Rules usually have numbered section headings
(``1. Ümumi müddəalar``) with points ``1.1.``, ``1.2.`` under them; a decision
or decree has its own points ``1.``, ``2.``, whose sub-points ``1.1.`` stay in
the text of the point. Each run of top-level numbers (a run restarts at 1) is
one or the other: a run whose entries mostly read like headings (short, no
final punctuation) is a run of sections.
"""

from dataclasses import dataclass

from .assembly import ActAssembler
from .lines import (
    APPROVAL_STAMP,
    ENACTING_FORMULA,
    LEVEL_ANNEX,
    LEVEL_ROMAN_SECTION,
    LEVEL_SECTION,
    ROMAN_HEADING,
    SUB_POINT,
    TOP_POINT,
    DivisionHeading,
    Line,
    signature_strength,
)
from .regions import Layout
from .structure import PART, POINT, SECTION, ParseMessage
from .text import collapse_letter_spacing
from .titlecase import fold, is_upper_text
from .tokens import BLANK, DIVISION_HEADING, DIVISION_TITLE, TEXT, Token

# How far a top-level number may jump and still continue the sequence; the
# sources skip numbers now and then ("8." followed by "10.").
MAX_NUMBER_GAP = 3
# How many lines a quotation may span before its closing quote.
MAX_QUOTATION_LINES = 60
# A heading longer than this is a sentence.
MAX_HEADING_LENGTH = 200
_OPENING_QUOTES = ("“", "«", '"')


@dataclass
class _Entry:
    """A numbered line accepted as a unit heading."""

    kind: str  # "top", "sub" or "roman"
    number: int | str
    index: str = ""  # M in "N.M."
    text: str = ""
    run: int = -1  # which run of top-level numbers a "top" entry belongs to


def _quote_balance(text: str) -> tuple[int, int]:
    """Return (open curly and angle quotes minus closed ones, parity of straight quotes)."""
    depth = text.count("“") + text.count("«") - text.count("”") - text.count("»")
    return depth, text.count('"') % 2


def quoted_lines(tokens: list[Token]) -> set[int]:
    """Return the indexes of lines inside multi-line quotations.

    Amending decrees quote new wordings that contain their own numbered points
    (``“1.2.7. ...`` up to ``1.2.12. ...”``); those numbers are not units.
    """
    quoted: set[int] = set()
    index = 0
    while index < len(tokens):
        text = tokens[index].line.text
        if text.startswith(_OPENING_QUOTES):
            depth, parity = _quote_balance(text)
            if depth > 0 or parity:
                for following in range(index + 1, min(len(tokens), index + MAX_QUOTATION_LINES)):
                    line_depth, line_parity = _quote_balance(tokens[following].line.text)
                    depth += line_depth
                    parity ^= line_parity
                    if depth <= 0 and not parity:
                        quoted.update(range(index + 1, following + 1))
                        index = following
                        break
        index += 1
    return quoted


def _strip_repeated_number(number: int, text: str) -> str:
    """Drop a number printed twice: ``1. 1. Ümumi müddəalar`` → ``Ümumi müddəalar``."""
    prefix = f"{number}."
    return text[len(prefix) :].strip() if text.startswith(prefix) else text


def is_heading_like(text: str) -> bool:
    """Return True for a short line without final punctuation that starts with a capital or a quote."""
    if not text or len(text) > MAX_HEADING_LENGTH or text.endswith((".", ";", ":", ",")):
        return False
    return text[0].isupper() or text.startswith(_OPENING_QUOTES)


def _find_entries(tokens: list[Token]) -> tuple[dict[int, _Entry], list[bool]]:
    """Find the numbered lines that head units; return them and which runs are sections."""
    quoted = quoted_lines(tokens)
    entries: dict[int, _Entry] = {}
    runs: list[list[_Entry]] = []
    previous_top: int | None = None
    restart_allowed = True

    for position, token in enumerate(tokens):
        if token.kind == DIVISION_HEADING:
            restart_allowed = True
            continue
        if token.kind != TEXT or position in quoted:
            continue
        text = token.line.text
        folded = fold(text)
        if APPROVAL_STAMP.search(folded) or (is_upper_text(text) and len(text) <= 60):
            # Rules annexed to a decision start their numbering again.
            restart_allowed = True

        roman = ROMAN_HEADING.match(text)
        if roman and is_heading_like(roman.group("text")):
            entries[position] = _Entry("roman", roman.group("number"), text=roman.group("text"))
            restart_allowed = True
            continue

        top = TOP_POINT.match(text)
        if top:
            number = int(top.group("number"))
            continues = previous_top is not None and previous_top < number <= previous_top + MAX_NUMBER_GAP
            restarts = (previous_top is None or number == 1) and restart_allowed
            if continues or restarts:
                if restarts and not continues:
                    runs.append([])
                title = _strip_repeated_number(number, top.group("text").strip())
                entry = _Entry("top", number, text=title, run=len(runs) - 1)
                entries[position] = entry
                runs[-1].append(entry)
                previous_top = number
                restart_allowed = False
            continue

        sub = SUB_POINT.match(text)
        if sub:
            entries[position] = _Entry("sub", int(sub.group("section")), sub.group("index"), sub.group("text"))

    section_runs = [sum(is_heading_like(entry.text) for entry in run) * 2 > len(run) for run in runs]
    return entries, section_runs


class _PointParser:
    """State of one pass over the body of an act without articles."""

    def __init__(self, layout: Layout, assembler: ActAssembler) -> None:
        self.layout = layout
        self.assembler = assembler
        self.section: int | None = None  # number of the open numbered section
        self.section_has_unit = False
        self.in_section_run = False
        self.run_number = -1  # run of the last top-level entry

    def run(self) -> None:
        tokens = self.layout.body
        entries, section_runs = _find_entries(tokens)
        if not entries:
            self._single_unit(tokens)
            return

        for position, token in enumerate(tokens):
            if token.kind in (BLANK, DIVISION_TITLE):
                continue
            if token.kind == DIVISION_HEADING:
                self._split_annex_header()
                self.assembler.open_division(token.division, token.title_lines, token.line)
                self.section = None
                continue

            entry = entries.get(position)
            if entry is None:
                self._text(token.line)
            elif entry.kind == "roman":
                self._open_section(str(entry.number), entry.text, token.line, LEVEL_ROMAN_SECTION)
                self.section = None
                self.in_section_run = False
            elif entry.kind == "top":
                self._top(entry, section_runs[entry.run], token.line)
            else:
                self._sub(entry, token.line)

    def _open_section(self, number: str, title: str, line: Line, level: int) -> None:
        self._split_annex_header()
        heading = DivisionHeading(SECTION, level, number, title, (), False)
        self.assembler.open_division(heading, [], line)
        self.section_has_unit = False

    def _top(self, entry: _Entry, is_section: bool, line: Line) -> None:
        if entry.run != self.run_number:
            self._split_annex_header()
            self.run_number = entry.run
        self.in_section_run = is_section
        if is_section:
            self._open_section(str(entry.number), entry.text, line, LEVEL_SECTION)
            self.section = entry.number
            return
        self.section = None
        self._start_point(str(entry.number), line)

    def _sub(self, entry: _Entry, line: Line) -> None:
        """Start point N.M in a section, or keep a sub-point as text of its point."""
        number = f"{entry.number}.{entry.index}"
        if not self.in_section_run and self.assembler.current_provision() is not None:
            self._text(line)
            return

        if self.section is not None and entry.number != self.section:
            if not self.section < entry.number <= self.section + MAX_NUMBER_GAP:
                self._text(line)
                return
            self._infer_section(entry.number, line)
        self._start_point(number, line)

    def _split_annex_header(self) -> None:
        """Move the signature and approval stamp off the end of a decision's last point.

        A decision that approves rules ends with its signature, then the
        stamp ``... qərarı ilə təsdiq edilmişdir`` and the title of the rules.
        The signature goes to the closing text, and the stamp and title open
        an annex division that contains the rules. Nothing happens when the
        point does not end with such a stamp.
        """
        builder = self.assembler.current_builder()
        if builder is None:
            return
        block = _trailing_block(builder.lines)
        stamp = next((position for position, line in enumerate(block) if APPROVAL_STAMP.search(fold(line.text))), None)
        if stamp is None:
            return

        # The stamp names the approving act over several lines; it starts at
        # the nearest line from "Azərbaycan" that is not part of a signature.
        stamp_start = stamp
        for position in range(stamp, -1, -1):
            if block[position].text.startswith("Azərbaycan"):
                stamp_start = position
                break
            if position < stamp and signature_strength(block[position].text):
                break

        cut = {line.number for line in block}
        builder.lines = [line for line in builder.lines if line.number not in cut]
        for line in block[:stamp_start]:
            self.assembler.add_closing(line)
        title_lines = [Line(line.number, collapse_letter_spacing(line.text)) for line in block[stamp + 1 :]]
        heading = DivisionHeading(PART, LEVEL_ANNEX, "", "", (), False)
        index = self.assembler.open_division(heading, title_lines, block[stamp_start])
        # The stamp is one phrase broken over lines.
        self.assembler.divisions[index].text = " ".join(line.text for line in block[stamp_start : stamp + 1])
        self.section = None

    def _infer_section(self, number: int, line: Line) -> None:
        """Open section N when its heading was lost and point N.1 shows up under section N-1."""
        title = ""
        builder = self.assembler.current_builder()
        if builder is not None:
            last = builder.pop_last()
            if last is not None and is_heading_like(last.text) and not TOP_POINT.match(last.text):
                title = last.text
            elif last is not None:
                builder.add(last)
        self.assembler.warnings.append(
            ParseMessage(
                line.number,
                f"Heading of section {number} not found; section inferred from point {number}.x",
                "section_inferred",
                {"number": number},
            )
        )
        self._open_section(str(number), title, line, LEVEL_SECTION)
        self.section = number

    def _start_point(self, number: str, line: Line) -> None:
        self.assembler.start_provision(POINT, number, "", line, [])
        # The numbered line is the first paragraph of the point's text.
        self.assembler.add_text(line)
        self.section_has_unit = True

    def _text(self, line: Line) -> None:
        if not self.assembler.provisions and self.layout.is_title_repeat(line.text):
            return
        if self.section is not None and not self.section_has_unit:
            # Text right under a section heading, as in "10. Heading" followed
            # by one paragraph: the section's text becomes point N.
            self.assembler.start_provision(POINT, str(self.section), "", line, [])
            self.section_has_unit = True
        self.assembler.add_text(line)

    def _single_unit(self, tokens: list[Token]) -> None:
        """Keep the operative text of an act with no numbered points as one point."""
        formula = next(
            (
                position
                for position, token in enumerate(tokens)
                if token.kind == TEXT and ENACTING_FORMULA.search(fold(token.line.text))
            ),
            None,
        )
        if formula is None:
            for token in tokens:
                if token.kind != BLANK:
                    self.assembler.add_text(token.line)
            return

        for token in tokens[: formula + 1]:
            self.assembler.add_text(token.line)
        first = next((token for token in tokens[formula + 1 :] if token.kind != BLANK), None)
        if first is None:
            return
        self.assembler.start_provision(POINT, "1", "", first.line, [])
        self.assembler.warnings.append(
            ParseMessage(
                first.line.number, "No numbered points found; the operative text is kept as point 1", "no_points"
            )
        )
        for token in tokens[formula + 1 :]:
            self.assembler.add_text(token.line)


def _trailing_block(point_lines: list[Line]) -> list[Line]:
    """Return the non-blank lines after the last sentence of a point.

    The block is made of short lines without final punctuation, signature
    lines and approval stamps; the numbered first line always stays.
    """
    lines = [line for line in point_lines if line.text]
    start = len(lines)
    while start > 1:
        text = lines[start - 1].text
        short_line = len(text) <= MAX_HEADING_LENGTH and not text.endswith((".", ";", ":"))
        if short_line or signature_strength(text) or APPROVAL_STAMP.search(fold(text)):
            start -= 1
            continue
        break
    return lines[start:]


def parse_points(layout: Layout, assembler: ActAssembler) -> None:
    """Feed the body of an act without articles into ``assembler``."""
    _PointParser(layout, assembler).run()
