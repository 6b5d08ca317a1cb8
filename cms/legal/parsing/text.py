"""Body text assembly: footnote markers out, paragraphs joined by a blank line."""

import re

from .lines import MARKER, Line

# Anchors of Constitutional Court decisions printed after headings, sometimes
# letter-spaced: "KMQ8", "KMQ 25", "KM3", "K M 1".
_COURT_ANCHOR_AT_END = re.compile(r"(?:(?: |(?<=[.)]))K ?M ?Q? ?\d{1,3})+$")
_LETTER_SPACED = re.compile(r"^(?:\w ){3,}\w$")
_TERMINAL = tuple(".;:!?…—–-")


def strip_markers(text: str) -> tuple[str, list[int]]:
    """Remove ``[12]`` footnote markers from text and return their numbers in order."""
    numbers: list[int] = []

    def replace(match: re.Match) -> str:
        numbers.append(int(match.group(1)))
        before = text[match.start() - 1] if match.start() > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        # Keep words apart when the marker was their only separator.
        return " " if before.isalnum() and after.isalnum() else ""

    if "[" not in text:
        return text, numbers
    stripped = MARKER.sub(replace, text)
    return " ".join(stripped.split()), numbers


def clean_heading(text: str) -> tuple[str, list[int]]:
    """Strip footnote markers and trailing court-decision anchors from a heading."""
    text, numbers = strip_markers(text)
    text = _COURT_ANCHOR_AT_END.sub("", text).strip()
    return text, numbers


def collapse_letter_spacing(text: str) -> str:
    """Join a capitals line printed letter-spaced: ``Q A Y D A S I`` → ``QAYDASI``."""
    if _LETTER_SPACED.match(text) and text.isupper():
        return text.replace(" ", "")
    return text


def _continues(previous: str, line: str) -> bool:
    """Return True when ``line`` continues a sentence that a page break split.

    The previous paragraph must end in a letter or a comma, and the line must
    start with a lowercase letter. Lines that end in a dash stay apart, because
    codes print the penalty of an offence on its own line after "—".
    """
    if not previous or not line:
        return False
    if previous.endswith(_TERMINAL):
        return False
    last = previous[-1]
    return (last.isalpha() or last == ",") and line[0].isalpha() and line[0].islower()


class TextBuilder:
    """The source lines of one unit; ``build`` turns them into text and footnote numbers."""

    def __init__(self) -> None:
        self.lines: list[Line] = []

    def add(self, line: Line) -> None:
        self.lines.append(line)

    def pop_last(self) -> Line | None:
        """Remove and return the last non-blank line, dropping blanks after it."""
        while self.lines and not self.lines[-1].text:
            self.lines.pop()
        return self.lines.pop() if self.lines else None

    def is_empty(self) -> bool:
        return not any(line.text for line in self.lines)

    def build(self) -> tuple[str, list[int]]:
        """Return the paragraphs separated by "\\n\\n" and the marker numbers."""
        paragraphs: list[str] = []
        numbers: list[int] = []
        for line in self.lines:
            if not line.text:
                continue
            text, found = strip_markers(line.text)
            numbers.extend(found)
            text = collapse_letter_spacing(text)
            if not text:
                continue
            if paragraphs and _continues(paragraphs[-1], text):
                paragraphs[-1] = f"{paragraphs[-1]} {text}"
            else:
                paragraphs.append(text)
        return "\n\n".join(paragraphs), numbers
