"""Line patterns of Azerbaijani legal texts: headings, points, markers, lists.

No pattern nests unbounded repetition, so no line can make one backtrack
catastrophically. Keyword patterns run on ``fold(line)``, which lowercases
with Azerbaijani rules and treats ı as i, because the sources mix ``FƏSİL``,
``FƏSIL`` and ``Fəsil``.
"""

import re
from dataclasses import dataclass

from .structure import CHAPTER, PART, SECTION
from .titlecase import az_lower, fold

# Depth of each division kind; a division's parent is the nearest open
# division with a smaller level. Hissə (general or special part) contains
# bölmə, then yarımbölmə (sub-part), fəsil (chapter), and § paragraphs or
# numbered sections; Roman sub-headings ("I. Servitut") come last. Rules
# annexed to a decision form one more level around all of these.
LEVEL_ANNEX = -1  # rules or an instruction annexed to a decision contain everything else
LEVEL_HISSE = 0
LEVEL_BOLME = 1
LEVEL_YARIMBOLME = 2
LEVEL_FESIL = 3
LEVEL_ROMAN_SECTION = 3
LEVEL_SECTION = 4
LEVEL_SUBHEADING = 5


@dataclass(frozen=True)
class Line:
    """One source line with whitespace collapsed and its 1-based line number."""

    number: int
    text: str


@dataclass(frozen=True)
class ArticleHeading:
    """A ``Maddə N. Title`` line split into its parts, number still as printed."""

    number: str  # "98-1", "981", "1 0 8-1"
    decimal: str  # ".2" in the misprint "Maddə 431.2."; empty otherwise
    title: str
    markers: tuple[int, ...]  # footnote markers before "Maddə", as in "[179] Maddə 195."


@dataclass(frozen=True)
class DivisionHeading:
    """A part, chapter or § heading; ``title`` is empty when it is on the next line."""

    kind: str
    level: int
    number: str
    title: str
    markers: tuple[int, ...]
    takes_next_line_title: bool  # False for headings that are complete, like ÜMUMİ HİSSƏ


_WHITESPACE = re.compile(r"\s+")


def split_lines(text: str) -> list[Line]:
    """Split text into lines, collapsing runs of whitespace inside each line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Line(number, _WHITESPACE.sub(" ", raw).strip()) for number, raw in enumerate(text.split("\n"), start=1)]


# Footnote markers: "[12]" anywhere, one or more at the start of a line.
MARKER = re.compile(r"\[(\d{1,4})\]")
LEADING_MARKERS = re.compile(r"^(?:\[\d{1,4}\] ?)+")


def leading_markers(text: str) -> tuple[tuple[int, ...], str]:
    """Split off the footnote markers at the start of a line: ``[1] TITLE`` → ((1,), "TITLE")."""
    match = LEADING_MARKERS.match(text)
    if not match:
        return (), text
    numbers = tuple(int(number) for number in MARKER.findall(match.group(0)))
    return numbers, text[match.end() :].strip()


# "Maddə 7-1. Title", "Maddə 141 . Title", "Maddə 81-1 Title", "Maddə 257.Title",
# "Maddə 1 0 8-1. Title" (letter-spaced digits), "Maddə 431.2. Title" (a dot
# printed for the hyphen). Numbers have at most five digits per part, which
# also keeps int() away from arbitrarily long digit strings.
ARTICLE = re.compile(
    r"^Madd[əe] ?(?P<number>(?:\d(?: \d){1,3}(?! ?\d)|\d{1,5}(?!\d))(?: ?[-–] ?\d{1,4}(?!\d)){0,4})"
    r"(?P<decimal>\.\d{1,4})?"
    r" ?(?:(?P<dot>\.)(?!\d) ?|(?= )|$)(?P<title>.*)$"
)


_REPEALED_WORDS = ("ləğv", "çixaril")


def match_article(text: str) -> ArticleHeading | None:
    """Return the parts of an article heading, or None for any other line."""
    if "Madd" not in text[:20]:
        return None
    markers, rest = leading_markers(text)
    match = ARTICLE.match(rest)
    if not match:
        return None
    title = match.group("title").strip()
    if not match.group("dot") and title and not (title[0].isupper() or fold(title).startswith(_REPEALED_WORDS)):
        # Without the dot, only a heading-like title makes a heading: "Maddə 81-1 Dövlət ..."
        # or "Maddə 298 ləğv edilmişdir.", but not a sentence such as "Maddə 5 2020-ci il ...".
        return None
    return ArticleHeading(
        number=match.group("number"),
        decimal=match.group("decimal") or "",
        title=title,
        markers=markers,
    )


def normalise_article_number(number: str) -> str:
    """Remove the spaces in a printed article number: ``1 0 8 – 1`` → ``108-1``."""
    return number.replace(" ", "").replace("–", "-")


def _spaced(word: str) -> str:
    """Regex for a keyword that may be printed letter-spaced: ``f ə s i l``."""
    return " ?".join(re.escape(char) for char in word)


def _ordinal_words() -> dict[str, int]:
    """Folded ordinal words from birinci (1) to əlli doqquzuncu (59)."""
    units = ["birinci", "ikinci", "üçüncü", "dördüncü", "beşinci", "altıncı", "yeddinci", "səkkizinci", "doqquzuncu"]
    tens_cardinal = {10: "on", 20: "iyirmi", 30: "otuz", 40: "qırx", 50: "əlli"}
    tens_ordinal = {10: "onuncu", 20: "iyirminci", 30: "otuzuncu", 40: "qırxıncı", 50: "əllinci"}
    words = {}
    for value in range(1, 60):
        tens, unit = divmod(value, 10)
        if tens == 0:
            word = units[unit - 1]
        elif unit == 0:
            word = tens_ordinal[value]
        else:
            word = f"{tens_cardinal[tens * 10]} {units[unit - 1]}"
        words[fold(word)] = value
    return words


ORDINALS = _ordinal_words()
_ORDINAL = "|".join(sorted((re.escape(word) for word in ORDINALS), key=len, reverse=True))
# Folded text has no capitals, and I folds to i, so Roman numerals read i, v, x, l, c.
_ROMAN = r"[ivxlc](?: ?[ivxlc])*(?:-[ivxlc]+)?"
_ARABIC = r"\d+(?:-\d+)*"
_FESIL = _spaced("fəsil")
_BOLME = _spaced("bölmə")
_YARIMBOLME = _spaced("yarimbölmə")
_TAIL = r"\.?(?: (?P<title>.+))?$"

# (kind, level, pattern) in the order tried; each pattern runs on fold(line).
_DIVISION_PATTERNS = [
    (CHAPTER, LEVEL_FESIL, re.compile(rf"^(?P<number>{_ARABIC}) ?[-–] ?c[iuü] {_FESIL}{_TAIL}")),
    (CHAPTER, LEVEL_FESIL, re.compile(rf"^(?P<number>{_ROMAN}) {_FESIL}{_TAIL}")),
    (CHAPTER, LEVEL_FESIL, re.compile(rf"^{_FESIL} (?P<number>{_ARABIC}|{_ROMAN}){_TAIL}")),
    (CHAPTER, LEVEL_FESIL, re.compile(rf"^(?P<ordinal>{_ORDINAL}) {_FESIL}{_TAIL}")),
    (PART, LEVEL_YARIMBOLME, re.compile(rf"^(?P<ordinal>{_ORDINAL}) {_YARIMBOLME}{_TAIL}")),
    (PART, LEVEL_BOLME, re.compile(rf"^(?P<ordinal>{_ORDINAL}) {_BOLME}{_TAIL}")),
    (PART, LEVEL_BOLME, re.compile(rf"^(?P<number>{_ROMAN}|\d+) {_BOLME}{_TAIL}")),
    (PART, LEVEL_BOLME, re.compile(rf"^{_BOLME} (?P<number>{_ROMAN}|\d+){_TAIL}")),
]
# Complete headings with no number: they never take the next line as title.
_HISSE = re.compile(r"^(?:ümumi|xüsusi) hissə\.?$")
_FINAL_PART = re.compile(r"^(?:keçid|yekun) müddəalar(?:i)?\.?$")
# "§ 1. Əşya hüququnun əsas anlayışları" in the Civil Code.
_PARAGRAPH_SIGN = re.compile(r"^§ ?(?P<number>\d+(?:-\d+)*)\.? ?(?P<title>.*)$")


def _same_length_fold(text: str) -> str:
    """Fold text so that positions still match the original string."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join(fold(char) if len(fold(char)) == 1 else char for char in text)


def _division_number(match: re.Match, original: str) -> str:
    """Return the printed number as a short label: 1, IV-I, Birinci, On birinci."""
    ordinal = match.groupdict().get("ordinal")
    if ordinal:
        printed = original[match.start("ordinal") : match.end("ordinal")]
        return printed[:1] + az_lower(printed[1:])
    printed = original[match.start("number") : match.end("number")]
    return printed.replace(" ", "").replace("–", "-").upper()


def match_division(text: str) -> DivisionHeading | None:
    """Return a part, chapter or § heading, or None for any other line."""
    if len(text) > 400:
        return None
    markers, rest = leading_markers(text)
    folded = _same_length_fold(rest)

    if _HISSE.match(folded) or _FINAL_PART.match(folded):
        return DivisionHeading(PART, LEVEL_HISSE, "", rest.rstrip("."), markers, False)

    match = _PARAGRAPH_SIGN.match(rest)
    if match:
        title, title_markers = _split_markers(match.group("title"))
        number = f"§ {match.group('number')}"
        return DivisionHeading(SECTION, LEVEL_SECTION, number, title, markers + title_markers, not title)

    for kind, level, pattern in _DIVISION_PATTERNS:
        match = pattern.match(folded)
        if match:
            title = rest[match.start("title") :] if match.group("title") else ""
            title, title_markers = _split_markers(title)
            if title and (title[0].islower() or title.endswith((";", ":"))):
                # A sentence that starts with the keyword, like "XVIII fəsil əlavə edilmişdir."
                return None
            number = _division_number(match, rest)
            return DivisionHeading(kind, level, number, title, markers + title_markers, not title)
    return None


def _split_markers(title: str) -> tuple[str, tuple[int, ...]]:
    """Take footnote markers out of a same-line title: ``[654]`` alone leaves no title."""
    numbers = tuple(int(number) for number in MARKER.findall(title))
    if numbers:
        title = " ".join(MARKER.sub(" ", title).split())
    return title.strip(), numbers


def match_standalone_title(text: str) -> bool:
    """Return True for ÜMUMİ HİSSƏ-like headings, which may also be the title of a bölmə."""
    folded = fold(text)
    return bool(_HISSE.match(folded) or _FINAL_PART.match(folded))


# Headings of the lists that follow the body of a consolidated text.
_NOTES_HEADING = re.compile(r"edilmiş dəyişiklik(?:lər)? və əlavələrin siyahisi")
_SOURCES_HEADING = re.compile(
    r"^(?:istifadə olunmuş mənbə sənədlərinin siyahisi"
    r"|(?:məcəlləyə|qanuna|konstitusiyaya) (?:əlavə və )?dəyişiklik(?:lər)?(?: və əlavələr)? etmiş qanunlar)"
)
_COURT_HEADING = re.compile(r"^konstitusiya məhkəməsinin qərarlari\.?$")
_TOC_HEADING = re.compile(r"^mündəricat\.?$")
_ANNEX_HEADING = re.compile(
    r"^(?:əlavələr|əlavə(?: ?№? ?\d+)?|\d+ ?[-–] ?c[iuü] əlavə|\d+ ?(?:[“\"]\w[”\"])? ?sayli əlavə)\.?$"
)


def is_notes_heading(text: str) -> bool:
    """Return True for ``MƏCƏLLƏYƏ EDİLMİŞ DƏYİŞİKLİK VƏ ƏLAVƏLƏRİN SİYAHISI`` and its variants."""
    return len(text) <= 120 and bool(_NOTES_HEADING.search(fold(text)))


def is_sources_heading(text: str) -> bool:
    """Return True for the heading of the list of source (amending) documents."""
    return bool(_SOURCES_HEADING.match(fold(text[:120])))


def is_court_decisions_heading(text: str) -> bool:
    return bool(_COURT_HEADING.match(fold(text)))


def is_toc_heading(text: str) -> bool:
    return bool(_TOC_HEADING.match(fold(text)))


def is_annex_heading(text: str) -> bool:
    """Return True for ``ƏLAVƏLƏR``, ``Əlavə 1``, ``1-ci əlavə`` or ``1 saylı əlavə`` alone on a line."""
    if len(text) > 40:
        return False
    _, rest = leading_markers(text)
    return bool(_ANNEX_HEADING.match(fold(rest)))


# A note in the amendment list: "[12] 28 dekabr 2018-ci il tarixli ...".
NOTE_START = re.compile(r"^\[(?P<number>\d{1,4})\] ?(?P<text>.*)$")
# An item of a numbered amendment list without brackets: "1. 2008-ci il 13 iyun ...".
LIST_ITEM = re.compile(r"^(?P<number>\d{1,4})\. ?(?P<text>\S.*)$")

# Points of acts without articles. TOP_POINT is "12. Text" but not "12.3.";
# SUB_POINT is "12.3. Text" or "2.1-1. Text" but not "12.3.4.".
TOP_POINT = re.compile(r"^(?P<number>\d{1,3}) ?\.(?!\d) ?(?P<text>.*)$")
SUB_POINT = re.compile(r"^(?P<section>\d{1,3})\.(?P<index>\d{1,3}(?:-\d{1,3})?) ?\.(?!\d) ?(?P<text>.*)$")
ROMAN_HEADING = re.compile(r"^(?P<number>[IVXL]{1,6})\. (?P<text>\S.*)$")

# Lines of a signature block: "İlham ƏLİYEV,", "Azərbaycan Respublikasının
# Prezidenti", "Bakı şəhəri, 30 sentyabr 2014-cü il", "№ 1042-IVQD".
_SIGNATURE_NAME = re.compile(r"^[A-ZÇƏĞİIÖŞÜ][a-zçəğıöşü]+ [A-ZÇƏĞİIÖŞÜ][A-ZÇƏĞİIÖŞÜa-zçəğıöşü-]+ ?,?$")
_SIGNATURE_OFFICE = re.compile(r"(?:prezidenti|baş naziri|naziri|sədri)\b")
_SIGNATURE_PLACE = re.compile(r"^baki şəhəri\b")
_SIGNATURE_NUMBER = re.compile(r"^(?:№|#|n) ?\d+[\w/-]*\.?$")
_BARE_ACT_NUMBER = re.compile(r"^\d+-[ivx]+[a-zə]*\.?$")
_SIGNATURE_DATE = re.compile(r"^\d{1,2} [a-zəöüçşğ]+ \d{4}-?c[iuü] il\.?$")
_PUBLICATION_NOTE = re.compile(r"(?:qəzet|toplusu).*dərc edil|dərc edil.*(?:qəzet|toplusu)")


def signature_strength(text: str) -> int:
    """Score a line as part of a signature block: 2 certain, 1 possible, 0 not.

    Place and number lines are certain. Names, offices and publication notes
    are only possible, because body text can contain such words.
    """
    if len(text) > 160:
        return 0
    folded = fold(text)
    if (
        _SIGNATURE_PLACE.match(folded)
        or _SIGNATURE_NUMBER.match(folded)
        or _BARE_ACT_NUMBER.match(folded)
        or _SIGNATURE_DATE.match(folded)
    ):
        return 2
    if _SIGNATURE_NAME.match(text) or _PUBLICATION_NOTE.search(folded):
        return 1
    if _SIGNATURE_OFFICE.search(folded) and not text.endswith((".", ";", ":")):
        return 1
    return 0


# Enacting formulas of decisions and decrees: "qərara alır:", "qərara alıram:".
ENACTING_FORMULA = re.compile(r"qərara al|qərara gəl|fərman verirəm|sərəncam verirəm|edilsin")
# The approval stamp above annexed rules: "... qərarı ilə təsdiq edilmişdir".
APPROVAL_STAMP = re.compile(r"təsdiq edilmişdir|təsdiq olunmuşdur")
