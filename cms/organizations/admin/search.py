"""Search of the organization register that ignores Azerbaijani case and diacritics.

The database's own case-insensitive match cannot do this: SQLite's LIKE folds
ASCII letters only, and PostgreSQL's UPPER() turns ``i`` into ``I``, never
into ``İ``, so "ictimai" would not find "İctimai Birlik". Both sides are
therefore folded the same way before comparing: the Azerbaijani letters
become their plain Latin base letters (İ, I, ı → i; Ə, ə → e; Ş → s …) and
the rest is lowercased. Staff typing on a keyboard without Azerbaijani
letters find "Nümunə" with "numune" too.
"""

import unicodedata

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Lower, Replace

from ..validators import normalise_voen

COMBINING_DOT_ABOVE = "\u0307"

# Includes the Cyrillic schwa that some official texts use for the Latin one.
FOLDED_LETTERS = {
    "İ": "i", "I": "i", "ı": "i",
    "Ə": "e", "ə": "e", "Ә": "e", "ә": "e",
    "Ö": "o", "ö": "o",
    "Ü": "u", "ü": "u",
    "Ş": "s", "ş": "s",
    "Ç": "c", "ç": "c",
    "Ğ": "g", "ğ": "g",
}
_FOLD_TABLE = str.maketrans(FOLDED_LETTERS)


def fold_text(text: str) -> str:
    """Fold typed text the way ``folded_column`` folds the stored names."""
    # "İ".lower() elsewhere, or a decomposed İ, arrives as i + U+0307.
    text = unicodedata.normalize("NFC", text).replace("i" + COMBINING_DOT_ABOVE, "i")
    return text.translate(_FOLD_TABLE).lower()


def folded_column(name: str):
    """Return a database expression for column ``name`` folded like ``fold_text``.

    NOTE: SQLite's LOWER() lowercases ASCII letters only, so on SQLite a name
    in Cyrillic is matched case-sensitively; PostgreSQL lowercases it too.
    """
    expression = F(name)
    for letter, replacement in FOLDED_LETTERS.items():
        expression = Replace(expression, Value(letter), Value(replacement))
    return Lower(expression)


def search_organizations(queryset: QuerySet, query: str) -> QuerySet:
    """Filter ``queryset`` to organizations matching ``query`` by name, VÖEN or registration number.

    A query of digits (spaces and dashes allowed) is a VÖEN or registration
    number. Otherwise every word of the query must occur in the name or the
    registration number, in any order.
    """
    query = query.strip()
    digits = normalise_voen(query)
    if digits.isdigit():
        return queryset.filter(
            Q(voen__contains=digits)
            | Q(registration_number__icontains=query)
            | Q(registration_number__contains=digits)
        )

    queryset = queryset.alias(folded_name=folded_column("name"))
    for word in query.split():
        queryset = queryset.filter(
            Q(folded_name__contains=fold_text(word))
            | Q(name__icontains=word)
            | Q(registration_number__icontains=word)
        )
    return queryset
