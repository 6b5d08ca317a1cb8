"""Sending notification e-mails in the background, with retries.

cms.notifications.retrying claims, sends and retries each EmailDelivery:
the row is the durable record, and failed attempts are retried after 1, 5,
15, 60 and 240 minutes. Then the delivery is marked failed, which staff see
in the admin and can retry. A delivery whose notification can no longer be
written, because its target was deleted or its kind is no longer
registered, fails at once: retrying would not bring the object back.
``send_notification_emails`` sends whatever is due, for when a worker was
down or a queued task was lost.
"""

import logging

from django.utils import translation
from django_tasks import task

from cms.accounts.mail import send_templated_mail

from . import kinds
from .models import EmailDelivery
from .retrying import CLAIM_TIME, MAX_ATTEMPTS, RETRY_DELAYS, UNSENT, PermanentFailure, RetryingSender

__all__ = [
    "CLAIM_TIME", "MAX_ATTEMPTS", "RETRY_DELAYS", "UNSENT", "PermanentFailure",
    "attempt", "deliver_email", "due", "enqueue", "retry_now", "send_due",
]

logger = logging.getLogger(__name__)


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


_sender = RetryingSender(
    model=EmailDelivery,
    send=_send,
    # Looked up at call time, so a replaced ``enqueue`` is the one used.
    queue_attempt=lambda delivery_id, run_after: enqueue(delivery_id, run_after=run_after),
    logger=logger,
    label="E-mail delivery",
    related=("notification",),
)
attempt = _sender.attempt
due = _sender.due
send_due = _sender.send_due
retry_now = _sender.retry_now
