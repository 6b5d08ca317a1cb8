"""One-time sign-in links sent by e-mail.

The e-mailed link opens a page with a button; only pressing it (a POST)
spends the link, because mail scanners open links on their own. A link works
once, for SIGN_IN_LINK_LIFETIME, and signing in through it still asks for the
second factor when the person has turned two-factor sign-in on.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from .adapter import recipient_language
from .emails import fold_email
from .mail import absolute_url, send_templated_mail
from .models import SIGN_IN_LINK_LIFETIME, SignInLink
from .tokens import hash_secret, new_secret


def find_user(email: str):
    """Return the active person whose verified address is ``email``, or None."""
    from allauth.account.models import EmailAddress

    address = (
        EmailAddress.objects.filter(email=fold_email(email), verified=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


def send_sign_in_link(email: str) -> None:
    """E-mail a link if the address belongs to someone. The caller shows the same page either way."""
    user = find_user(email)
    if user is None:
        return

    secret, token_hash = new_secret()
    SignInLink.objects.create(
        user=user, token_hash=token_hash, expires_at=timezone.now() + SIGN_IN_LINK_LIFETIME
    )
    language = recipient_language(user)
    with translation.override(language):
        path = reverse("accounts:sign_in_link_confirm", kwargs={"secret": secret})
    send_templated_mail(
        "accounts/email/sign_in_link",
        user.email,
        {"url": absolute_url(path), "minutes": int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60)},
        language=language,
    )


def usable_link(secret: str) -> SignInLink | None:
    return (
        SignInLink.objects.filter(
            token_hash=hash_secret(secret), used_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("user")
        .first()
    )


@transaction.atomic
def spend_link(secret: str) -> SignInLink | None:
    """Mark the link used and return it; None when it is unknown, used or expired.

    The conditional UPDATE makes two simultaneous presses spend it only once.
    """
    link = usable_link(secret)
    if link is None or not link.user.is_active:
        return None
    spent = SignInLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())
    return link if spent else None
