"""Sending subscription e-mails in the background: fan-out, one attempt per delivery, retries and the sweep.

A signal handler (``receivers.py``) stores an Announcement and queues
``fan_out``, so the request that published never writes a row per
subscriber. ``fan_out`` creates one Delivery per confirmed subscriber and
queues ``deliver_announcement`` for each. A Delivery is unique per
subscription and announcement, so a second signal or a repeated task sends
nothing twice. Failed attempts are retried after 1, 5, 15, 60 and 240
minutes, the policy of cms.notifications.delivery, then marked failed.
``sweep()`` (``manage.py send_subscription_emails``) finishes what a lost
task left undone and deletes unconfirmed subscriptions older than
UNCONFIRMED_LIFETIME.
NOTE: a worker that dies after the mail server accepted a message but before
the delivery was marked sent leaves it to be sent again once its claim expires.
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from cms.notifications.delivery import CLAIM_TIME, MAX_ATTEMPTS, RETRY_DELAYS

from .mail import link, send_subscription_mail
from .models import UNCONFIRMED_LIFETIME, Announcement, Delivery, DeliveryStatus, Subscription, SubscriptionKind
from .tokens import confirm_token

logger = logging.getLogger(__name__)

UNSENT = [DeliveryStatus.PENDING, DeliveryStatus.RETRYING]


# --- Confirmation e-mails ------------------------------------------------------------


@task(backend="notifications")
def send_confirmation(subscription_id: int, attempt: int = 1) -> str:
    """Send the double opt-in e-mail; a failure is queued again after the retry delays, then given up."""
    subscription = Subscription.objects.select_related("act").filter(pk=subscription_id).first()
    if subscription is None or subscription.is_confirmed:
        return "skipped"
    context = {"confirm_url": link("confirm", confirm_token(subscription), subscription.language)}
    try:
        send_subscription_mail("subscriptions/email/confirm", subscription, context)
    except Exception:  # Any failure of the mail server or the rendering is retried.
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Confirmation e-mail of subscription %s failed for good", subscription_id)
            return DeliveryStatus.FAILED
        run_after = timezone.now() + RETRY_DELAYS[attempt - 1]
        logger.warning("Confirmation e-mail of subscription %s failed (attempt %s), retrying", subscription_id, attempt)
        _enqueue(send_confirmation, subscription_id, attempt + 1, run_after=run_after)
        return DeliveryStatus.RETRYING
    return DeliveryStatus.SENT


def queue_confirmation(subscription: Subscription) -> None:
    """Queue the confirmation e-mail once the caller's transaction commits."""
    transaction.on_commit(lambda: _enqueue(send_confirmation, subscription.pk))


def _enqueue(task_function, *args, run_after=None) -> None:
    """Queue a task. A queue that fails is logged: the sweep sends announcements, and a person can ask again."""
    try:
        queued = task_function.using(run_after=run_after) if run_after else task_function
        queued.enqueue(*args)
    except Exception:
        logger.exception("Could not queue %s%s", task_function.name, args)


# --- Announcements -----------------------------------------------------------------


def announce(key: str, kind: str, content: dict, *, act=None, language: str = "", category: str = "") -> None:
    """Store an announcement once per key and queue its fan-out; a repeated key queues nothing new."""
    with transaction.atomic():
        announcement, created = Announcement.objects.get_or_create(
            key=key,
            defaults={"kind": kind, "content": content, "act": act, "language": language, "category": category},
        )
        if created:
            transaction.on_commit(lambda: _enqueue(fan_out, announcement.pk))
        else:
            logger.info("Announcement %s was already stored; nothing new is sent", key)


def recipients(announcement: Announcement):
    """Confirmed subscriptions that should receive ``announcement``."""
    subscriptions = Subscription.objects.filter(kind=announcement.kind, confirmed_at__isnull=False)
    if announcement.kind == SubscriptionKind.ACT:
        return subscriptions.filter(act_id=announcement.act_id)
    subscriptions = subscriptions.filter(language=announcement.language)
    return subscriptions.filter(Q(category="") | Q(category=announcement.category))


@task(backend="notifications")
def fan_out(announcement_id: int) -> int:
    """Create the deliveries of one announcement and queue them; return how many were queued."""
    announcement = Announcement.objects.filter(pk=announcement_id).first()
    if announcement is None or announcement.fanned_out_at is not None:
        return 0
    # Only subscriptions confirmed before the item was announced receive it.
    subscription_ids = recipients(announcement).filter(confirmed_at__lte=announcement.created_at)
    with transaction.atomic():
        Delivery.objects.bulk_create(
            [Delivery(subscription_id=pk, announcement=announcement) for pk in subscription_ids.values_list("pk", flat=True)],
            ignore_conflicts=True,
            batch_size=500,
        )
        Announcement.objects.filter(pk=announcement.pk).update(fanned_out_at=timezone.now())
    delivery_ids = list(
        Delivery.objects.filter(announcement=announcement, status=DeliveryStatus.PENDING).values_list("pk", flat=True)
    )
    for delivery_id in delivery_ids:
        _enqueue(deliver_announcement, delivery_id)
    return len(delivery_ids)


# --- One delivery --------------------------------------------------------------------


@task(backend="notifications")
def deliver_announcement(delivery_id: int) -> str:
    return attempt(delivery_id)


def attempt(delivery_id: int, due_by=None) -> str:
    """Try to send one delivery once, if it is due by ``due_by`` (default now); return what happened."""
    if not _claim(delivery_id, due_by or timezone.now()):
        return "skipped"
    # The subscriber may have unsubscribed since the claim, which deletes the delivery.
    delivery = Delivery.objects.select_related("subscription__act", "announcement").filter(pk=delivery_id).first()
    if delivery is None:
        return "skipped"
    try:
        _send(delivery)
    except Exception as error:  # Any failure of the mail server or the rendering is retried.
        _record_failure(delivery, error)
        return delivery.status
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SENT,
        attempts=delivery.attempts + 1,
        sent_at=timezone.now(),
        next_attempt_at=None,
        claimed_until=None,
        last_error="",
    )
    return DeliveryStatus.SENT


def _claim(delivery_id: int, due_by) -> bool:
    """Take the delivery unless it is sent, not yet due or held by another attempt, in one UPDATE."""
    now = timezone.now()
    return bool(
        Delivery.objects.filter(pk=delivery_id, status__in=UNSENT)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=due_by))
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + CLAIM_TIME)
    )


def item_content(announcement: Announcement, language: str) -> dict:
    """Return the announcement's words in ``language``, else in the first language stored."""
    content = announcement.content
    return content.get(language) or next(iter(content.values()), {})


def _send(delivery: Delivery) -> None:
    announcement = delivery.announcement
    subscription = delivery.subscription
    template = "subscriptions/email/news" if announcement.kind == SubscriptionKind.NEWS else "subscriptions/email/act_change"
    send_subscription_mail(template, subscription, {"item": item_content(announcement, subscription.language)})


def _record_failure(delivery: Delivery, error: Exception) -> None:
    delivery.attempts += 1
    delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
    delivery.claimed_until = None
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
        logger.error("Subscription e-mail %s failed for good: %s", delivery.pk, delivery.last_error)
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = timezone.now() + RETRY_DELAYS[delivery.attempts - 1]
        logger.warning(
            "Subscription e-mail %s failed (attempt %s), retrying at %s: %s",
            delivery.pk, delivery.attempts, delivery.next_attempt_at, delivery.last_error,
        )
    delivery.save(update_fields=["attempts", "last_error", "claimed_until", "status", "next_attempt_at"])
    if delivery.status == DeliveryStatus.RETRYING:
        _enqueue(deliver_announcement, delivery.pk, run_after=delivery.next_attempt_at)


# --- The sweep -----------------------------------------------------------------------


def delete_expired_unconfirmed(now=None) -> int:
    """Delete subscriptions nobody confirmed within UNCONFIRMED_LIFETIME; return how many."""
    now = now or timezone.now()
    deleted, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_LIFETIME
    ).delete()
    return deleted


def sweep(now=None) -> dict[str, int]:
    """Fan out announcements a lost task left, send every delivery due by ``now`` and delete expired unconfirmed subscriptions."""
    now = now or timezone.now()
    outcomes: dict[str, int] = {}
    for announcement_id in Announcement.objects.filter(fanned_out_at__isnull=True).values_list("pk", flat=True):
        fan_out.call(announcement_id)
    due = Delivery.objects.filter(status__in=UNSENT).filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
    for delivery_id in due.order_by("created_at", "pk").values_list("pk", flat=True):
        outcome = str(attempt(delivery_id, due_by=now))
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    outcomes["unconfirmed deleted"] = delete_expired_unconfirmed(now)
    return outcomes
