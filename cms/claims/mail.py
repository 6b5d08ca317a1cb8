"""The e-mail that carries a claim's one-time code to the organization's address on record.

It is sent at once, inside the request, rather than through the
notification queue: the code lives for minutes, and the address belongs to
the organization, not to a person with an account.
"""

import logging
import smtplib

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.accounts.mail import send_templated_mail

from .codes import CODE_LIFETIME
from .errors import ClaimError

logger = logging.getLogger(__name__)


def send_code_email(claim, code, code_text: str) -> None:
    """E-mail ``code_text`` to ``code.sent_to`` in the claimant's current language.

    Raises ClaimError when the mail server refuses, so the caller's
    transaction rolls back and the attempt does not count against the limits.
    """
    context = {
        "claim": claim,
        "organization": claim.organization,
        "code": code_text,
        "claimant": claim.claimant.email,
        "minutes": int(CODE_LIFETIME.total_seconds() // 60),
        "expires_at": timezone.localtime(code.expires_at),
    }
    try:
        send_templated_mail("claims/email/code", code.sent_to, context, language=translation.get_language())
    except (smtplib.SMTPException, OSError):
        logger.exception("Sending the code of claim %s to the mail server failed", claim.pk)
        raise ClaimError(
            _("The e-mail with the code could not be sent. Try again in a few minutes."), code="mail_failed"
        ) from None
