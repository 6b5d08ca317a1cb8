"""Durable e-mail delivery with retries, shared by notification and subscription e-mails.

Each delivery row (a RetriedDelivery) is the durable record, and the task
queue only schedules the attempts. A failed attempt is written down with its
error and tried again later, after 1, 5, 15, 60 and 240 minutes. After the
last attempt the delivery is marked failed. A PermanentFailure fails it at
once, because retrying would not change the outcome.

An attempt runs only while the delivery is due and not held by another
attempt, so stale or duplicate tasks and the sweeps do not send a message twice.
NOTE: a worker that dies after the mail server accepted a message, but before
the delivery was marked sent, leaves it to be sent again once its claim expires.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import DeliveryStatus, RetriedDelivery

RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 240)]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# How long one attempt may hold a delivery; longer than the SMTP timeout.
CLAIM_TIME = timedelta(minutes=5)
UNSENT = [DeliveryStatus.PENDING, DeliveryStatus.RETRYING]


class PermanentFailure(Exception):
    """The message cannot be written however often it is tried."""


@dataclass(frozen=True)
class RetryingSender:
    """The claim, attempt and retry steps for one concrete delivery model.

    ``send`` writes and sends the e-mail of one delivery and raises on failure.
    ``queue_attempt(delivery_id, run_after)`` queues one attempt, at once when
    ``run_after`` is None, and must not raise, because a lost task is left to the sweep.
    ``label`` starts the log lines, such as "E-mail delivery 12 failed …".
    """

    model: type[RetriedDelivery]
    send: Callable[[RetriedDelivery], None]
    queue_attempt: Callable[[int, datetime | None], None]
    logger: logging.Logger
    label: str
    # Passed to select_related when the delivery is loaded for sending.
    related: tuple[str, ...] = ()

    def attempt(self, delivery_id: int, due_by: datetime | None = None) -> str:
        """Try to send one delivery once, if it is due by ``due_by`` (default now); return what happened."""
        if not self._claim(delivery_id, due_by or timezone.now()):
            return "skipped"
        # The delivery may have been deleted since the claim, with its notification or subscription.
        delivery = self.model.objects.select_related(*self.related).filter(pk=delivery_id).first()
        if delivery is None:
            return "skipped"
        try:
            self.send(delivery)
        except PermanentFailure as error:
            self._record_failure(delivery, error, permanent=True)
            return delivery.status
        except Exception as error:  # Any failure of the mail server or the rendering is retried.
            self._record_failure(delivery, error)
            return delivery.status
        self.model.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.SENT,
            attempts=delivery.attempts + 1,
            sent_at=timezone.now(),
            next_attempt_at=None,
            claimed_until=None,
            last_error="",
        )
        return DeliveryStatus.SENT

    def _claim(self, delivery_id: int, due_by: datetime) -> bool:
        """Take the delivery for this attempt unless it is sent, not yet due, or held by another attempt.

        One UPDATE both checks and takes the claim, so of two workers racing for
        the same delivery exactly one gets it.
        """
        now = timezone.now()
        return bool(
            self.model.objects.filter(pk=delivery_id, status__in=UNSENT)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=due_by))
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .update(claimed_until=now + CLAIM_TIME)
        )

    def _record_failure(self, delivery: RetriedDelivery, error: Exception, permanent: bool = False) -> None:
        delivery.attempts += 1
        delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
        delivery.claimed_until = None
        if permanent or delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.FAILED
            delivery.next_attempt_at = None
            self.logger.error("%s %s failed for good: %s", self.label, delivery.pk, delivery.last_error)
        else:
            delivery.status = DeliveryStatus.RETRYING
            delivery.next_attempt_at = timezone.now() + RETRY_DELAYS[delivery.attempts - 1]
            self.logger.warning(
                "%s %s failed (attempt %s), retrying at %s: %s",
                self.label, delivery.pk, delivery.attempts, delivery.next_attempt_at, delivery.last_error,
            )
        delivery.save(update_fields=["attempts", "last_error", "claimed_until", "status", "next_attempt_at"])
        if delivery.status == DeliveryStatus.RETRYING:
            self.queue_attempt(delivery.pk, delivery.next_attempt_at)

    def due(self, now: datetime | None = None) -> QuerySet:
        """Deliveries that should have been sent by ``now`` (default the current time)."""
        now = now or timezone.now()
        return self.model.objects.filter(status__in=UNSENT).filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
        )

    def send_due(self, now: datetime | None = None) -> dict[str, int]:
        """Attempt every delivery due by ``now`` (default the current time), oldest first; return counts by outcome."""
        now = now or timezone.now()
        outcomes: dict[str, int] = {}
        for delivery_id in self.due(now).order_by("created_at", "pk").values_list("pk", flat=True):
            outcome = str(self.attempt(delivery_id, due_by=now))
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        return outcomes

    def retry_now(self, delivery: RetriedDelivery) -> bool:
        """Queue one more attempt of a failed or waiting delivery now; return False if it was already sent.

        A claim held by an attempt in progress is kept, so that attempt and this
        one cannot both send the message.
        """
        with transaction.atomic():
            changed = self.model.objects.filter(pk=delivery.pk, status__in=[*UNSENT, DeliveryStatus.FAILED]).update(
                status=DeliveryStatus.RETRYING, next_attempt_at=timezone.now()
            )
            if changed:
                transaction.on_commit(lambda: self.queue_attempt(delivery.pk, None))
        return bool(changed)
