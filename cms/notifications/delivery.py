"""Sending notification e-mails in the background, with retries.

Each EmailDelivery row is the durable record: the task queue only says
when to try. A failed attempt is written down with its error and tried
again later, after 1, 5, 15, 60 and 240 minutes; after the last attempt the
delivery is marked failed, which staff see in the admin and can retry.
A delivery whose notification can no longer be written, because its target
was deleted or its kind is no longer registered, fails at once: retrying
would not bring the object back.
``send_notification_emails`` sends whatever is due, for when a worker was
down or a queued task was lost.

An attempt runs only while the delivery is due and not held by another
attempt, so stale or duplicate tasks and the sweep do not send a message twice.
NOTE: a worker that dies after the mail server accepted a message, but before
the delivery was marked sent, leaves it to be sent again once its claim expires.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from cms.accounts.mail import send_templated_mail

from . import kinds
from .models import DeliveryStatus, EmailDelivery

logger = logging.getLogger(__name__)

RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 240)]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# How long one attempt may hold a delivery; longer than the SMTP timeout.
CLAIM_TIME = timedelta(minutes=5)
UNSENT = [DeliveryStatus.PENDING, DeliveryStatus.RETRYING]


@task(backend="notifications")
def deliver_email(delivery_id: int) -> str:
    return attempt(delivery_id)


def enqueue(delivery_id: int, run_after=None) -> None:
    """Queue one attempt. A queue that fails loses nothing: the row stays due for the sweep."""
    try:
        queued = deliver_email.using(run_after=run_after) if run_after else deliver_email
        queued.enqueue(delivery_id)
    except Exception:
        logger.exception("Could not queue e-mail delivery %s; send_notification_emails will send it", delivery_id)


class PermanentFailure(Exception):
    """The message cannot be written however often it is tried."""


def attempt(delivery_id: int, due_by=None) -> str:
    """Try to send one delivery once, if it is due by ``due_by`` (default now); return what happened."""
    if not _claim(delivery_id, due_by or timezone.now()):
        return "skipped"
    # The notification, and the delivery with it, may have been deleted since the claim.
    delivery = EmailDelivery.objects.select_related("notification").filter(pk=delivery_id).first()
    if delivery is None:
        return "skipped"
    try:
        _send(delivery)
    except PermanentFailure as error:
        _record_failure(delivery, error, permanent=True)
        return delivery.status
    except Exception as error:  # Any failure of the mail server or the rendering is retried.
        _record_failure(delivery, error)
        return delivery.status
    EmailDelivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SENT,
        attempts=delivery.attempts + 1,
        sent_at=timezone.now(),
        next_attempt_at=None,
        claimed_until=None,
        last_error="",
    )
    return DeliveryStatus.SENT


def _claim(delivery_id: int, due_by) -> bool:
    """Take the delivery for this attempt unless it is sent, not yet due, or held by another attempt.

    One UPDATE both checks and takes the claim, so of two workers racing for
    the same delivery exactly one gets it.
    """
    now = timezone.now()
    return bool(
        EmailDelivery.objects.filter(pk=delivery_id, status__in=UNSENT)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=due_by))
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + CLAIM_TIME)
    )


def _send(delivery: EmailDelivery) -> None:
    notification = delivery.notification
    kind = kinds.find(notification.kind)
    if kind is None:
        raise PermanentFailure(f"Notification {notification.pk} has the unregistered kind {notification.kind!r}")
    target = notification.target
    if target is None:
        raise PermanentFailure(f"The target of notification {notification.pk} no longer exists")
    with translation.override(delivery.language):
        context = kind.email_context(target) if kind.email_context else {}
    send_templated_mail(kind.email_template, delivery.address, context, language=delivery.language)


def _record_failure(delivery: EmailDelivery, error: Exception, permanent: bool = False) -> None:
    delivery.attempts += 1
    delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
    delivery.claimed_until = None
    if permanent or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
        logger.error("E-mail delivery %s failed for good: %s", delivery.pk, delivery.last_error)
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = timezone.now() + RETRY_DELAYS[delivery.attempts - 1]
        logger.warning(
            "E-mail delivery %s failed (attempt %s), retrying at %s: %s",
            delivery.pk, delivery.attempts, delivery.next_attempt_at, delivery.last_error,
        )
    delivery.save(update_fields=["attempts", "last_error", "claimed_until", "status", "next_attempt_at"])
    if delivery.status == DeliveryStatus.RETRYING:
        enqueue(delivery.pk, run_after=delivery.next_attempt_at)


def due(now=None):
    """Deliveries that should have been sent by now."""
    now = now or timezone.now()
    return EmailDelivery.objects.filter(status__in=UNSENT).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def send_due(now=None) -> dict[str, int]:
    """Attempt every delivery due by ``now`` (default the current time); return counts by outcome."""
    now = now or timezone.now()
    outcomes: dict[str, int] = {}
    for delivery_id in due(now).order_by("created_at").values_list("pk", flat=True):
        outcome = str(attempt(delivery_id, due_by=now))
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def retry_now(delivery: EmailDelivery) -> bool:
    """Queue one more attempt of a failed or waiting delivery now; return False if it was already sent.

    A claim held by an attempt in progress is kept, so that attempt and this
    one cannot both send the message.
    """
    with transaction.atomic():
        changed = EmailDelivery.objects.filter(pk=delivery.pk, status__in=[*UNSENT, DeliveryStatus.FAILED]).update(
            status=DeliveryStatus.RETRYING, next_attempt_at=timezone.now()
        )
        if changed:
            transaction.on_commit(lambda: enqueue(delivery.pk))
    return bool(changed)

