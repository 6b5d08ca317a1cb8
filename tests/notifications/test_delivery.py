"""Notification e-mails sent through Django's SMTP backend to a real SMTP
server on 127.0.0.1: an outage and the retries after it, retries used up,
"Retry now", no message sent twice, the recipient's language, and targets
deleted before the message went out."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.notifications import delivery
from cms.notifications.delivery import MAX_ATTEMPTS, RETRY_DELAYS, attempt, send_due
from cms.notifications.models import DeliveryStatus, EmailDelivery, Notification
from cms.notifications.notify import notify
from forms.models import FilingEvent, FilingStatus
from tests.accounts.people import make_person, translated
from tests.eservices.test_flow import answer_steps, start_filing, submit

from .smtp import body_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

FAR_FUTURE = timedelta(days=2)


def submit_filing(client, organization, capture_on_commit):
    """Submit a filing through the site; its notification e-mails are queued when the transaction commits."""
    filing = answer_steps(client, start_filing(client, organization))
    with capture_on_commit(execute=True):
        response = submit(client, filing)
    assert response.status_code == 302
    filing.refresh_from_db()
    return filing


def delivery_to(person) -> EmailDelivery:
    return EmailDelivery.objects.select_related("notification").get(notification__recipient=person)


def make_superuser():
    person = make_person("nazir@example.az")
    person.is_superuser = True
    person.is_staff = True
    person.save()
    return person


# --- An outage and the retries after it ---------------------------------------------


def test_outage_is_retried_then_sent_once(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    run_queued_tasks,
):
    smtp_server.stop()
    filing = submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    failed_at = timezone.now()

    run_queued_tasks()

    email_delivery = delivery_to(member)
    assert email_delivery.status == DeliveryStatus.RETRYING
    assert email_delivery.attempts == 1
    assert "ConnectionRefusedError" in email_delivery.last_error
    assert email_delivery.next_attempt_at > timezone.now()
    assert email_delivery.next_attempt_at >= failed_at + RETRY_DELAYS[0]
    assert email_delivery.notification.kind == "filing.submitted"
    assert email_delivery.notification.target.filing == filing

    # The outage delays only the e-mail: the site already shows the new status and the notification.
    filing_page = member_client.get(f"/muracietler/{filing.pk}/").content.decode()
    notifications_page = member_client.get("/hesab/bildirisler/").content.decode()
    assert translated("Submitted") in filing_page
    assert filing.reference in notifications_page

    smtp_server.start()
    run_queued_tasks()

    email_delivery.refresh_from_db()
    assert email_delivery.status == DeliveryStatus.RETRYING
    assert smtp_server.messages == []

    outcomes = send_due(now=email_delivery.next_attempt_at + timedelta(seconds=1))

    email_delivery.refresh_from_db()
    assert outcomes == {"sent": 1}
    assert email_delivery.status == DeliveryStatus.SENT
    assert email_delivery.attempts == 2
    assert email_delivery.last_error == ""
    assert email_delivery.next_attempt_at is None
    assert email_delivery.sent_at is not None
    messages = smtp_server.messages
    assert len(messages) == 1
    assert messages[0]["To"] == "aysel@example.az"
    assert filing.reference in messages[0]["Subject"]
    assert f"/muracietler/{filing.pk}/" in body_text(messages[0])


def test_retry_task_after_the_sweep_sends_nothing(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    run_queued_tasks,
):
    smtp_server.stop()
    submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    run_queued_tasks()
    email_delivery = delivery_to(member)
    smtp_server.start()
    send_due(now=email_delivery.next_attempt_at + timedelta(seconds=1))

    # The retry queued after the failure comes due after the sweep has sent the message.
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))
    run_queued_tasks()

    email_delivery.refresh_from_db()
    assert email_delivery.status == DeliveryStatus.SENT
    assert len(smtp_server.messages) == 1
    assert list(DBTaskResult.objects.values_list("return_value", flat=True).order_by("enqueued_at")) == [
        "retrying",
        "skipped",
    ]


def test_retry_is_not_attempted_before_it_is_due(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    run_queued_tasks,
):
    smtp_server.stop()
    submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    run_queued_tasks()
    smtp_server.start()

    # A stray task for the delivery, such as a second copy of the queued retry, comes early.
    outcome = attempt(delivery_to(member).pk)

    email_delivery = delivery_to(member)
    assert outcome == "skipped"
    assert email_delivery.attempts == 1
    assert smtp_server.messages == []


# --- Retries used up, and "Retry now" ----------------------------------------------


def test_failed_after_max_attempts_then_retry_now_sends(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    run_queued_tasks, client,
):
    smtp_server.stop()
    filing = submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    started = timezone.now()
    run_queued_tasks()
    waits = []
    for _ in range(MAX_ATTEMPTS - 1):
        email_delivery = delivery_to(member)
        # Each failure schedules the next attempt the next delay after it.
        waits.append((email_delivery.next_attempt_at - started, timezone.now() - started))
        started = timezone.now()
        send_due(now=email_delivery.next_attempt_at + timedelta(seconds=1))

    email_delivery = delivery_to(member)
    assert email_delivery.status == DeliveryStatus.FAILED
    assert email_delivery.attempts == MAX_ATTEMPTS
    assert email_delivery.next_attempt_at is None
    assert "ConnectionRefusedError" in email_delivery.last_error
    for (wait, slack), delay in zip(waits, RETRY_DELAYS, strict=True):
        assert delay <= wait <= delay + slack
    assert send_due(now=timezone.now() + FAR_FUTURE) == {}

    staff = make_superuser()
    client.force_login(staff)
    listing = client.get("/admin/email-deliveries/", {"status": "failed"})
    assert listing.status_code == 200
    assert "aysel@example.az" in listing.content.decode()
    assert f"/admin/email-deliveries/retry/{email_delivery.pk}/" in listing.content.decode()

    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/email-deliveries/retry/{email_delivery.pk}/")
    run_queued_tasks()

    email_delivery.refresh_from_db()
    assert response.status_code == 302
    assert email_delivery.status == DeliveryStatus.SENT
    assert email_delivery.attempts == MAX_ATTEMPTS + 1
    assert len(smtp_server.messages) == 1
    assert filing.reference in smtp_server.messages[0]["Subject"]


def test_retry_now_of_a_sent_delivery_changes_nothing(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    run_queued_tasks,
):
    submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    run_queued_tasks()
    email_delivery = delivery_to(member)

    with django_capture_on_commit_callbacks(execute=True):
        queued = delivery.retry_now(email_delivery)
    run_queued_tasks()

    email_delivery.refresh_from_db()
    assert queued is False
    assert email_delivery.status == DeliveryStatus.SENT
    assert len(smtp_server.messages) == 1


# --- Never twice ---------------------------------------------------------------------


def test_second_attempt_during_sending_is_skipped(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    monkeypatch,
):
    submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    email_delivery = delivery_to(member)
    send = delivery.send_templated_mail
    overlapping_outcomes = []

    def send_while_another_worker_tries(*args, **kwargs):
        # A second worker (or the sweep) reaches the delivery while the first is talking to the server.
        overlapping_outcomes.append(attempt(email_delivery.pk))
        overlapping_outcomes.append(send_due(now=timezone.now() + FAR_FUTURE))
        send(*args, **kwargs)

    monkeypatch.setattr(delivery, "send_templated_mail", send_while_another_worker_tries)

    outcome = attempt(email_delivery.pk)

    email_delivery.refresh_from_db()
    assert outcome == DeliveryStatus.SENT
    assert overlapping_outcomes == ["skipped", {"skipped": 1}]
    assert email_delivery.attempts == 1
    assert len(smtp_server.messages) == 1


def test_retry_now_keeps_running_claim(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    monkeypatch, run_queued_tasks,
):
    smtp_server.stop()
    submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    run_queued_tasks()
    smtp_server.start()
    email_delivery = delivery_to(member)
    send = delivery.send_templated_mail
    overlapping_outcomes = []

    def send_while_staff_retry(*args, **kwargs):
        # Staff press "Retry now" while a worker is sending this very message.
        with django_capture_on_commit_callbacks(execute=True):
            delivery.retry_now(email_delivery)
        overlapping_outcomes.append(attempt(email_delivery.pk))
        send(*args, **kwargs)

    monkeypatch.setattr(delivery, "send_templated_mail", send_while_staff_retry)

    outcome = attempt(email_delivery.pk, due_by=timezone.now() + FAR_FUTURE)
    run_queued_tasks()

    email_delivery.refresh_from_db()
    assert outcome == DeliveryStatus.SENT
    assert overlapping_outcomes == ["skipped"]
    assert email_delivery.status == DeliveryStatus.SENT
    assert len(smtp_server.messages) == 1


# --- The recipient's language -----------------------------------------------------------


def test_each_recipient_reads_the_email_in_their_language(
    smtp_server, member, colleague, member_client, organization, english_service_page,
    django_capture_on_commit_callbacks, run_queued_tasks,
):
    filing = submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    event = filing.events.get(to_status=FilingStatus.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        notify([colleague], "filing.submitted", event)

    run_queued_tasks()

    [azerbaijani] = smtp_server.messages_to("aysel@example.az")
    [english] = smtp_server.messages_to("kamran@example.az")
    assert "Qrant müqaviləsinin qeydiyyatı" in azerbaijani["Subject"]
    assert "Qrant müqaviləsinin qeydiyyatı" in body_text(azerbaijani)
    assert f"http://127.0.0.1:8000/muracietler/{filing.pk}/" in body_text(azerbaijani)
    assert english["Subject"] == f"Application {filing.reference} received: Registering a grant agreement"
    assert "Reference number:" in body_text(english)
    assert f"http://127.0.0.1:8000/en/muracietler/{filing.pk}/" in body_text(english)
    assert "Qrant müqaviləsinin qeydiyyatı" not in body_text(english)


# --- Targets that are gone --------------------------------------------------------------


def test_deleted_target_fails_without_crashing_the_worker(
    smtp_server, member, member_client, organization, service_page, django_capture_on_commit_callbacks,
    run_queued_tasks,
):
    filing = submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    FilingEvent.objects.filter(filing=filing, to_status=FilingStatus.SUBMITTED).delete()

    run_queued_tasks()

    email_delivery = delivery_to(member)
    task = DBTaskResult.objects.get()
    assert email_delivery.status == DeliveryStatus.FAILED
    assert email_delivery.attempts == 1
    assert "no longer exists" in email_delivery.last_error
    assert task.status == "SUCCESSFUL"
    assert task.return_value == "failed"
    assert smtp_server.messages == []
    assert member_client.get("/hesab/bildirisler/").status_code == 200


def test_unregistered_kind_fails_without_crashing_the_worker(smtp_server, member, run_queued_tasks):
    notification = Notification.objects.create(
        recipient=member,
        kind="filing.archived",
        target_type=ContentType.objects.get_for_model(member),
        target_id=member.pk,
    )
    email_delivery = EmailDelivery.objects.create(notification=notification, address=member.email, language="az")
    delivery.enqueue(email_delivery.pk)

    run_queued_tasks()

    email_delivery.refresh_from_db()
    assert email_delivery.status == DeliveryStatus.FAILED
    assert "filing.archived" in email_delivery.last_error
    assert smtp_server.messages == []


def test_deleted_delivery_is_skipped(smtp_server, member, member_client, organization, service_page,
                                     django_capture_on_commit_callbacks, run_queued_tasks):
    submit_filing(member_client, organization, django_capture_on_commit_callbacks)
    Notification.objects.filter(recipient=member).delete()

    run_queued_tasks()

    assert EmailDelivery.objects.count() == 0
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert smtp_server.messages == []
