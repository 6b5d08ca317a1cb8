"""Russian words for the help and news search, which ``search.normalise`` does not read.

``search.normalise`` reads Latin script: it turns Cyrillic look-alike letters
into Latin ones and splits a Russian word at every other letter, because the
law texts contain such letters inside Azerbaijani words. The Russian help and
news pages need whole Russian words instead. So the page index stores them
as they are (lowercased, ё as е) beside the normalised terms, and a query
word matches a stored word that starts with its stem: "пароля" finds
"пароль".
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .snippets import _window

CYRILLIC_WORD = re.compile(r"[а-яё]+")
# Only whole words: a Latin word with a Cyrillic look-alike letter inside stays for search.normalise.
CYRILLIC_WORD_ANY_CASE = re.compile(r"\b[а-яёА-ЯЁ]+\b")
# Endings removed from a query word, the longest first. A light stemmer:
# enough for the endings of nouns, adjectives and common verb forms.
ENDINGS = sorted(
    (
        "иями ями ами ого его ому ему ыми ими ией ия ие ий ый ой ая яя ое ее ые ие ую юю ых их ам ям ах ях ом ем ов ев "
        "ешь ете ить ать ять ла ло ли ет ют ут ит ат ят ть "
        "а я о е ы и у ю ь й"
    ).split(),
    key=len,
    reverse=True,
)
MIN_STEM = 3
# Words a Russian query can do without, unless it has nothing else.
STOPWORDS = frozenset(
    "и в во на с со к ко по о об от до за из у для как что это я мы вы он она они не ли же бы а но или "
    "мне меня мой моя мои можно нужно надо где когда какой какая какие".split()
)


def cyrillic_words(text: str) -> list[str]:
    """Return the Russian words of ``text``, lowercased, with ё read as е."""
    return CYRILLIC_WORD.findall(text.lower().replace("ё", "е"))


def cyrillic_stem(word: str) -> str:
    """Remove one ending from ``word``, keeping at least ``MIN_STEM`` letters."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def query_words(text: str) -> list[str]:
    """Return the query's Russian words without stopwords (all of them if only stopwords remain), once each."""
    found = list(dict.fromkeys(cyrillic_words(text)))
    content = [word for word in found if word not in STOPWORDS]
    return content or found


def strip_cyrillic(text: str) -> str:
    """Replace the Russian words of ``text`` with spaces, leaving the rest for ``search.query.parse_query``."""
    return CYRILLIC_WORD_ANY_CASE.sub(" ", text)


def highlight_russian(text: str, stems: list[str], limit: int = 260) -> SafeString:
    """Return an escaped excerpt of ``text`` from a little before its first Russian match, each match in <mark>.

    A word matches when, lowercased, it starts with one of ``stems``, as in the search itself.
    """
    spans = [
        match.span()
        for match in CYRILLIC_WORD_ANY_CASE.finditer(text)
        if cyrillic_words(match.group())[0].startswith(tuple(stems))
    ]
    start, end = _window(text, spans[0][0] if spans else None, limit)
    pieces, cursor = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)
