"""Sending subscription e-mails in the background: fan-out, one attempt per delivery, retries and the sweep.

A signal handler (``receivers.py``) stores an Announcement and queues
``fan_out``, so the request that published never writes a row per
subscriber. ``fan_out`` creates one Delivery per confirmed subscriber and
queues ``deliver_announcement`` for each. A Delivery is unique per
subscription and announcement, so a second signal or a repeated task sends
nothing twice. Each delivery is claimed, sent and retried by
cms.notifications.retrying: failed attempts are retried after 1, 5, 15, 60
and 240 minutes, then marked failed.
``sweep()`` (``manage.py send_subscription_emails``) finishes what a lost
task left undone and deletes unconfirmed subscriptions older than
UNCONFIRMED_LIFETIME.
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from cms.notifications.retrying import MAX_ATTEMPTS, RETRY_DELAYS, RetryingSender

from .mail import link, send_subscription_mail
from .models import UNCONFIRMED_LIFETIME, Announcement, Delivery, DeliveryStatus, Subscription, SubscriptionKind
from .tokens import confirm_token

logger = logging.getLogger(__name__)

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


def item_content(announcement: Announcement, language: str) -> dict:
    """Return the announcement's words in ``language``, else in the first language stored."""
    content = announcement.content
    return content.get(language) or next(iter(content.values()), {})


def _send(delivery: Delivery) -> None:
    announcement = delivery.announcement
    subscription = delivery.subscription
    template = "subscriptions/email/news" if announcement.kind == SubscriptionKind.NEWS else "subscriptions/email/act_change"
    send_subscription_mail(template, subscription, {"item": item_content(announcement, subscription.language)})


def _queue_attempt(delivery_id: int, run_after) -> None:
    _enqueue(deliver_announcement, delivery_id, run_after=run_after)


_sender = RetryingSender(
    model=Delivery,
    send=_send,
    queue_attempt=_queue_attempt,
    logger=logger,
    label="Subscription e-mail",
    related=("subscription__act", "announcement"),
)
attempt = _sender.attempt


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
    for announcement_id in Announcement.objects.filter(fanned_out_at__isnull=True).values_list("pk", flat=True):
        fan_out.call(announcement_id)
    outcomes = _sender.send_due(now)
    outcomes["unconfirmed deleted"] = delete_expired_unconfirmed(now)
    return outcomes
