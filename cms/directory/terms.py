"""Search terms and sort keys of organizations, stored on each row and matched per query term.

``Organization.save()`` stores both (``search_terms`` and ``name_sort_key``)
from the values here, so the directory, its export and the API filter and
sort in the database with the same Azerbaijani rules as the law search
(``search.normalise``): "sehiyye" finds "Səhiyyə", "ISTIQLAL" finds
"İstiqlal", and "birliyinin" finds "Birliyi".

No model imports: ``cms.organizations.models`` imports this module.
"""

import unicodedata

from django.db.models import Q, QuerySet

from cms.aztext import az_lower
from search.normalise import fold, folded_terms, words
from search.query import parse_query

# The Azerbaijani alphabet in its order, with "w" placed after "v" for foreign names.
ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvwyz"
SORT_SEPARATOR = "00"
# Digits sort before letters, and anything outside the alphabet after them.
SORT_CODES = {
    **{digit: f"{int(digit) + 1:02d}" for digit in "0123456789"},
    **{letter: f"{position + 11:02d}" for position, letter in enumerate(ALPHABET)},
}
SORT_OTHER = "99"
MAX_SORT_KEY_LENGTH = 510


def search_terms(name: str, voen: str, registration_number: str) -> str:
    """Return the terms an organization is found by, space-separated with a space at both ends.

    Each word of the name, VÖEN and registration number is stored twice:
    folded to keyboard letters ("sehiyye") and stemmed ("sehiyy"). The digits
    of the VÖEN and of the registration number are also stored joined, so
    "1400-200713" and "1400 200713" find "1400200713".
    """
    text = " ".join([name, voen, registration_number])
    terms = [fold(word) for word in words(text)] + folded_terms(text)
    for number in (voen, registration_number):
        digits = "".join(character for character in number if character in "0123456789")
        if digits:
            terms.append(digits)
    return f" {' '.join(dict.fromkeys(terms))} "


def name_sort_key(name: str) -> str:
    """Return a key that sorts names in Azerbaijani alphabetical order in any database collation.

    Every letter becomes two digits in the order of ``ALPHABET`` (so "ç"
    follows "c" and "ı" precedes "i"), and each run of spaces and punctuation
    becomes "00", so the quotes around “Sağlam Gələcək” do not count.
    Database collations differ in how they order letters and punctuation but
    agree on digits. Accented Latin letters sort as their base letter, and
    letters of other scripts all sort after "z" in no particular order.
    """
    codes = []
    for character in az_lower(unicodedata.normalize("NFC", name)):
        code = SORT_CODES.get(character)
        if code is None:
            code = _other_code(character)
        if code == SORT_SEPARATOR and (not codes or codes[-1] == SORT_SEPARATOR):
            continue
        codes.append(code)
    while codes and codes[-1] == SORT_SEPARATOR:
        codes.pop()
    return "".join(codes)[:MAX_SORT_KEY_LENGTH]


def _other_code(character: str) -> str:
    if not character.isalnum():
        return SORT_SEPARATOR
    base = unicodedata.normalize("NFKD", character)[0]
    return SORT_CODES.get(base, SORT_OTHER)


def filter_by_text(queryset: QuerySet, text: str) -> QuerySet:
    """Narrow ``queryset`` to organizations whose name, VÖEN or registration number match ``text``.

    The query is parsed like the law search's (``search.query.parse_query``):
    stopwords such as "və" are dropped and at most 20 terms are kept. Every
    remaining word must match, in any order: its stem equals a stored stem, or
    the word as typed (folded) starts a stored word, so "Şəf" finds "Şəfqət".
    A quoted phrase requires each of its words, not their order. A query of
    digits with spaces or dashes is one number, matched at the start of a
    stored VÖEN or registration number.
    """
    digits = "".join(character for character in text if not character.isspace() and character not in "-./")
    if digits.isascii() and digits.isdigit():
        return queryset.filter(search_terms__contains=f" {digits}")

    query = parse_query(text)
    if query.is_empty:
        return queryset
    for clause in query.clauses:
        for stem, word in zip(clause.folded, clause.exact):
            queryset = queryset.filter(
                Q(search_terms__contains=f" {stem} ") | Q(search_terms__contains=f" {fold(word)}")
            )
    return queryset
