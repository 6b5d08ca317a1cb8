"""Text normalisation for full-text search, the same at index time and at query time.

Every engine (SQLite FTS5, PostgreSQL, Elasticsearch) stores and queries the
terms made here, so a change to these rules needs a full reindex.

A text becomes two aligned term lists:

* ``exact_terms``: words lowercased with Azerbaijani rules (``İ`` → ``i``,
  ``I`` → ``ı``), letters ``əıöüşçğ`` kept.
* ``folded_terms``: the same words folded to what people type on a Latin
  keyboard (``ə`` → ``e``, ``ş``/``sh`` → ``s`` …) and then stemmed
  (``təşkilatlarının`` → ``teskilat``), see ``search.stemmer``.

Words are runs of letters or runs of digits. Everything else separates words,
and so do the boundaries between letters and digits, so ``№ 790-VIQD``,
``790 viqd`` and ``790VIQD`` all give ``790 viqd``. Article and paragraph
numbers give one term per number: ``7-1`` and ``7¹`` give ``7 1``, and
``1.2.3`` gives ``1 2 3``. Phrase search over consecutive positions finds
them again, so no joined ``7-1`` term is stored.

Terms contain only ``[a-z0-9əıöüşçğ]`` (exact) or ``[a-z0-9]`` (folded), so
they can go into FTS5 or tsquery strings without escaping.

No Django imports, so it runs without settings (``search.build_roots``).
"""

import functools
import re
import unicodedata
from pathlib import Path

from cms.aztext import az_lower

from .stemmer import stem

__all__ = ["STOPWORDS", "exact_terms", "fold", "folded_terms", "stem", "words"]

EXACT_LETTERS = "abcdefghijklmnopqrstuvwxyzəıöüşçğ"
DIGITS = "0123456789"

# Letters written with Cyrillic code points inside Latin Azerbaijani text.
# The texts in cms/legal/corpus contain two kinds. Some are look-alike letters
# (Cyrillic "а", "е", "о", "с" typed for the Latin ones). Others come from the
# old 8-bit "AzLat" fonts, which stored ş, ç, ı, ü, ö at the code points of є,
# з, э, ь, ц: the corpus has "keзirilir", "Respublikasэnэn" and "VЦEN". The
# table is applied after lowercasing, so only small letters appear.
# NOTE: text really written in Cyrillic is not transliterated. Its words come
# out garbled: the letters listed here turn Latin, the others separate words.
_CYRILLIC = {
    "ә": "ə",  # the Cyrillic schwa, found in official Latin texts
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k",
    "і": "i", "ј": "j", "һ": "h",
    "є": "ş", "ю": "ş", "з": "ç", "э": "ı", "ь": "ü", "ц": "ö",
}

# Other code points with a fixed meaning in these texts.
_SPECIAL = {
    "№": " ",  # NFKD would turn it into the letters "No"
    "º": "ş",  # AzLat font code point for ş ("ºəxs" in the Civil Code)
    "¬": "",  # a soft hyphen in "qu¬raş¬dı-rıl¬ması"
    "ä": "ə",  # the 1991–1992 Azerbaijani Latin alphabet wrote ə as ä
    # Latin letters that NFKD does not split into a base letter and an accent
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l",
}

_TO_KEYBOARD = str.maketrans({"ə": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"})
_DIGRAPHS = re.compile(r"sh|ch|gh")
_DIGRAPH_LETTER = {"sh": "s", "ch": "c", "gh": "g"}
_WORD = re.compile(r"[a-zəıöüşçğ]+|[0-9]+")

# A capital Roman numeral standing alone, with the "Q" or "QD" of act numbers
# ("172-IQ", "790-VIQD", "Fəsil IV"). Its I is the Latin i, not the dotless ı
# that az_lower makes of a capital I, so "IQ" and a typed "iq" give the same
# exact term.
_ROMAN_NUMERAL = re.compile(r"(?<![^\W\d_])[IVXLCDM]+(?:QD|Q)?(?![^\W\d_])")


def _map_char(char: str) -> str:
    """Return what one lowercased character becomes in ``words``: letters, digits, "" or " "."""
    if char in EXACT_LETTERS or char in DIGITS:
        return char
    if char in _CYRILLIC:
        return _CYRILLIC[char]
    if char in _SPECIAL:
        return _SPECIAL[char]

    category = unicodedata.category(char)
    if category[0] == "M" or category == "Cf":
        # Combining marks belong to the letter before them (the dot of "i̇"
        # from Python's "İ".lower()), and format characters such as the soft
        # hyphen or zero-width space sit inside words.
        return ""

    decomposition = unicodedata.decomposition(char)
    if decomposition.startswith(("<super>", "<sub>")):
        # "7¹" is article 7-1, so a raised digit starts a new number. Raised
        # letters ("ª") are footnote marks.
        base = unicodedata.normalize("NFKD", char)
        return " " + base if base in DIGITS else " "

    letters = [
        piece
        for piece in unicodedata.normalize("NFKD", char).lower()
        if piece in EXACT_LETTERS or piece in DIGITS
    ]
    return "".join(letters) or " "


class _CharTable(dict):
    """A ``str.translate`` table that computes and caches each character's mapping on first use."""

    def __init__(self, map_char):
        super().__init__()
        self._map_char = map_char

    def __missing__(self, code_point: int) -> str:
        mapped = self._map_char(chr(code_point))
        self[code_point] = mapped
        return mapped


def _fold_char(char: str) -> str:
    """Return what one lowercased character becomes in ``fold``: like ``_map_char``, but separators stay."""
    mapped = _map_char(char)
    if mapped == " " and char != "№":
        return char
    return mapped.translate(_TO_KEYBOARD)


_WORD_TABLE = _CharTable(_map_char)
_WORD_TABLE.update({ord(char): char for char in EXACT_LETTERS + DIGITS + " "})
_FOLD_TABLE = _CharTable(_fold_char)


def _lower(text: str) -> str:
    # NFC first, so "I" followed by a combining dot becomes "İ" and lowercases to "i".
    text = unicodedata.normalize("NFC", text)
    text = _ROMAN_NUMERAL.sub(lambda match: match.group().lower(), text)
    return az_lower(text)


def _fold_word(word: str) -> str:
    return _DIGRAPHS.sub(lambda match: _DIGRAPH_LETTER[match.group()], word.translate(_TO_KEYBOARD))


def fold(text: str) -> str:
    """Fold ``text`` to keyboard letters: lowercase, ``ə`` → ``e``, ``ş`` and ``sh`` → ``s``, accents dropped.

    Punctuation, spaces and characters that are not letters or digits stay in
    place, so offsets stay close to those in ``text`` for highlighting, but
    not equal: digraphs shrink and "7¹" grows to "7 1". ``№`` becomes a space.
    No stemming; ``words(fold(text))`` gives the folded words of ``text``.
    """
    folded = _lower(text).translate(_FOLD_TABLE)
    return _DIGRAPHS.sub(lambda match: _DIGRAPH_LETTER[match.group()], folded)


def words(text: str) -> list[str]:
    """Split ``text`` into words lowercased with Azerbaijani rules, with ``əıöüşçğ`` kept.

    Works on raw or on ``fold``-ed text. Cyrillic look-alike letters are read
    as Latin ones, other accents are dropped (``é`` → ``e``).
    """
    return _WORD.findall(_lower(text).translate(_WORD_TABLE))


def exact_terms(text: str) -> list[str]:
    """Return the index terms that keep Azerbaijani letters, for ranking exact spellings first."""
    return words(text)


@functools.lru_cache(maxsize=200_000)
def _folded_term(word: str) -> str:
    return stem(_fold_word(word))


def folded_terms(text: str) -> list[str]:
    """Return the folded and stemmed term of each word, aligned with ``exact_terms(text)``."""
    return [_folded_term(word) for word in words(text)]


def _load_stopwords() -> frozenset[str]:
    path = Path(__file__).with_name("stopwords_az.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        fold(line.strip()) for line in lines if line.strip() and not line.startswith("#")
    )


# Words a query can do without ("və", "üçün", "haqqında"), in folded form as
# ``fold`` makes them. Index terms keep them, because phrase search needs
# their positions.
STOPWORDS: frozenset[str] = _load_stopwords()
