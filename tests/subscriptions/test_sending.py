"""Sending through a real SMTP server on 127.0.0.1: an outage is retried and each message goes out once.
The sweep finishes lost fan-outs and deletes unconfirmed subscriptions after 7 days."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.subscriptions import sending
from cms.subscriptions.models import Announcement, Delivery, DeliveryStatus, Subscription, SubscriptionKind
from cms.subscriptions.sending import MAX_ATTEMPTS, attempt, sweep
from tests.notifications.conftest import smtp_server  # noqa: F401  (fixture)
from tests.notifications.smtp import body_text

from .conftest import news_page, publish_news

pytestmark = pytest.mark.django_db


def confirmed(email: str, language: str = "az") -> Subscription:
    return Subscription.objects.create(
        kind=SubscriptionKind.NEWS, email=email, language=language, confirmed_at=timezone.now() - timedelta(minutes=1)
    )


def test_outage_is_retried_then_sent_once(smtp_server, deliver):  # noqa: F811
    confirmed("rauf@example.az")
    smtp_server.stop()

    deliver(publish_news, news_page(pk=701))
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now()
    assert delivery.last_error

    smtp_server.start()
    # Not due yet: nothing is sent early.
    assert attempt(delivery.pk) == "skipped"
    outcomes = sweep(now=delivery.next_attempt_at + timedelta(seconds=1))
    assert outcomes[DeliveryStatus.SENT] == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT

    assert sweep(now=timezone.now() + timedelta(days=1)).get(DeliveryStatus.SENT, 0) == 0
    messages = smtp_server.messages_to("rauf@example.az")
    assert len(messages) == 1
    assert "xeber-701" in body_text(messages[0])
    assert messages[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_retries_used_up_mark_failed(smtp_server, deliver):  # noqa: F811
    confirmed("rauf@example.az")
    smtp_server.stop()
    deliver(publish_news, news_page(pk=702))
    delivery = Delivery.objects.get()
    later = timezone.now()
    for _ in range(MAX_ATTEMPTS):
        later += timedelta(hours=5)
        sweep(now=later)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == MAX_ATTEMPTS


def test_sweep_fans_out_a_lost_announcement(mailoutbox):
    confirmed("lale@example.az")
    # As if the worker died before fan_out ran: the announcement is stored, no delivery exists.
    Announcement.objects.create(
        key="news:801", kind=SubscriptionKind.NEWS, language="az",
        content={"az": {"title": "Yeni nümunə", "url": "http://testserver/xeberler/801/", "summary": ""}},
    )
    outcomes = sweep()
    assert outcomes[DeliveryStatus.SENT] == 1
    assert len(mailoutbox) == 1
    assert sweep().get(DeliveryStatus.SENT, 0) == 0


def test_sweep_deletes_old_unconfirmed_only():
    old = Subscription.objects.create(
        kind=SubscriptionKind.NEWS, email="kohne@example.az", language="az", created_at=timezone.now() - timedelta(days=8)
    )
    fresh = Subscription.objects.create(kind=SubscriptionKind.NEWS, email="teze@example.az", language="az")
    confirmed_old = Subscription.objects.create(
        kind=SubscriptionKind.NEWS, email="tesdiqli@example.az", language="en",
        created_at=timezone.now() - timedelta(days=30), confirmed_at=timezone.now() - timedelta(days=29),
    )
    assert sweep()["unconfirmed deleted"] == 1
    assert not Subscription.objects.filter(pk=old.pk).exists()
    assert Subscription.objects.filter(pk__in=[fresh.pk, confirmed_old.pk]).count() == 2


def test_management_command_prints_summary(capsys):
    from django.core.management import call_command

    call_command("send_subscription_emails")
    assert "unconfirmed deleted: 0" in capsys.readouterr().out


def test_delivery_of_unsubscribed_person_is_skipped(deliver, mailoutbox, monkeypatch):
    subscription = confirmed("getdi@example.az")
    # Stop the worker between fan-out and sending, then unsubscribe.
    monkeypatch.setattr(sending, "_enqueue", lambda *args, **kwargs: None)
    publish_news(news_page(pk=901))
    sending.fan_out.call(Announcement.objects.get().pk)
    delivery_id = Delivery.objects.get().pk
    subscription.delete()
    assert attempt(delivery_id) == "skipped"
    assert mailoutbox == []
