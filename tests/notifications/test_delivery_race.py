"""Workers racing for the same e-mail delivery on PostgreSQL: one sends, the
others skip, and the recipient gets one message.

These tests commit for real, so they live apart from the others: the
module's fixture puts the session's data back once they are done.
"""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from cms.notifications.delivery import attempt, send_due
from cms.notifications.models import DeliveryStatus, EmailDelivery
from cms.notifications.notify import notify
from forms.models import Filing, FilingAction, FilingEvent, FilingStatus
from tests.eservices.conftest import make_organization, make_service_page
from tests.conftest import ALL_APPS, restored_database  # noqa: F401  (fixture)
from tests.eservices.test_flow import SIMPLE_FIELDS
from tests.accounts.people import make_person

WORKERS = 8
# Long enough that every worker reaches the delivery while the first is still sending.
SMTP_REPLY_DELAY = 0.5


def notify_two_members():
    """Notify two members of a submitted filing; return their e-mail deliveries."""
    page = make_service_page(title="Poçt xidməti", slug="poct-xidmeti", prefix="PX", fields=SIMPLE_FIELDS)
    owner = make_person("yarisan@example.az")
    colleague = make_person("ikinci@example.az")
    organization = make_organization(owner, "Yarış Birliyi", "4400556688")
    filing = Filing.objects.create(
        page=page,
        organization=organization,
        created_by=owner,
        status=FilingStatus.SUBMITTED,
        reference="PX-2026-000001",
        submitted_at=timezone.now(),
        form_data={"layihenin_adi": "Şəffaf büdcə"},
    )
    event = FilingEvent.objects.create(
        filing=filing, user=owner, action=FilingAction.SUBMITTED, from_status=FilingStatus.DRAFT,
        to_status=FilingStatus.SUBMITTED,
    )
    notifications = notify([owner, colleague], "filing.submitted", event)
    return [notification.email for notification in notifications]


def run_in_parallel(job, count: int) -> list:
    barrier = threading.Barrier(count)
    outcomes = []

    def run():
        try:
            barrier.wait(timeout=30)
            outcomes.append(job())
        except Exception as error:  # reported by the assertion on outcomes
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


# One test for both races: a transactional test empties the database when it ends.
@pytest.mark.django_db(transaction=True, available_apps=ALL_APPS)
def test_parallel_workers_send_once(restored_database, smtp_server):
    first, second = notify_two_members()
    smtp_server.handler.delay = SMTP_REPLY_DELAY

    attempt_outcomes = run_in_parallel(lambda: str(attempt(first.pk)), WORKERS)
    # The second delivery is left to sweeps that run at the same time.
    sweep_outcomes = run_in_parallel(send_due, WORKERS)

    first.refresh_from_db()
    second.refresh_from_db()
    assert sorted(attempt_outcomes) == ["sent"] + ["skipped"] * (WORKERS - 1)
    assert first.status == DeliveryStatus.SENT
    assert first.attempts == 1
    # A sweep that starts after the message is sent finds nothing due.
    assert len(sweep_outcomes) == WORKERS
    assert sweep_outcomes.count({"sent": 1}) == 1
    assert all(outcome in ({"sent": 1}, {"skipped": 1}, {}) for outcome in sweep_outcomes), sweep_outcomes
    assert second.status == DeliveryStatus.SENT
    assert second.attempts == 1
    assert len(smtp_server.messages_to("yarisan@example.az")) == 1
    assert len(smtp_server.messages_to("ikinci@example.az")) == 1
