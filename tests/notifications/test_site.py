"""Notifications on the site: the list at /hesab/bildirisler/, opening one,
marking all as read, the unread count in the header, and notifications whose
target is gone."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.notifications.context_processors import unread_notifications
from cms.notifications.models import Notification
from cms.notifications.notify import notify
from cms.notifications.views import PER_PAGE
from forms.models import Filing, FilingAction, FilingEvent, FilingStatus
from tests.accounts.people import translated

pytestmark = pytest.mark.django_db

LIST_URL = "/hesab/bildirisler/"


def make_event(service_page, organization, person, reference="QR-2026-000042", action=FilingAction.SUBMITTED):
    filing = Filing.objects.create(
        page=service_page,
        organization=organization,
        created_by=person,
        status=FilingStatus.SUBMITTED,
        reference=reference,
        submitted_at=timezone.now(),
    )
    return FilingEvent.objects.create(
        filing=filing, user=person, action=action, from_status=FilingStatus.DRAFT, to_status=FilingStatus.SUBMITTED
    )


def notify_about(person, event, kind="filing.submitted") -> Notification:
    [notification] = notify([person], kind, event, email=False)
    return notification


def submitted_title(reference: str, language: str = "az") -> str:
    return translated("Application %(name)s has been submitted", language, name=reference)


def page_text(response) -> str:
    return response.content.decode()


@pytest.fixture
def event(service_page, organization, member):
    return make_event(service_page, organization, member)


# --- The list -----------------------------------------------------------------------


def test_list_shows_titles_newest_first(member_client, member, service_page, organization):
    older = notify_about(member, make_event(service_page, organization, member, "QR-2026-000001"))
    newer = notify_about(member, make_event(service_page, organization, member, "QR-2026-000002"))
    Notification.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=1))

    response = member_client.get(LIST_URL)

    text = page_text(response)
    assert response.status_code == 200
    assert [shown.pk for shown in response.context["shown_notifications"]] == [newer.pk, older.pk]
    assert text.index(submitted_title("QR-2026-000002")) < text.index(submitted_title("QR-2026-000001"))
    assert f'href="/hesab/bildirisler/{newer.pk}/"' in text


def test_list_marks_unread_for_eyes_and_screen_readers(member_client, member, service_page, organization):
    unread = notify_about(member, make_event(service_page, organization, member, "QR-2026-000001"))
    read = notify_about(member, make_event(service_page, organization, member, "QR-2026-000002"))
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())

    text = page_text(member_client.get(LIST_URL))

    unread_link = re.search(rf'<a [^>]*href="/hesab/bildirisler/{unread.pk}/">(.*?)</a>', text).group(1)
    read_link = re.search(rf'<a [^>]*href="/hesab/bildirisler/{read.pk}/">(.*?)</a>', text).group(1)
    assert f'<span class="visually-hidden">{translated("Unread:")} </span>' in unread_link
    assert translated("Unread:") not in read_link
    assert text.count(f'<strong class="tag" aria-hidden="true">{translated("Unread")}</strong>') == 1


def test_list_is_paginated(member_client, member, event):
    for _ in range(PER_PAGE + 3):
        notify_about(member, event)

    first = member_client.get(LIST_URL)
    second = member_client.get(LIST_URL, {"page": 2})
    beyond = member_client.get(LIST_URL, {"page": "çox"})

    assert len(first.context["shown_notifications"]) == PER_PAGE
    assert len(second.context["shown_notifications"]) == 3
    assert 'rel="next"' in page_text(first)
    assert beyond.status_code == 200


def test_list_shows_only_own_notifications(member_client, member, colleague, event):
    notify_about(colleague, event)

    response = member_client.get(LIST_URL)

    assert response.context["shown_notifications"] == []
    assert translated("You have no notifications yet. We will tell you here, and by e-mail, when an application of your organization changes status.") in page_text(response)


def test_titles_follow_the_page_language(member_client, member, event):
    notify_about(member, event)

    english = page_text(member_client.get(f"/en{LIST_URL}"))
    azerbaijani = page_text(member_client.get(LIST_URL))

    assert "Application QR-2026-000042 has been submitted" in english
    assert submitted_title("QR-2026-000042") in azerbaijani


def test_service_title_stands_in_for_a_missing_reference(member_client, member, service_page, organization):
    event = make_event(service_page, organization, member, reference=None)
    notify_about(member, event)

    text = page_text(member_client.get(LIST_URL))

    assert submitted_title("Qrant müqaviləsinin qeydiyyatı") in text


def test_signed_out_reader_is_sent_to_sign_in(client):
    response = client.get(LIST_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/hesab/login/")


# --- Opening one ------------------------------------------------------------------------


def test_open_marks_read_and_goes_to_the_filing(member_client, member, event):
    notification = notify_about(member, event)

    response = member_client.get(f"{LIST_URL}{notification.pk}/")

    notification.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"/muracietler/{event.filing_id}/"
    assert notification.read_at is not None


def test_open_in_english_goes_to_the_english_page(member_client, member, event):
    notification = notify_about(member, event)

    response = member_client.get(f"/en{LIST_URL}{notification.pk}/")

    assert response["Location"] == f"/en/muracietler/{event.filing_id}/"


def test_open_twice_keeps_the_first_read_time(member_client, member, event):
    notification = notify_about(member, event)
    member_client.get(f"{LIST_URL}{notification.pk}/")
    notification.refresh_from_db()
    first_read = notification.read_at

    member_client.get(f"{LIST_URL}{notification.pk}/")

    notification.refresh_from_db()
    assert notification.read_at == first_read


def test_another_persons_notification_is_404(member_client, colleague, event):
    notification = notify_about(colleague, event)

    response = member_client.get(f"{LIST_URL}{notification.pk}/")
    missing = member_client.get(f"{LIST_URL}999999/")

    notification.refresh_from_db()
    assert response.status_code == 404
    assert missing.status_code == 404
    assert notification.read_at is None


def test_open_rejects_post(member_client, member, event):
    notification = notify_about(member, event)

    response = member_client.post(f"{LIST_URL}{notification.pk}/")

    assert response.status_code == 405


# --- Targets that are gone --------------------------------------------------------------


def test_deleted_target_shows_neutral_text_without_link(member_client, member, event):
    notification = notify_about(member, event)
    event.delete()

    response = member_client.get(LIST_URL)

    text = page_text(response)
    assert response.status_code == 200
    assert translated("This notification is about something that is no longer available.") in text
    assert f'href="/hesab/bildirisler/{notification.pk}/"' not in text


def test_opening_a_deleted_target_returns_to_the_list(member_client, member, event):
    notification = notify_about(member, event)
    event.delete()

    response = member_client.get(f"{LIST_URL}{notification.pk}/", follow=True)

    notification.refresh_from_db()
    assert response.redirect_chain == [(LIST_URL, 302)]
    assert notification.read_at is not None
    assert translated("This notification is about something that is no longer available.") in page_text(response)


def test_unregistered_kind_shows_neutral_text(member_client, member, event):
    notification = notify_about(member, event)
    Notification.objects.filter(pk=notification.pk).update(kind="filing.archived")

    response = member_client.get(LIST_URL)

    assert response.status_code == 200
    assert translated("This notification is about something that is no longer available.") in page_text(response)


# --- Mark all as read ------------------------------------------------------------------


def test_mark_all_read_marks_only_own(member_client, member, colleague, event):
    own = [notify_about(member, event), notify_about(member, event)]
    others = notify_about(colleague, event)

    response = member_client.post(f"{LIST_URL}hamisini-oxunmus-et/")

    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    assert Notification.objects.filter(pk__in=[item.pk for item in own], read_at=None).count() == 0
    assert Notification.objects.get(pk=others.pk).read_at is None


def test_mark_all_read_needs_post_with_csrf(member, event):
    notify_about(member, event)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    by_get = client.get(f"{LIST_URL}hamisini-oxunmus-et/")
    without_token = client.post(f"{LIST_URL}hamisini-oxunmus-et/")

    assert by_get.status_code == 405
    assert without_token.status_code == 403
    assert Notification.objects.filter(recipient=member).unread().count() == 1


def test_mark_all_form_only_with_unread(member_client, member, event):
    notification = notify_about(member, event)

    with_unread = page_text(member_client.get(LIST_URL))
    Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
    all_read = page_text(member_client.get(LIST_URL))

    form = re.search(r'<form method="post" action="/hesab/bildirisler/hamisini-oxunmus-et/">(.*?)</form>', with_unread, re.S)
    assert 'name="csrfmiddlewaretoken"' in form.group(1)
    assert "hamisini-oxunmus-et" not in all_read


# --- The header and the account page -----------------------------------------------------


def test_header_shows_unread_count(member_client, member, event):
    notify_about(member, event)
    notify_about(member, event)

    text = page_text(member_client.get("/hesab/"))

    link = re.search(r'<a href="/hesab/bildirisler/"[^>]*>(.*?)</a>', text).group(1)
    assert translated("Notifications") in link
    assert '<span class="tag" aria-hidden="true">2</span>' in link
    assert '<span class="visually-hidden">' in link


def test_header_without_unread_shows_no_count(member_client, member, event):
    notification = notify_about(member, event)
    Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())

    text = page_text(member_client.get("/hesab/"))

    link = re.search(r'<a href="/hesab/bildirisler/"[^>]*>(.*?)</a>', text).group(1)
    assert link == translated("Notifications")


def test_header_marks_the_list_as_current_page(member_client):
    text = page_text(member_client.get(LIST_URL))

    assert '<a href="/hesab/bildirisler/" aria-current="page">' in text


def test_header_for_signed_out_reader_has_no_notifications(client):
    text = page_text(client.get("/hesab/login/"))

    assert "/hesab/bildirisler/" not in text


def test_unread_count_is_one_query(member_client, member, event, rf):
    notify_about(member, event)
    request = rf.get("/")
    request.user = member
    count = unread_notifications(request)["unread_notifications"]

    with CaptureQueriesContext(connection) as queries:
        assert count() == 1
    with CaptureQueriesContext(connection) as page_queries:
        member_client.get("/hesab/")

    counting = [query["sql"] for query in page_queries if "notifications_notification" in query["sql"]]
    assert len(queries) == 1
    assert len(counting) == 1
    assert "COUNT(" in counting[0]


def test_account_page_links_to_notifications(member_client):
    text = page_text(member_client.get("/hesab/"))

    assert f'<a href="/hesab/bildirisler/">{translated("Your notifications")}</a>' in text


def test_list_queries_do_not_grow_with_notifications(
    member_client, member, service_page, organization, django_assert_max_num_queries
):
    for number in range(PER_PAGE):
        notify_about(member, make_event(service_page, organization, member, f"QR-2026-{number + 1:06d}"))
    member_client.get(LIST_URL)  # Warm the per-process caches (site root, locales).

    # Sessions, the person, the page of notifications, their events with
    # filings and pages, and the header's count: not one query per row.
    with django_assert_max_num_queries(15):
        response = member_client.get(LIST_URL)

    assert len(response.context["shown_notifications"]) == PER_PAGE
