"""E-mail deliveries in the Wagtail admin: the list and its status filter,
"Retry now", who may see and retry, and the warnings of failed deliveries on
the dashboard and in the menu."""

import html
import json
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django_tasks_db.models import DBTaskResult

from cms.notifications.admin.views import field_label
from cms.notifications.admin.viewsets import EmailDeliveryViewSet
from cms.notifications.models import DeliveryStatus, EmailDelivery
from cms.notifications.notify import notify
from forms.models import Filing, FilingAction, FilingEvent, FilingStatus
from tests.accounts.people import make_person, translated

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/email-deliveries/"
SMTP_ERROR = "SMTPRecipientsRefused: {'aysel@example.az': (550, b'Mailbox unavailable: poçt qutusu tapılmadı')}"


def retry_url(delivery) -> str:
    return f"{LIST_URL}retry/{delivery.pk}/"


def staff(email: str, *codenames: str):
    person = make_person(email)
    person.is_staff = True
    person.save()
    person.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in codenames:
        person.user_permissions.add(Permission.objects.get(content_type__app_label="notifications", codename=codename))
    return person


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def make_delivery(event, person, status: str, attempts: int, last_error: str = "", next_attempt_at=None):
    [notification] = notify([person], "filing.submitted", event, email=False)
    return EmailDelivery.objects.create(
        notification=notification,
        address=person.email,
        language="az",
        status=status,
        attempts=attempts,
        last_error=last_error,
        next_attempt_at=next_attempt_at,
    )


@pytest.fixture
def event(service_page, organization, member):
    filing = Filing.objects.create(
        page=service_page,
        organization=organization,
        created_by=member,
        status=FilingStatus.SUBMITTED,
        reference="QR-2026-000042",
        submitted_at=timezone.now(),
    )
    return FilingEvent.objects.create(
        filing=filing, user=member, action=FilingAction.SUBMITTED, from_status=FilingStatus.DRAFT,
        to_status=FilingStatus.SUBMITTED,
    )


@pytest.fixture
def deliveries(event, member, colleague):
    third = make_person("leyla@example.az")
    return {
        "failed": make_delivery(event, member, DeliveryStatus.FAILED, 6, SMTP_ERROR),
        "retrying": make_delivery(
            event, colleague, DeliveryStatus.RETRYING, 2, "ConnectionRefusedError: [Errno 111] Connection refused",
            next_attempt_at=timezone.now() + timedelta(minutes=15),
        ),
        "sent": make_delivery(event, third, DeliveryStatus.SENT, 1),
    }


@pytest.fixture
def superuser_client():
    person = make_person("nazir@example.az")
    person.is_superuser = True
    person.is_staff = True
    person.save()
    return signed_in(person)


@pytest.fixture
def viewer_client():
    return signed_in(staff("baxan@example.az", "view_emaildelivery"))


@pytest.fixture
def retrier_client():
    return signed_in(staff("tekrar@example.az", "view_emaildelivery", "change_emaildelivery"))


# --- The list -----------------------------------------------------------------------------


def test_list_shows_every_column(superuser_client, deliveries):
    response = superuser_client.get(LIST_URL)

    text = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "aysel@example.az" in text
    assert "kamran@example.az" in text
    assert translated("Application %(name)s has been submitted", name="QR-2026-000042") in text
    assert "filing.submitted" not in text
    assert "Mailbox unavailable: poçt qutusu tapılmadı" in text
    assert translated("Failed, retries used up") in text
    assert translated("Failed, will be retried") in text


@pytest.mark.parametrize(
    ("status", "shown", "hidden"),
    [
        ("failed", "aysel@example.az", "kamran@example.az"),
        ("retrying", "kamran@example.az", "aysel@example.az"),
        ("sent", "leyla@example.az", "kamran@example.az"),
    ],
)
def test_list_filters_by_status(superuser_client, deliveries, status, shown, hidden):
    response = superuser_client.get(LIST_URL, {"status": status})

    text = response.content.decode()
    assert shown in text
    assert hidden not in text


def test_list_offers_retry_only_for_unsent(superuser_client, deliveries):
    text = superuser_client.get(LIST_URL).content.decode()

    assert f'action="{retry_url(deliveries["failed"])}"' in text
    assert f'action="{retry_url(deliveries["retrying"])}"' in text
    assert f'action="{retry_url(deliveries["sent"])}"' not in text
    assert 'name="csrfmiddlewaretoken"' in text


def test_inspect_shows_the_whole_error(superuser_client, deliveries):
    response = superuser_client.get(f"{LIST_URL}inspect/{deliveries['failed'].pk}/")

    assert response.status_code == 200
    assert "Mailbox unavailable: poçt qutusu tapılmadı" in html.unescape(response.content.decode())


def inspected_value(response, field_name: str) -> str:
    """The text the inspect page shows for one field, found by its label in Azerbaijani."""
    with translation.override("az"):
        label = str(field_label(field_name)) if field_name != "notification" else gettext("Notification")
    text = html.unescape(response.content.decode())
    match = re.search(rf"<dt>{re.escape(label)}</dt>\s*<dd>\s*(.*?)\s*</dd>", text, re.S)
    assert match, label
    return match.group(1)


def test_inspect_shows_times_in_local_time(superuser_client, deliveries):
    failed = deliveries["failed"]
    # 20:30 in UTC is already half past midnight of the next day in Baku.
    created = datetime(2026, 3, 2, 20, 30, tzinfo=UTC)
    EmailDelivery.objects.filter(pk=failed.pk).update(created_at=created, sent_at=None)

    response = superuser_client.get(f"{LIST_URL}inspect/{failed.pk}/")

    with translation.override("az"):
        local = date_format(timezone.localtime(created, ZoneInfo("Asia/Baku")), "SHORT_DATETIME_FORMAT")
        in_utc = date_format(created, "SHORT_DATETIME_FORMAT")
    assert response.status_code == 200
    assert inspected_value(response, "created_at") == local
    assert local != in_utc


def test_inspect_list_and_page_show_the_same_time(superuser_client, deliveries):
    retrying = deliveries["retrying"]

    listed = html.unescape(superuser_client.get(LIST_URL).content.decode())
    page = superuser_client.get(f"{LIST_URL}inspect/{retrying.pk}/")

    shown = inspected_value(page, "next_attempt_at")
    assert shown in listed
    assert shown.split()[-1] == timezone.localtime(retrying.next_attempt_at, ZoneInfo("Asia/Baku")).strftime("%H:%M")


def test_inspect_shows_dash_for_missing_values(superuser_client, deliveries):
    response = superuser_client.get(f"{LIST_URL}inspect/{deliveries['failed'].pk}/")

    assert inspected_value(response, "next_attempt_at") == "—"
    assert inspected_value(response, "sent_at") == "—"
    fields = response.content.decode().split("<dl>")[1].split("</dl>")[0]
    assert "None" not in fields


def test_inspect_names_the_notification(superuser_client, deliveries):
    response = superuser_client.get(f"{LIST_URL}inspect/{deliveries['failed'].pk}/")

    expected = translated("Application %(name)s has been submitted", name="QR-2026-000042")
    assert inspected_value(response, "notification") == expected
    assert "filing.submitted" not in response.content.decode()


def test_list_titles_cost_no_query_per_row(superuser_client, deliveries, event):
    # The first request fills caches (content types, sites) that later requests reuse.
    superuser_client.get(LIST_URL)
    with CaptureQueriesContext(connection) as three_rows:
        superuser_client.get(LIST_URL)
    for number in range(3):
        make_delivery(event, make_person(f"uzv{number}@example.az"), DeliveryStatus.SENT, 1)
    with CaptureQueriesContext(connection) as six_rows:
        response = superuser_client.get(LIST_URL)

    assert len(response.context["object_list"]) == 6
    assert len(six_rows) == len(three_rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_list_ignores_wagtail_spreadsheet_export(superuser_client, deliveries, export_format):
    response = superuser_client.get(LIST_URL, {"export": export_format})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response


def test_nobody_edits_adds_or_deletes_deliveries(superuser_client, deliveries):
    failed = deliveries["failed"]

    edit = superuser_client.post(f"{LIST_URL}edit/{failed.pk}/", {"address": "basqa@example.az"})
    add = superuser_client.get(f"{LIST_URL}new/")
    delete = superuser_client.post(f"{LIST_URL}delete/{failed.pk}/")

    failed.refresh_from_db()
    assert edit.status_code == add.status_code == delete.status_code == 302
    assert edit["Location"] == reverse("wagtailadmin_home")
    assert failed.address == "aysel@example.az"
    assert EmailDelivery.objects.count() == 3


# --- Who may see and retry -----------------------------------------------------------------


def test_viewer_sees_the_list_without_retry(viewer_client, deliveries):
    response = viewer_client.get(LIST_URL)

    text = response.content.decode()
    assert response.status_code == 200
    assert "aysel@example.az" in text
    assert "/retry/" not in text


def test_viewer_cannot_retry(viewer_client, deliveries):
    failed = deliveries["failed"]

    response = viewer_client.post(retry_url(failed))

    failed.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert failed.status == DeliveryStatus.FAILED
    assert DBTaskResult.objects.count() == 0


def test_staff_without_permission_cannot_see_the_list(deliveries):
    client = signed_in(staff("basqa@example.az"))

    response = client.get(LIST_URL)
    home = client.get("/admin/").content.decode()

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert LIST_URL not in home


def test_retry_now_queues_an_attempt(retrier_client, deliveries, django_capture_on_commit_callbacks):
    failed = deliveries["failed"]

    with django_capture_on_commit_callbacks(execute=True):
        response = retrier_client.post(retry_url(failed), {"next": f"{LIST_URL}?status=failed"}, follow=True)

    failed.refresh_from_db()
    task = DBTaskResult.objects.get()
    assert response.redirect_chain == [(f"{LIST_URL}?status=failed", 302)]
    assert failed.status == DeliveryStatus.RETRYING
    assert failed.next_attempt_at <= timezone.now()
    assert task.args_kwargs["args"] == [failed.pk]
    assert translated("A new attempt to send the e-mail to %(address)s is queued.", address="aysel@example.az") in (
        html.unescape(response.content.decode())
    )


def test_retry_now_ignores_an_outside_next_address(retrier_client, deliveries):
    response = retrier_client.post(retry_url(deliveries["failed"]), {"next": "https://example.com/"})

    assert response["Location"] == LIST_URL


def test_retry_now_of_a_sent_delivery_changes_nothing(retrier_client, deliveries):
    sent = deliveries["sent"]

    response = retrier_client.post(retry_url(sent), follow=True)

    sent.refresh_from_db()
    assert sent.status == DeliveryStatus.SENT
    assert translated("The e-mail to %(address)s has already been sent.", address="leyla@example.az") in (
        html.unescape(response.content.decode())
    )


def test_retry_now_needs_post_with_csrf(deliveries):
    person = staff("csrf@example.az", "view_emaildelivery", "change_emaildelivery")
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    failed = deliveries["failed"]

    by_get = client.get(retry_url(failed))
    without_token = client.post(retry_url(failed))

    failed.refresh_from_db()
    assert by_get.status_code == 405
    assert without_token.status_code == 403
    assert failed.status == DeliveryStatus.FAILED


def test_retry_of_unknown_delivery_is_404(retrier_client):
    response = retrier_client.post(f"{LIST_URL}retry/999999/")

    assert response.status_code == 404


def test_group_editor_offers_view_and_change_only():
    codenames = sorted(EmailDeliveryViewSet().get_permissions_to_register().values_list("codename", flat=True))

    assert codenames == ["change_emaildelivery", "view_emaildelivery"]


# --- Warnings of failed deliveries --------------------------------------------------------------


def test_dashboard_warns_of_failed_deliveries(viewer_client, deliveries):
    text = html.unescape(viewer_client.get("/admin/").content.decode())

    with translation.override("az"):
        count_text = ngettext("%(counter)s failed e-mail", "%(counter)s failed e-mails", 1) % {"counter": 1}
    assert f'<a href="{LIST_URL}?status=failed">{count_text}</a>' in text


def test_dashboard_is_quiet_without_failed_deliveries(viewer_client, deliveries):
    EmailDelivery.objects.filter(status=DeliveryStatus.FAILED).update(status=DeliveryStatus.SENT)

    text = viewer_client.get("/admin/").content.decode()

    assert f"{LIST_URL}?status=failed" not in text
    assert "failed-email-deliveries" not in text


def test_menu_label_counts_failed_deliveries(viewer_client, deliveries, event, member):
    make_delivery(event, make_person("ikinci@example.az"), DeliveryStatus.FAILED, 6, SMTP_ERROR)

    text = html.unescape(viewer_client.get("/admin/").content.decode())

    with translation.override("az"):
        label = ngettext("%(label)s (%(count)s failed)", "%(label)s (%(count)s failed)", 2) % {
            "label": gettext("E-mail deliveries"),
            "count": 2,
        }
    # The sidebar's items are JSON inside the page.
    assert f'"label": {json.dumps(label)}' in text
