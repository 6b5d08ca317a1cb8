"""Shared bookkeeping of both parsers: the division tree, provisions and text.

The article parser and the point parser decide what each line is. This class
turns those decisions into ParsedDivision and ParsedProvision objects. It
also keeps provision numbers unique and finds the closing block at the end.
"""

from .lines import DivisionHeading, Line, signature_strength
from .structure import ParsedAct, ParsedDivision, ParsedProvision, ParseMessage
from .text import TextBuilder, clean_heading
from .titlecase import title_case


class ActAssembler:
    """Builds a ParsedAct from a stream of headings and text lines."""

    def __init__(self, title: str, act_note_numbers: list[int]) -> None:
        self.title = title
        self.act_note_numbers = list(act_note_numbers)
        self.divisions: list[ParsedDivision] = []
        self.provisions: list[ParsedProvision] = []
        self.repairs: list[ParseMessage] = []
        self.warnings: list[ParseMessage] = []

        self.preamble = TextBuilder()
        self.closing = TextBuilder()
        self._open: list[tuple[int, int]] = []  # (level, division index), outermost first
        self._current: tuple[ParsedProvision, TextBuilder] | None = None
        self._builders: list[TextBuilder] = []
        self._numbers: dict[str, int] = {}
        # Lines of divisions opened after the last provision, with their text;
        # they become closing text when no provision follows.
        self._trailing_start: int | None = None
        self._trailing = TextBuilder()
        # Text after a division heading and before its first provision.
        self._intro = TextBuilder()
        self._intro_division: int | None = None

    # Divisions

    def open_division(self, heading: DivisionHeading, title_lines: list[Line], line: Line) -> int:
        """Add a division under the nearest open division of a smaller level; return its index."""
        level = heading.level
        parts = [heading.title] + [title_line.text for title_line in title_lines]
        title, markers = clean_heading(" ".join(title_case(part) for part in parts if part))

        self._current = None
        while self._open and self._open[-1][0] >= level:
            self._open.pop()
        parent = self._open[-1][1] if self._open else None

        division = ParsedDivision(
            kind=heading.kind,
            number=heading.number,
            title=title,
            parent=parent,
            line=line.number,
            note_numbers=list(heading.markers) + markers,
        )
        self._store_intro()
        self.divisions.append(division)
        index = len(self.divisions) - 1
        self._open.append((level, index))
        self._intro_division = index

        if self._trailing_start is None:
            self._trailing_start = index
        self._trailing.add(line)
        for title_line in title_lines:
            self._trailing.add(title_line)
        return index

    # Provisions

    def start_provision(
        self, kind: str, number: str, title: str, line: Line, note_numbers: list[int]
    ) -> ParsedProvision:
        """Start a provision; a repeated number gets a suffix and a warning."""
        self._store_intro()
        self._intro_division = None
        self._trailing_start = None
        self._trailing = TextBuilder()

        unique = self._unique_number(number, line)
        provision = ParsedProvision(
            kind=kind,
            number=unique,
            title=title,
            text="",
            division_path=tuple(index for _, index in self._open),
            note_numbers=list(note_numbers),
            line=line.number,
        )
        builder = TextBuilder(unit_number=number)
        self.provisions.append(provision)
        self._builders.append(builder)
        self._current = (provision, builder)
        return provision

    def _unique_number(self, number: str, line: Line) -> str:
        """Return ``number``, or ``number (2)`` for its second occurrence, and so on."""
        count = self._numbers.get(number, 0) + 1
        self._numbers[number] = count
        if count == 1:
            return number
        unique = f"{number} ({count})"
        while unique in self._numbers:
            count += 1
            unique = f"{number} ({count})"
        self._numbers[unique] = 1
        message = f"Number {number} is used again; this unit is numbered {unique}"
        self.warnings.append(ParseMessage(line.number, message, "repeated_number", {"number": number, "unique": unique}))
        return unique

    def has_number(self, number: str) -> bool:
        return number in self._numbers

    def current_provision(self) -> ParsedProvision | None:
        return self._current[0] if self._current else None

    def current_builder(self) -> TextBuilder | None:
        return self._current[1] if self._current else None

    # Text

    def add_text(self, line: Line) -> None:
        """Add a body line to the open provision, or to the preamble before the first one."""
        if self._current is not None:
            self._current[1].add(line)
        elif self._trailing_start is not None:
            self._trailing.add(line)
            if self._intro_division is not None:
                self._intro.add(line)
        elif not self.provisions:
            self.preamble.add(line)
        else:
            # Text between two provisions that no heading claims.
            self._builders[-1].add(line)

    def _store_intro(self) -> None:
        """Give the text collected under the last division heading to that division."""
        if self._intro_division is not None and not self._intro.is_empty():
            text, numbers = self._intro.build()
            division = self.divisions[self._intro_division]
            division.text = text
            division.note_numbers.extend(numbers)
        self._intro = TextBuilder()

    def add_closing(self, line: Line) -> None:
        """Keep a line out of the body: an annex, or a signature before annexed rules."""
        self.closing.add(line)

    # Result

    def finish(self, source_documents: str = "") -> ParsedAct:
        """Resolve trailing divisions and the signature, then return the act."""
        closing_lines: list[Line] = []
        if self._trailing_start is not None and self.provisions:
            # Divisions after the last provision contain no provision, so they
            # are kept as text.
            # NOTE: this is where the Constitution's transitional provisions
            # (KEÇİD MÜDDƏALARI, points 1–12) end up. They are law, but an
            # article act has no place for a second numbering of units.
            del self.divisions[self._trailing_start :]
            closing_lines.extend(self._trailing.lines)
        elif self._builders:
            closing_lines = self._split_signature(self._builders[-1])
        closing_lines = sorted(closing_lines + self.closing.lines, key=lambda line: line.number)

        for provision, builder in zip(self.provisions, self._builders):
            text, numbers = builder.build()
            provision.text = text
            provision.note_numbers.extend(numbers)

        preamble, preamble_numbers = self.preamble.build()
        closing = TextBuilder()
        closing.lines = closing_lines
        closing_text, closing_numbers = closing.build()
        return ParsedAct(
            title=self.title,
            preamble=preamble,
            divisions=self.divisions,
            provisions=self.provisions,
            closing_text=closing_text,
            repairs=self.repairs,
            warnings=self.warnings,
            act_note_numbers=self.act_note_numbers + preamble_numbers + closing_numbers,
            source_documents=source_documents,
        )

    @staticmethod
    def _split_signature(builder: TextBuilder) -> list[Line]:
        """Cut the signature block off the end of the last provision and return it.

        The block is the longest tail of signature-like lines (names, offices,
        place and date, act number) that contains at least one certain line,
        such as ``Bakı şəhəri, ...`` or ``№ 1042-IVQD``.
        """
        lines = builder.lines
        start = len(lines)
        certain = False
        while start > 0:
            text = lines[start - 1].text
            if not text:
                start -= 1
                continue
            strength = signature_strength(text)
            if strength == 0:
                break
            certain = certain or strength == 2
            start -= 1
        if not certain or not any(line.text for line in lines[:start]):
            return []
        tail = lines[start:]
        del lines[start:]
        return tail
