"""Azerbaijani text helpers: case mapping, ASCII transliteration and slugs.

Python's own case mapping follows no locale: ``"İ".lower()`` returns two code
points (i + combining dot) and ``"I".lower()`` returns ``i`` where Azerbaijani
needs ``ı``. Everything that lowercases or slugs Azerbaijani text goes through
these functions instead. No Django imports at module level, so the parser
can use them.
"""

import re
import unicodedata

_LOWER_SPECIAL = str.maketrans({"İ": "i", "I": "ı"})
_UPPER_SPECIAL = str.maketrans({"i": "İ", "ı": "I"})

# Azerbaijani letters outside ASCII, and the Cyrillic schwa that official
# texts sometimes contain in place of the Latin one.
_TO_ASCII = str.maketrans(
    {
        "ə": "e", "Ə": "E", "ә": "e", "Ә": "E",
        "ı": "i", "İ": "I",
        "ö": "o", "Ö": "O",
        "ü": "u", "Ü": "U",
        "ş": "s", "Ş": "S",
        "ç": "c", "Ç": "C",
        "ğ": "g", "Ğ": "G",
    }
)

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def az_lower(text: str) -> str:
    """Lowercase with Azerbaijani rules: İ → i and I → ı."""
    return text.translate(_LOWER_SPECIAL).lower()


def az_upper(text: str) -> str:
    """Uppercase with Azerbaijani rules: i → İ and ı → I."""
    return text.translate(_UPPER_SPECIAL).upper()


def capfirst(text, language: str | None = None):
    """Uppercase the first letter, with Azerbaijani rules in Azerbaijani: "istinad" → "İstinad".

    ``language`` defaults to Django's active language. Like Django's
    ``capfirst``, an empty value is returned unchanged and anything else
    (a lazy translation) is converted to ``str`` first.
    """
    if not text:
        return text
    text = str(text)
    if language is None:
        # Imported here so that the module itself needs no Django.
        from django.utils.translation import get_language

        language = get_language() or ""
    first = az_upper(text[0]) if language.split("-")[0] == "az" else text[0].upper()
    return first + text[1:]


def to_ascii(text: str) -> str:
    """Transliterate Azerbaijani letters to their plain Latin base letters.

    Other accented Latin letters lose their accents; letters with no Latin
    base (Cyrillic, for instance) are dropped by ``slugify`` afterwards.
    """
    text = unicodedata.normalize("NFC", text).translate(_TO_ASCII)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugify(text: str, max_length: int = 80, separator: str = "-") -> str:
    """Return an ASCII slug: ``Təşkilatın adı`` → ``teskilatin-adi``.

    The slug is cut at a word boundary when it is longer than ``max_length``.
    It is empty only when the text has no letters or digits at all; callers
    that need a slug must supply a fallback.
    """
    ascii_text = to_ascii(text).lower()
    slug = _NON_SLUG.sub(separator, ascii_text).strip(separator)
    if len(slug) <= max_length:
        return slug

    cut = slug[:max_length]
    if separator in cut and slug[max_length] != separator:
        cut = cut.rsplit(separator, 1)[0]
    return cut.strip(separator)


_CARDINALS = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8, "doqquz": 9,
    "on": 10, "iyirmi": 20, "otuz": 30, "qırx": 40, "əlli": 50,
}
# Ordinal suffixes follow vowel harmony; after a vowel the first vowel drops.
_ORDINAL_SUFFIXES = ("ıncı", "inci", "uncu", "üncü", "ncı", "nci", "ncu", "ncü")


def ordinal_to_number(text: str) -> int | None:
    """Read an Azerbaijani ordinal in words: ``Birinci`` → 1, ``On ikinci`` → 12; else None."""
    words = az_lower(text).split()
    if not words:
        return None

    stems = [words[-1][: -len(suffix)] for suffix in _ORDINAL_SUFFIXES if words[-1].endswith(suffix)]
    last = next((stem for stem in stems if stem in _CARDINALS), None)
    if last is None:
        return None

    total = 0
    for word in [*words[:-1], last]:
        if word not in _CARDINALS:
            return None
        total += _CARDINALS[word]
    return total
