"""The parsed structure of one legal act, independent of Django.

The parser turns plain text into these objects; the importer turns them into
database rows. Keeping the two apart lets the parser be tested on the shipped
corpus without a database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


# Kinds of division, from the largest down. "section" is the numbered section
# of rules and instructions that have points instead of articles.
PART = "part"  # bölmə (also "hissə" in the Criminal Code)
CHAPTER = "chapter"  # fəsil
SECTION = "section"  # numbered section of rules: "2. Qrant vermək hüququ"

# Kinds of provision, the unit a reader can link to.
ARTICLE = "article"  # maddə
POINT = "point"  # bənd, in acts that have no articles


@dataclass
class ParsedNote:
    """An amendment note from the list at the end of a consolidated text."""

    number: int
    text: str
    amending_act_date: datetime.date | None = None
    amending_act_number: str = ""  # "1406-VQD", as printed
    previous_wording: str = ""  # the text after "Əvvəlki redaksiyasında deyilirdi:"
    line: int = 0


@dataclass
class ParsedProvision:
    """An article (maddə), or a point in an act without articles."""

    kind: str
    number: str  # "7", "7-1", "98-1"; for points "1", "2.3"
    title: str  # heading without the number; may be empty
    text: str  # body paragraphs separated by a blank line ("\n\n")
    division_path: tuple[int, ...] = ()  # indexes into ParsedAct.divisions, outermost first
    note_numbers: list[int] = field(default_factory=list)  # footnote markers in heading and body
    line: int = 0  # 1-based line of the heading in the source


@dataclass
class ParsedDivision:
    """A part, chapter or section heading with its place in the tree."""

    kind: str
    number: str  # "1", "I", "Birinci" as printed, normalised to a short label
    title: str
    parent: int | None = None  # index of the enclosing division
    line: int = 0
    note_numbers: list[int] = field(default_factory=list)  # footnote markers in the heading
    text: str = ""  # introductory text between the heading and the first provision


@dataclass
class ParseMessage:
    """Something the parser repaired or could not make sense of.

    ``message`` is English for logs and developers; ``code`` and ``params``
    let the site show the same message in the reader's language.
    """

    line: int
    message: str
    code: str = ""
    params: dict = field(default_factory=dict)


@dataclass
class ParsedAct:
    """The whole act as the parser found it."""

    title: str  # in Azerbaijani title case
    preamble: str  # text before the first division or provision
    divisions: list[ParsedDivision] = field(default_factory=list)
    provisions: list[ParsedProvision] = field(default_factory=list)
    notes: list[ParsedNote] = field(default_factory=list)
    closing_text: str = ""  # signature block and anything after the last provision
    repairs: list[ParseMessage] = field(default_factory=list)
    warnings: list[ParseMessage] = field(default_factory=list)
    act_note_numbers: list[int] = field(default_factory=list)  # footnote markers on the title, preamble and closing
    # The list of source documents (amending acts) and Constitutional Court
    # decisions printed between the body and the amendment notes.
    source_documents: str = ""

    @property
    def provision_kind(self) -> str:
        """Return ARTICLE when the act is structured in articles, else POINT."""
        if any(provision.kind == ARTICLE for provision in self.provisions):
            return ARTICLE
        return POINT


class ParseError(ValueError):
    """A text that cannot be read as a legal act, with the line to look at."""

    def __init__(self, message: str, line: int = 0, source: str = "", code: str = "", params: dict | None = None):
        self.message = message
        self.line = line
        self.source = source
        self.code = code
        self.params = params or {}
        location = f"{source}:{line}" if source else f"line {line}"
        super().__init__(f"{location}: {message}")
