"""The signed tokens in confirmation and unsubscribe links.

A token signs the subscription's id and its random nonce with SECRET_KEY,
so nothing secret is stored and a changed token fails the signature check.
The nonce ties a token to one row: if a database reuses the id of a deleted
subscription, the old links do not match the new row.
"""

from django.core import signing

from .models import UNCONFIRMED_LIFETIME, Subscription

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


class InvalidToken(Exception):
    """The token was changed, cut short or signed with another key."""


class ExpiredToken(InvalidToken):
    """The confirmation link is older than UNCONFIRMED_LIFETIME."""


def _value(subscription: Subscription) -> str:
    return f"{subscription.pk}.{subscription.nonce}"


def confirm_token(subscription: Subscription) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(_value(subscription))


def unsubscribe_token(subscription: Subscription) -> str:
    # No expiry: an unsubscribe link in an old e-mail must keep working.
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(_value(subscription))


def _parse(value: str) -> tuple[int, str]:
    pk, _dot, nonce = value.partition(".")
    if not pk.isdigit() or not nonce:
        raise InvalidToken(value)
    return int(pk), nonce


def read_confirm_token(token: str) -> tuple[int, str]:
    """Return the (id, nonce) a confirmation token carries; raise InvalidToken or ExpiredToken."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=UNCONFIRMED_LIFETIME)
    except signing.SignatureExpired as error:
        raise ExpiredToken(token) from error
    except signing.BadSignature as error:
        raise InvalidToken(token) from error
    return _parse(value)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """Return the (id, nonce) an unsubscribe token carries; raise InvalidToken."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise InvalidToken(token) from error
    return _parse(value)


def find(pk_and_nonce: tuple[int, str]):
    """Return the subscription a token names, or None when it no longer exists."""
    pk, nonce = pk_and_nonce
    return Subscription.objects.filter(pk=pk, nonce=nonce).select_related("act").first()
