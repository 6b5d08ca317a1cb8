"""Body text assembly: footnote markers out, paragraphs joined by a blank line."""

import re

from .lines import MARKER, Line

# Anchors that e-qanun.az consolidated texts print where a court decision or
# a constitutional law applies: "KMQ8", "KMQ 25", "KM3", "K M 1", "KQ1",
# "AM 1". The back matter lists the targets under the same labels: KMQ and KM
# for the Constitutional Court, AM for the Supreme Court plenum, KQ for a
# constitutional law. In body text they occur only at the start or end of a line.
_ANCHOR = r"(?:K ?M ?Q?|K ?Q|A ?M) ?\d{1,2}(?!\d)"
_COMPACT_ANCHOR = r"(?:KMQ|KM|KQ|AM)\d{1,2}(?!\d)"
# A run of anchors closing a line. It follows a space, punctuation or,
# glued, a lowercase letter ("verilməsiKMQ17"); punctuation after the run
# stays. A bare "KM" or "KMQ" whose number was lost counts after a space.
_ANCHORS_AT_END = re.compile(
    rf"(?:(?:\s+|(?<=[^\w\s])|(?<=[a-zçəğıöşü])){_ANCHOR}|\s+KMQ?)(?:\s*{_ANCHOR})*(?P<punctuation>[.;:]?)$"
)
# A run of compact anchors opening a line, before a word that continues the
# sentence ("KMQ18 bağlayarkən"), a point number ("KMQ3 83.4.") or nothing.
# A bare "KM" or "KMQ" counts only before a lowercase word.
_ANCHORS_AT_START = re.compile(rf"^(?:{_COMPACT_ANCHOR}(?: {_COMPACT_ANCHOR})*(?: |$)|KMQ? (?=[a-zçəğıöşü]))")
# Anchor letters and all the digits after them, for an anchor glued to the
# point number that follows it.
_GLUED_ANCHOR = re.compile(r"^(?:KMQ|KM|KQ|AM)(?P<digits>\d+)")
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


def strip_anchors(text: str, unit_number: str = "") -> str:
    """Remove court-decision anchors from the start and end of one line of text.

    ``unit_number`` is the number of the provision the line belongs to. It
    splits an anchor glued to a point number: with unit number 182,
    ``KMQ1182.2. Bu ...`` becomes ``182.2. Bu ...``.
    """
    if "K" not in text and "M" not in text:
        return text  # every anchor has one of these letters
    text = _ANCHORS_AT_END.sub(r"\g<punctuation>", text)
    text = _ANCHORS_AT_START.sub("", text)
    glued = _GLUED_ANCHOR.match(text) if unit_number else None
    if glued:
        # The anchor number has one or two digits; the rest must be the unit number.
        for anchor_digits in (1, 2):
            rest = text[glued.start("digits") + anchor_digits :]
            if rest.startswith(f"{unit_number}."):
                text = rest
                break
    return text.strip()


def clean_heading(text: str) -> tuple[str, list[int]]:
    """Strip footnote markers and court-decision anchors from a heading."""
    text, numbers = strip_markers(text)
    return strip_anchors(text), numbers


def collapse_letter_spacing(text: str) -> str:
    """Join a capitals line printed letter-spaced: ``Q A Y D A S I`` → ``QAYDASI``."""
    if _LETTER_SPACED.match(text) and text.isupper():
        return text.replace(" ", "")
    return text


def _continues(previous: str, line: str, after_anchor: bool = False) -> bool:
    """Return True when ``line`` continues a sentence that a page break split.

    The previous paragraph must end in a letter or a comma, and the line must
    start with a lowercase letter. A line that started with a court-decision
    anchor may start with a capital (``KM1 Prezident seçkiləri ...``), because
    such an anchor breaks the line inside a sentence. Lines that end in a dash
    stay apart, because codes print the penalty of an offence on its own line
    after "—".
    """
    if not previous or not line:
        return False
    if previous.endswith(_TERMINAL):
        return False
    last = previous[-1]
    starts_sentence_part = line[0].isalpha() and (line[0].islower() or after_anchor)
    return (last.isalpha() or last == ",") and starts_sentence_part


class TextBuilder:
    """The source lines of one unit; ``build`` turns them into text and footnote numbers.

    ``unit_number`` is the number of the provision whose text is built, or
    empty for a preamble, division or closing text.
    """

    def __init__(self, unit_number: str = "") -> None:
        self.lines: list[Line] = []
        self.unit_number = unit_number

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
            # Anchors go before the joining below, so that a line that
            # started with one can continue the sentence it belongs to.
            after_anchor = bool(_ANCHORS_AT_START.match(text))
            text = strip_anchors(text, self.unit_number)
            text = collapse_letter_spacing(text)
            if not text:
                continue
            if paragraphs and _continues(paragraphs[-1], text, after_anchor):
                paragraphs[-1] = f"{paragraphs[-1]} {text}"
            else:
                paragraphs.append(text)
        return "\n\n".join(paragraphs), numbers
