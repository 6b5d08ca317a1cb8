"""One way to compare e-mail addresses, the same in every form and lookup.

Addresses are compared without case, and Azerbaijani keyboards make that
harder than ``str.lower()``: with Caps Lock on, the Azerbaijani layout types
``İ`` for ``i``, and ``"İ".lower()`` gives ``i`` plus a combining dot, so
``MİKE@…`` would not find ``mike@…``. The dotless ``ı`` is a different letter,
so ``mıke@…`` stays a different address: folding it to ``i`` would let a
look-alike address receive another person's reset link.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

COMBINING_DOT_ABOVE = "\u0307"


def fold_email(address: str) -> str:
    """Return the form of ``address`` that is stored and compared."""
    address = unicodedata.normalize("NFC", address.strip())
    folded = address.replace("İ", "i").lower()

    # Text lowered elsewhere (``"İ".lower()``) arrives as i + U+0307.
    return folded.replace("i" + COMBINING_DOT_ABOVE, "i")


def validate_deliverable(address: str) -> None:
    """Refuse addresses our e-mails cannot reach.

    Mail servers without SMTPUTF8 cannot deliver to a mailbox name with
    letters outside ASCII (``şəhla@…``, ``mıke@…``), so such an account
    could never be confirmed or recover its password. A domain without a dot
    (``x@localhost``), which Django's EmailValidator lets through, names no
    mailbox on the internet.
    """
    if not address:
        return  # An optional field left empty; a required one reports that itself.
    local_part, _at, domain = address.rpartition("@")
    if "." not in domain.strip("."):
        raise ValidationError(
            _("Enter the whole address, with the domain after @, for example name@example.az."),
            code="incomplete_domain",
        )
    if not local_part.isascii():
        raise ValidationError(
            _(
                "Use an address whose part before @ has only Latin letters without Azerbaijani letters "
                "(ə, ı, ş, ç, ğ, ö, ü), digits, dots, hyphens or underscores: e-mails cannot reach other addresses."
            ),
            code="undeliverable",
        )
