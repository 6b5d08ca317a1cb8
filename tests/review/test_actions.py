"""The reviewer's actions in the admin: assign, accept, return for
correction and reject, who may take them, and what they record."""

import datetime
import html

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from forms.models import FieldCorrection, Filing, FilingAction, FilingStatus
from forms.review import actions

from .conftest import admin_url, signed_in_client

pytestmark = pytest.mark.django_db

ACTIONS = ["assign", "accept", "return", "reject"]


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def messages_of(response) -> list[str]:
    """The messages for the next page, as the reader sees them: Wagtail stores them escaped as HTML."""
    return [html.unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


def log_entries(filing, action):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Filing), object_id=str(filing.pk), action=action
    )


def return_data(**rows) -> dict:
    """POST data flagging each keyword's field with its comment."""
    data = {"flagged": list(rows), "note": ""}
    for name, comment in rows.items():
        data[f"comment-{name}"] = comment
        data[f"article_link-{name}"] = ""
        data[f"article_label-{name}"] = ""
    return data


# --- Accept -------------------------------------------------------------------------------


def test_accept_records_decision(decider, decider_client, grant_filing):
    today = timezone.localdate()

    response = decider_client.post(
        admin_url("accept", grant_filing),
        {"registration_number": " QR-QEYD-77 ", "registration_date": today.isoformat(), "note": "Qeydiyyata alındı."},
    )

    assert response.status_code == 302
    assert response["Location"] == admin_url("inspect", grant_filing)
    grant_filing.refresh_from_db()
    assert grant_filing.status == FilingStatus.ACCEPTED
    assert grant_filing.registration_number == "QR-QEYD-77"
    assert grant_filing.registration_date == today
    assert grant_filing.decided_at is not None
    event = grant_filing.events.get(action=FilingAction.ACCEPTED)
    assert event.user == decider
    assert event.note == "Qeydiyyata alındı."
    assert messages_of(response) == [f"Filing {grant_filing.reference} is accepted. The applicant has been notified."]


def test_accept_writes_audit_log(decider, decider_client, grant_filing):
    decider_client.post(admin_url("accept", grant_filing), {"registration_number": "QR-QEYD-77", "note": ""})

    entry = log_entries(grant_filing, "eservices.accepted").get()
    assert entry.user == decider
    assert entry.data["status"] == {"before": "submitted", "after": "accepted"}
    assert entry.data["registration_number"] == {"before": "", "after": "QR-QEYD-77"}


def test_accept_rejects_future_registration_date(decider_client, grant_filing):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = decider_client.post(admin_url("accept", grant_filing), {"registration_date": tomorrow.isoformat()})

    assert response.status_code == 200
    assert "The date of registration cannot be in the future." in response.content.decode()
    grant_filing.refresh_from_db()
    assert grant_filing.status == FilingStatus.SUBMITTED


def test_accept_rejects_invalid_date(decider_client, grant_filing):
    response = decider_client.post(admin_url("accept", grant_filing), {"registration_date": "2026-02-31"})

    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


@pytest.mark.parametrize("typed", ["0001-01-01", "1900-01-01"])
def test_accept_rejects_ancient_registration_date(decider_client, grant_filing, typed):
    response = decider_client.post(admin_url("accept", grant_filing), {"registration_date": typed})

    assert response.status_code == 200
    assert "The date of registration cannot be before the filing was first submitted" in text_of(response)
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


def test_accept_rejects_date_before_first_submission(decider_client, grant_filing):
    first_submitted = timezone.localtime() - datetime.timedelta(days=10)
    Filing.objects.filter(pk=grant_filing.pk).update(first_submitted_at=first_submitted)
    day_before = first_submitted.date() - datetime.timedelta(days=1)

    response = decider_client.post(admin_url("accept", grant_filing), {"registration_date": day_before.isoformat()})

    with translation.override("en"):
        shown_date = date_format(first_submitted.date(), "SHORT_DATE_FORMAT")
    expected = f"The date of registration cannot be before the filing was first submitted, on {shown_date}."
    assert response.status_code == 200
    assert expected in text_of(response)
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


def test_accept_allows_first_submission_day(decider_client, grant_filing):
    first_submitted = timezone.localtime() - datetime.timedelta(days=10)
    Filing.objects.filter(pk=grant_filing.pk).update(first_submitted_at=first_submitted)

    response = decider_client.post(
        admin_url("accept", grant_filing), {"registration_date": first_submitted.date().isoformat()}
    )

    assert response.status_code == 302
    filing = Filing.objects.get(pk=grant_filing.pk)
    assert filing.status == FilingStatus.ACCEPTED
    assert filing.registration_date == first_submitted.date()


# --- Assign ---------------------------------------------------------------------------------


def test_assign_form_lists_reviewers_only(decider_client, grant_filing, second_decider, viewer, donor_reviewer):
    response = decider_client.get(admin_url("assign", grant_filing))

    choices = {str(person) for person in response.context["form"].fields["reviewer"].queryset}
    assert response.status_code == 200
    assert str(second_decider) in choices
    assert str(viewer) not in choices
    assert str(donor_reviewer) not in choices
    assert response.context["form"].initial == {"reviewer": response.wsgi_request.user.pk}


def test_assign_to_colleague(decider, decider_client, grant_filing, second_decider):
    response = decider_client.post(
        admin_url("assign", grant_filing), {"reviewer": second_decider.pk, "note": "Elvin baxsın."}
    )

    assert response.status_code == 302
    grant_filing.refresh_from_db()
    assert grant_filing.assigned_to == second_decider
    assert grant_filing.status == FilingStatus.UNDER_REVIEW
    entry = log_entries(grant_filing, "eservices.assigned").get()
    assert entry.user == decider
    assert entry.data["assigned_to"] == {"before": "", "after": "Elvin Əliyev"}
    assert entry.data["status"] == {"before": "submitted", "after": "under_review"}
    assert entry.data["internal_note"] == "Elvin baxsın."
    assert messages_of(response) == [f"Filing {grant_filing.reference} is assigned to Elvin Əliyev."]


def test_assign_to_view_only_person_is_invalid(decider_client, grant_filing, viewer):
    response = decider_client.post(admin_url("assign", grant_filing), {"reviewer": viewer.pk})

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    grant_filing.refresh_from_db()
    assert grant_filing.assigned_to is None


def test_assign_with_non_numeric_reviewer(decider_client, grant_filing):
    response = decider_client.post(admin_url("assign", grant_filing), {"reviewer": "nigar'; --"})

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


# --- Reject ---------------------------------------------------------------------------------


def test_reject_records_reason(decider, decider_client, grant_filing):
    reason = "Qrant müqaviləsi Qanunun 3-cü maddəsinə uyğun deyil."

    response = decider_client.post(admin_url("reject", grant_filing), {"reason": reason})

    assert response.status_code == 302
    grant_filing.refresh_from_db()
    assert grant_filing.status == FilingStatus.REJECTED
    assert grant_filing.events.get(action=FilingAction.REJECTED).note == reason
    entry = log_entries(grant_filing, "eservices.rejected").get()
    assert entry.user == decider
    assert entry.data["note"] == reason
    assert entry.data["status"] == {"before": "submitted", "after": "rejected"}


@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_requires_reason(decider_client, grant_filing, reason):
    response = decider_client.post(admin_url("reject", grant_filing), {"reason": reason})

    assert response.status_code == 200
    assert "Give the reason for the rejection." in response.content.decode()
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


# --- Return for correction ---------------------------------------------------------------------


def test_return_form_prefills_article_from_field(decider_client, grant_filing):
    response = decider_client.get(admin_url("return", grant_filing))

    form = response.context["form"]
    assert response.status_code == 200
    assert [row.name for row in form.rows][:2] == ["teskilatin_adi", "olke"]
    assert form["article_link-teskilatin_adi"].value() == "/qanunlar/qrantlar-haqqinda/madde-3/"
    assert form["article_label-teskilatin_adi"].value() == "Qrant haqqında Qanun, maddə 3"
    assert "Gənclər Birliyi İctimai Birliyi" in response.content.decode()


def test_return_flags_fields(decider, decider_client, grant_filing):
    data = return_data(
        teskilatin_adi="Ad dövlət reyestrindəki kimi deyil.",
        qrant_muqavilesi="Müqavilənin imzalı nüsxəsini əlavə edin.",
    )
    data["article_link-teskilatin_adi"] = "/qanunlar/qrantlar-haqqinda/madde-3/"
    data["article_label-teskilatin_adi"] = "Qrant haqqında Qanun, maddə 3"
    data["note"] = "Düzəlişdən sonra yenidən göndərin."

    response = decider_client.post(admin_url("return", grant_filing), data)

    assert response.status_code == 302
    grant_filing.refresh_from_db()
    assert grant_filing.status == FilingStatus.RETURNED
    corrections = {row.field_name: row for row in FieldCorrection.objects.filter(filing=grant_filing)}
    assert set(corrections) == {"teskilatin_adi", "qrant_muqavilesi"}
    assert corrections["teskilatin_adi"].field_label == "Təşkilatın adı"
    assert corrections["teskilatin_adi"].article_link == "/qanunlar/qrantlar-haqqinda/madde-3/"
    assert corrections["qrant_muqavilesi"].comment == "Müqavilənin imzalı nüsxəsini əlavə edin."
    assert corrections["qrant_muqavilesi"].created_by == decider
    assert grant_filing.events.get(action=FilingAction.RETURNED).note == "Düzəlişdən sonra yenidən göndərin."
    entry = log_entries(grant_filing, "eservices.returned").get()
    assert entry.user == decider
    assert entry.data["status"] == {"before": "submitted", "after": "returned"}
    assert {item["field"] for item in entry.data["corrections"]} == {"teskilatin_adi", "qrant_muqavilesi"}


def test_return_without_flag_is_an_error(decider_client, grant_filing):
    data = return_data()
    data["note"] = "Sənədlər natamamdır."

    response = decider_client.post(admin_url("return", grant_filing), data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Mark at least one field or document to correct." in content
    assert "Sənədlər natamamdır." in content
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


def test_return_flag_without_comment_keeps_what_was_typed(decider_client, grant_filing):
    data = return_data(teskilatin_adi="", olke="Ölkə səhv seçilib.")

    response = decider_client.post(admin_url("return", grant_filing), data)

    assert response.status_code == 200
    form = response.context["form"]
    with translation.override("en"):
        # The errors are lazy: read them in the staff member's language, not the site's default.
        assert form.errors["comment-teskilatin_adi"] == ["Say what the applicant has to correct in this answer."]
    assert "comment-olke" not in form.errors
    assert form["comment-olke"].value() == "Ölkə səhv seçilib."
    assert form["flagged"].value() == ["teskilatin_adi", "olke"]
    assert 'value="olke" id="id_flagged_1" checked' in response.content.decode()
    assert not FieldCorrection.objects.filter(filing=grant_filing).exists()


def test_return_unknown_field_is_invalid(decider_client, grant_filing):
    response = decider_client.post(admin_url("return", grant_filing), return_data(bank_hesabi="Yoxdur."))

    assert response.status_code == 200
    assert "Select a valid choice. bank_hesabi is not one of the available choices." in response.content.decode()
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


def test_return_checks_article_link_of_flagged_field(decider_client, grant_filing):
    data = return_data(teskilatin_adi="Ad səhvdir.")
    data["article_link-teskilatin_adi"] = "javascript:alert(1)"
    data["article_link-olke"] = "ftp://not-flagged.example"

    response = decider_client.post(admin_url("return", grant_filing), data)

    form = response.context["form"]
    assert response.status_code == 200
    assert "article_link-teskilatin_adi" in form.errors
    assert "article_link-olke" not in form.errors
    assert not FieldCorrection.objects.filter(filing=grant_filing).exists()


# --- Who may act ----------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
def test_view_only_staff_get_403(viewer_client, grant_filing, action):
    assert viewer_client.get(admin_url(action, grant_filing)).status_code == 403
    assert viewer_client.post(admin_url(action, grant_filing), {"reason": "Rədd."}).status_code == 403
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


@pytest.mark.parametrize("action", ACTIONS)
def test_other_service_reviewer_gets_404(donor_client, grant_filing, action):
    assert donor_client.get(admin_url(action, grant_filing)).status_code == 404
    assert donor_client.post(admin_url(action, grant_filing), {"reason": "Rədd."}).status_code == 404
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


@pytest.mark.parametrize("action", ACTIONS)
def test_applicant_is_sent_to_admin_sign_in(member_client, grant_filing, action):
    response = member_client.post(admin_url(action, grant_filing), {"reason": "Rədd."})

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


def test_draft_is_404_for_reviewers(decider_client, draft_filing):
    assert decider_client.get(admin_url("accept", draft_filing)).status_code == 404


def test_chief_decides_on_any_service(chief, grant_filing, donor_filing):
    client = signed_in_client(chief)

    response = client.post(admin_url("reject", donor_filing), {"reason": "Donor reyestrdə yoxdur."})

    assert response.status_code == 302
    assert Filing.objects.get(pk=donor_filing.pk).status == FilingStatus.REJECTED


def test_post_needs_csrf_token(decider, grant_filing):
    client = Client(enforce_csrf_checks=True)
    client.force_login(decider)

    response = client.post(admin_url("reject", grant_filing), {"reason": "Rədd."})

    assert response.status_code == 403
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


def test_action_error_becomes_form_error(monkeypatch, viewer_client, grant_filing):
    """The action functions check permission again; their refusal is shown on the form."""
    monkeypatch.setattr("forms.review.admin.action_views.access.can_decide", lambda user, filing: True)

    response = viewer_client.post(admin_url("reject", grant_filing), {"reason": "Rədd."})

    assert response.status_code == 200
    assert "You do not have permission to act on filings of this e-service." in response.content.decode()
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.SUBMITTED


# --- Wrong status -----------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
def test_decided_filing_refuses_actions(decider, decider_client, grant_filing, action):
    actions.accept(grant_filing.pk, by=decider)

    shown = decider_client.get(admin_url(action, grant_filing))
    posted = decider_client.post(admin_url(action, grant_filing), {"reason": "Rədd.", "reviewer": decider.pk})

    assert shown.status_code == 302
    assert shown["Location"] == admin_url("inspect", grant_filing)
    assert posted.status_code == 302
    assert "This cannot be done while the filing's status is “Accepted”." in messages_of(shown)
    assert "This cannot be done while the filing's status is “Accepted”." in messages_of(posted)
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.ACCEPTED


def test_returned_filing_can_be_rejected(decider, decider_client, grant_filing):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("olke", "Ölkə səhvdir.")], by=decider)
    reason = "Müraciət edən 30 gün ərzində düzəliş etmədi: Qanunun 12-ci maddəsi."

    shown = decider_client.get(admin_url("reject", grant_filing))
    posted = decider_client.post(admin_url("reject", grant_filing), {"reason": reason})

    assert shown.status_code == 200
    assert posted.status_code == 302
    assert posted["Location"] == admin_url("inspect", grant_filing)
    filing = Filing.objects.get(pk=grant_filing.pk)
    assert filing.status == FilingStatus.REJECTED
    event = filing.events.get(action=FilingAction.REJECTED)
    assert event.from_status == FilingStatus.RETURNED
    assert event.note == reason


@pytest.mark.parametrize("action", ["assign", "accept", "return"])
def test_returned_filing_refuses_other_actions(decider, decider_client, grant_filing, action):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("olke", "Ölkə səhvdir.")], by=decider)

    shown = decider_client.get(admin_url(action, grant_filing))

    assert shown.status_code == 302
    assert shown["Location"] == admin_url("inspect", grant_filing)
    assert "This cannot be done while the filing's status is “Returned for correction”." in messages_of(shown)
    assert Filing.objects.get(pk=grant_filing.pk).status == FilingStatus.RETURNED
