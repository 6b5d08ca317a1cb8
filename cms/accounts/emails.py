"""One way to compare e-mail addresses, the same in every form and lookup.

Addresses are compared without case, and Azerbaijani keyboards make that
harder than ``str.lower()``: with Caps Lock on, the Azerbaijani layout types
``İ`` for ``i``, and ``"İ".lower()`` gives ``i`` plus a combining dot, so
``MİKE@…`` would not find ``mike@…``. The dotless ``ı`` is a different letter,
so ``mıke@…`` stays a different address: folding it to ``i`` would let a
look-alike address receive another person's reset link.
"""

import unicodedata

COMBINING_DOT_ABOVE = "\u0307"


def fold_email(address: str) -> str:
    """Return the form of ``address`` that is stored and compared."""
    address = unicodedata.normalize("NFC", address.strip())
    folded = address.replace("İ", "i").lower()

    # Text lowered elsewhere (``"İ".lower()``) arrives as i + U+0307.
    return folded.replace("i" + COMBINING_DOT_ABOVE, "i")
