"""Every change to a subscription: ask, confirm, follow while signed in, stop.

Asking never reveals whether the address was already subscribed: the caller
shows the same page, and a confirmed subscription is left as it is.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.accounts.emails import fold_email

from .models import Subscription, SubscriptionKind
from .sending import queue_confirmation



def _lookup(kind: str, email: str, language: str, act):
    if kind == SubscriptionKind.ACT:
        return {"kind": kind, "email": email, "act": act}
    return {"kind": kind, "email": email, "language": language}


def request_subscription(email: str, kind: str, language: str, *, act=None, category: str = "") -> None:
    """Create or renew an unconfirmed subscription and queue its confirmation e-mail; leave a confirmed one alone."""
    email = fold_email(email)
    lookup = _lookup(kind, email, language, act)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(**lookup).first()
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = Subscription.objects.create(**{**lookup, "language": language, "category": category})
            except IntegrityError:
                # The same address asked a moment ago in another request; that request sends the e-mail.
                return
        elif subscription.is_confirmed:
            return
        else:
            # Asking again restarts the seven days and sends a fresh link.
            Subscription.objects.filter(pk=subscription.pk).update(
                created_at=timezone.now(), category=category, language=language
            )
        queue_confirmation(subscription)


def account_email(user) -> str | None:
    """Return the person's primary verified address, folded, or None when they have none."""
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary").first()
    return fold_email(address.email) if address else None


def follow_as_user(user, act, language: str) -> Subscription | None:
    """Follow ``act`` with the person's verified address, confirmed at once; None when they have none."""
    email = account_email(user)
    if email is None:
        return None
    now = timezone.now()
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(kind=SubscriptionKind.ACT, email=email, act=act).first()
        if subscription is None:
            try:
                with transaction.atomic():
                    return Subscription.objects.create(
                        kind=SubscriptionKind.ACT, email=email, act=act, language=language, user=user, confirmed_at=now
                    )
            except IntegrityError:
                subscription = Subscription.objects.get(kind=SubscriptionKind.ACT, email=email, act=act)
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=now)
        Subscription.objects.filter(pk=subscription.pk, user__isnull=True).update(user=user)
    subscription.refresh_from_db()
    return subscription


def confirm(subscription: Subscription) -> bool:
    """Confirm a subscription; return False when it was confirmed already. Two presses confirm it once."""
    return bool(
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    )


def unsubscribe(subscription: Subscription | None) -> None:
    """Delete the subscription and its delivery records, so the address is no longer stored for it."""
    if subscription is not None:
        Subscription.objects.filter(pk=subscription.pk).delete()


def subscriptions_of(user):
    """Subscriptions of a signed-in person: those made while signed in, and those of their verified addresses."""
    from allauth.account.models import EmailAddress
    from django.db.models import Q

    emails = [fold_email(email) for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)]
    return Subscription.objects.filter(Q(user=user) | Q(email__in=emails)).select_related("act")


def following(user, act) -> Subscription | None:
    """Return the person's confirmed follow of ``act``, or None."""
    return subscriptions_of(user).filter(kind=SubscriptionKind.ACT, act=act, confirmed_at__isnull=False).first()
