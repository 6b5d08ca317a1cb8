"""Azerbaijani case folding and title case for headings printed in capitals.

Headings in consolidated texts often arrive in capitals
(``AZƏRBAYCAN RESPUBLİKASININ AİLƏ MƏCƏLLƏSİ``). ``title_case`` turns them
into ``Azərbaycan Respublikasının Ailə Məcəlləsi`` with the Azerbaijani dotted
and dotless i: Python's ``str.lower`` maps ``I`` to ``i`` where Azerbaijani
needs ``ı``, and ``İ`` to two code points.
"""

import re

from cms.aztext import az_lower, az_upper

__all__ = ["az_lower", "az_upper", "fold", "is_upper_text", "repair_dotted_capitals", "title_case"]

# Conjunctions and postpositions that stay lowercase inside a title.
MINOR_WORDS = frozenset(
    {
        "və", "ya", "yaxud", "həm", "habelə", "həmçinin", "ki", "da", "də",
        "ilə", "haqqında", "üzrə", "barədə", "dair", "üçün", "görə", "kimi",
        "qədər", "əleyhinə",
    }
)

# Characters that may open or close a word without being part of it.
_OPENERS = "“„\"'«‘(["
_CLOSERS = "”\"'»’)].,;:!?"

_MINOR_KEYS = frozenset(az_lower(word).replace("ı", "i") for word in MINOR_WORDS)
# Case endings printed after a hyphen: ZAMANIQHT-NİN → Zamanıqht-nin.
_SUFFIXES = frozenset(
    {
        "nin", "nın", "nun", "nün", "in", "ın", "un", "ün", "ni", "nı", "nu", "nü", "i", "ı", "u", "ü",
        "nə", "na", "ə", "a", "yə", "ya", "də", "da", "dən", "dan", "lər", "lar", "ci", "cı", "cu", "cü",
        "li", "lı", "lu", "lü",
    }
)
_VOWELS = frozenset("aeəıioöuüAEƏIİOÖUÜ")
# Some source headings read as if a function that leaves İ alone lowercased
# them from capitals: "Mülkİyyət hüququnun əldə edİlməsİ" for MÜLKİYYƏT
# HÜQUQUNUN ƏLDƏ EDİLMƏSİ. A capital İ right after a lowercase letter marks
# such a line.
_STRAY_DOTTED_CAPITAL = re.compile(r"(?<=[a-zçəğıöşü])İ")
# A capital İ opening a lowercase word after the first word: "pozulması İlə".
_WORD_INITIAL_DOTTED_CAPITAL = re.compile(r"(?<=[\s(“\"«‘-])İ(?=[a-zçəğıöşü])")
_ROMAN = re.compile(r"^[IVXLC]+$")
_WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Return a key for matching keywords whatever the case and the dot on i.

    Sources mix ``FƏSİL`` and ``FƏSIL``, so the dotless ı is folded into i as
    well. Use the result for comparisons only, never for display.
    """
    # Same result as az_lower(text).replace("ı", "i"), without the slower
    # translate table: İ must go before lower(), which would turn it into
    # two code points; I may go through lower() because ı ends up as i anyway.
    return text.replace("İ", "i").lower().replace("ı", "i")


def is_upper_text(text: str) -> bool:
    """Return True when the text has letters and none of them is lowercase."""
    has_letter = False
    for char in text:
        if char.isalpha():
            if char.islower():
                return False
            has_letter = True
    return has_letter


def repair_dotted_capitals(text: str) -> str:
    """Lowercase the İ that a faulty lowercasing left in a heading: ``Mülkİyyət`` → ``Mülkiyyət``.

    Text without a capital İ right after a lowercase letter is returned
    unchanged. In a line with one, every İ inside a word becomes i, and so
    does an İ that opens a lowercase word after the first word, because the
    faulty lowercasing left all of them (``pozulması İlə bağlı yenİ hallar
    üzrə İcraat`` → ``pozulması ilə bağlı yeni hallar üzrə icraat``). The
    first letter of the line keeps its capital.
    """
    # NOTE: a proper name that starts with İ inside such a line loses its
    # capital too. No repaired heading in the corpus has one.
    if not _STRAY_DOTTED_CAPITAL.search(text):
        return text
    text = _STRAY_DOTTED_CAPITAL.sub("i", text)
    return _WORD_INITIAL_DOTTED_CAPITAL.sub("i", text)


def _capitalise(word: str) -> str:
    """Uppercase the first letter of an already lowercased word."""
    for position, char in enumerate(word):
        if char.isalpha():
            return word[:position] + az_upper(char) + word[position + 1 :]
    return word


def _is_abbreviation(part: str) -> bool:
    """Return True for a capitalised abbreviation such as QHT or MTN (no vowels)."""
    letters = [char for char in part if char.isalpha()]
    return len(letters) >= 2 and not any(char in _VOWELS for char in letters)


def _title_case_word(core: str, capitalise: bool) -> str:
    """Title-case one word, hyphenated parts included: CİNAYƏT-PROSESSUAL → Cinayət-Prosessual."""
    if _ROMAN.match(core):
        return core

    parts = core.split("-")
    result = []
    previous = ""
    for index, part in enumerate(parts):
        if index == 0:
            if _is_abbreviation(part):
                result.append(part)
            else:
                lowered = az_lower(part)
                result.append(_capitalise(lowered) if capitalise else lowered)
        elif previous.isdigit() or _is_abbreviation(previous) or az_lower(part) in _SUFFIXES:
            # A case ending after a number or abbreviation: 1-Cİ → 1-ci, QHT-LƏRİN → QHT-lərin.
            result.append(az_lower(part))
        elif _is_abbreviation(part):
            result.append(part)
        else:
            result.append(_capitalise(az_lower(part)))
        previous = part
    return "-".join(result)


def title_case(text: str) -> str:
    """Title-case a heading printed in capitals.

    Every word starts with a capital except the minor words in MINOR_WORDS
    inside the title. A word after an opening quote or bracket, or after a
    full stop, is capitalised even when it is a minor word. Roman numerals and
    abbreviations without vowels stay in capitals. Mixed-case text keeps its
    case, except for the stray capitals İ that ``repair_dotted_capitals``
    lowercases.
    """
    text = _WHITESPACE.sub(" ", text).strip()
    if not is_upper_text(text):
        return repair_dotted_capitals(text)

    words = text.split(" ")
    result = []
    sentence_start = True
    for word in words:
        lead_end = 0
        while lead_end < len(word) and word[lead_end] in _OPENERS:
            lead_end += 1
        tail_start = len(word)
        while tail_start > lead_end and word[tail_start - 1] in _CLOSERS:
            tail_start -= 1
        lead, core, tail = word[:lead_end], word[lead_end:tail_start], word[tail_start:]

        is_minor = fold(core) in _MINOR_KEYS
        capitalise = sentence_start or bool(lead) or not is_minor
        result.append(lead + _title_case_word(core, capitalise) + tail)
        sentence_start = tail.endswith(".")
    return " ".join(result)
