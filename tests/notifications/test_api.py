"""``/api/v1/notifications/``: own notifications only, paginated, in the
request's language, and marking one as read. Responses are checked against
the OpenAPI schema."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken

from cms.notifications.models import Notification
from cms.notifications.notify import notify
from forms.models import Filing, FilingAction, FilingEvent, FilingStatus
from tests.accounts.people import translated
from tests.api.test_filings_review import assert_matches_schema, openapi  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/notifications/"


def bearer(person) -> dict:
    _token, plaintext = APIToken.create_token(user=person, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


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


def notify_about(person, event) -> Notification:
    [notification] = notify([person], "filing.submitted", event, email=False)
    return notification


def test_list_has_own_notifications_newest_first(client, member, colleague, event, openapi):
    older = notify_about(member, event)
    newer = notify_about(member, event)
    notify_about(colleague, event)
    Notification.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - timedelta(hours=1), read_at=timezone.now()
    )

    response = client.get(LIST_URL, **bearer(member))

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 2
    assert [item["id"] for item in body["results"]] == [newer.pk, older.pk]
    assert [item["read"] for item in body["results"]] == [False, True]
    assert body["results"][0]["title"] == translated(
        "Application %(name)s has been submitted", name="QR-2026-000042"
    )
    assert body["results"][0]["url"] == f"http://testserver/muracietler/{event.filing_id}/"
    assert body["results"][0]["kind"] == "filing.submitted"
    assert_matches_schema(openapi, "PaginatedNotificationList", body)


def test_list_follows_accept_language(member, event):
    notify_about(member, event)
    client = Client(headers={"Accept-Language": "en"})

    item = client.get(LIST_URL, **bearer(member)).json()["results"][0]

    assert item["title"] == "Application QR-2026-000042 has been submitted"
    assert item["url"] == f"http://testserver/en/muracietler/{event.filing_id}/"


def test_list_is_paginated(client, member, event):
    for _ in range(3):
        notify_about(member, event)

    body = client.get(LIST_URL, {"page_size": 2}, **bearer(member)).json()

    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_deleted_target_has_no_url(client, member, event, openapi):
    notify_about(member, event)
    event.delete()

    body = client.get(LIST_URL, **bearer(member)).json()

    item = body["results"][0]
    assert item["url"] is None
    assert item["title"] == translated("This notification is about something that is no longer available.")
    assert_matches_schema(openapi, "PaginatedNotificationList", body)


@pytest.mark.parametrize("query", [{"colour": "qırmızı"}, {"page": "0"}, {"page_size": "1000"}])
def test_list_rejects_bad_parameters(client, member, query):
    response = client.get(LIST_URL, query, **bearer(member))

    assert response.status_code == 400
    assert response.json()["errors"]


def test_list_needs_a_person(client):
    assert client.get(LIST_URL).status_code == 401


def test_mark_read(client, member, event, openapi):
    notification = notify_about(member, event)

    response = client.post(f"{LIST_URL}{notification.pk}/read/", **bearer(member))

    notification.refresh_from_db()
    body = response.json()
    assert response.status_code == 200
    assert notification.read_at is not None
    assert body["read"] is True
    assert body["read_at"] is not None
    assert_matches_schema(openapi, "Notification", body)


def test_mark_read_twice_keeps_the_first_time(client, member, event):
    notification = notify_about(member, event)
    headers = bearer(member)
    first = client.post(f"{LIST_URL}{notification.pk}/read/", **headers).json()

    second = client.post(f"{LIST_URL}{notification.pk}/read/", **headers).json()

    assert second["read_at"] == first["read_at"]


def test_mark_read_of_another_persons_notification_is_404(client, member, colleague, event):
    notification = notify_about(colleague, event)

    response = client.post(f"{LIST_URL}{notification.pk}/read/", **bearer(member))
    missing = client.post(f"{LIST_URL}999999/read/", **bearer(member))

    notification.refresh_from_db()
    assert response.status_code == 404
    assert response.json() == missing.json()
    assert notification.read_at is None


def test_mark_read_with_session_needs_csrf(member, event):
    notification = notify_about(member, event)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(f"{LIST_URL}{notification.pk}/read/")

    notification.refresh_from_db()
    assert response.status_code == 403
    assert notification.read_at is None


def test_schema_documents_notifications(openapi):
    paths = openapi["paths"]

    assert "/api/v1/notifications/" in paths
    assert "/api/v1/notifications/{id}/read/" in paths
    assert set(openapi["components"]["schemas"]["Notification"]["properties"]) == {
        "id", "kind", "title", "url", "read", "read_at", "created_at",
    }
