"""The amendment notes at the end of a consolidated text.

Each note starts with its number in brackets and runs until the next note:

    [5] 28 dekabr 2018-ci il tarixli 1406-VQD nömrəli Azərbaycan Respublikasının
    Qanunu (...) ilə 13-cü maddə yeni redaksiyada verilmişdir.
    Əvvəlki redaksiyada deyilirdi:
    Maddə 13. ...

Old wordings quoted in a note may contain ``Maddə N.`` lines; they stay note
text. Lists numbered ``1.``, ``2.`` without brackets (older laws) are read the
same way when the list has no bracketed note at all.
"""

import datetime
import re

from .lines import LIST_ITEM, NOTE_START, Line
from .structure import ParsedNote

MONTHS = {
    "yanvar": 1,
    "fevral": 2,
    "mart": 3,
    "aprel": 4,
    "may": 5,
    "iyun": 6,
    "iyul": 7,
    "avqust": 8,
    "sentyabr": 9,
    "oktyabr": 10,
    "noyabr": 11,
    "dekabr": 12,
}
_MONTH = "|".join(MONTHS)
# "28 dekabr 2018-ci il" and "2008-ci il 13 iyun".
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH}) (?P<year>\d{{4}})\b", re.IGNORECASE)
_YEAR_DAY_MONTH = re.compile(
    rf"\b(?P<year>\d{{4}}) ?-? ?c[iıuü] il(?:in)? (?P<day>\d{{1,2}}) (?P<month>{_MONTH})\b", re.IGNORECASE
)
# The act number printed before "nömrəli": 1406-VQD, 99/372, 424-IQ, and
# misprints such as "479 -IIQD" or "409–IIQD".
_ACT_NUMBER = re.compile(
    r"(?<![\w/-])(?P<number>\d[\w/]*(?: ?[-–] ?[\w/]+)*) ?,? (?:nömr ?əli|saylı)\b", re.IGNORECASE
)
# Without "nömrəli", a law number such as 456-IVQD right after "tarixli".
_LAW_NUMBER_AFTER_DATE = re.compile(r"tarixli,? (?:№ ?)?(?P<number>\d+ ?[-–] ?[IVX]+Q\w*)")
# A note that only points to another: "Bax: 22-ci istinad" (see note 22).
_SEE_NOTE = re.compile(r"^Bax:? (?P<number>\d+)[-–]?\w* ist\w*ad", re.IGNORECASE)
# "Əvvəlki redaksiyada deyilirdi:", "Maddənin əvvəlki redaksiyasında deyilirdi:"
# and misspellings of "redaksiya"; every variant ends in "deyilirdi:".
_PREVIOUS_WORDING = re.compile(r"deyilirdi ?:")


def find_date(text: str) -> datetime.date | None:
    """Return the first valid date written out in words, or None."""
    candidates = []
    for pattern in (_DAY_MONTH_YEAR, _YEAR_DAY_MONTH):
        match = pattern.search(text)
        if match:
            candidates.append(match)

    for match in sorted(candidates, key=lambda found: found.start()):
        month = MONTHS[match.group("month").lower()]
        try:
            return datetime.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
    return None


def find_act_number(text: str) -> str:
    """Return the first act number printed before ``nömrəli``, or ""."""
    match = _ACT_NUMBER.search(text) or _LAW_NUMBER_AFTER_DATE.search(text)
    if not match:
        return ""
    return re.sub(r" ?[-–] ?", "-", match.group("number"))


def find_previous_wording(text: str) -> str:
    """Return the text after ``... deyilirdi:`` up to the end of the note, or ""."""
    match = _PREVIOUS_WORDING.search(text)
    return text[match.end() :].strip() if match else ""


def _make_note(number: int, line: int, parts: list[str]) -> ParsedNote:
    text = "\n\n".join(parts)
    return ParsedNote(
        number=number,
        text=text,
        amending_act_date=find_date(text),
        amending_act_number=find_act_number(text),
        previous_wording=find_previous_wording(text),
        line=line,
    )


def parse_notes(lines: list[Line]) -> list[ParsedNote]:
    """Parse the amendment list into notes, in the order printed."""
    pattern = NOTE_START
    if not any(NOTE_START.match(line.text) for line in lines):
        pattern = LIST_ITEM

    notes: list[ParsedNote] = []
    current: tuple[int, int, list[str]] | None = None
    for line in lines:
        if not line.text:
            continue

        match = pattern.match(line.text)
        number = int(match.group("number")) if match else None
        # A number that does not move forward is note text, such as a
        # numbered list quoted in an old wording.
        if number is not None and (current is None or number > current[0]):
            if current is not None:
                notes.append(_make_note(*current))
            current = (number, line.number, [match.group("text").strip()])
        elif current is not None:
            current[2].append(line.text)

    if current is not None:
        notes.append(_make_note(*current))
    _resolve_references(notes)
    return notes


def _resolve_references(notes: list[ParsedNote]) -> None:
    """Give a note that reads "Bax: 22-ci istinad" the amending act of note 22."""
    by_number = {note.number: note for note in notes}
    for note in notes:
        match = _SEE_NOTE.match(note.text)
        target = by_number.get(int(match.group("number"))) if match else None
        if target is not None and note.amending_act_date is None and not note.amending_act_number:
            note.amending_act_date = target.amending_act_date
            note.amending_act_number = target.amending_act_number
