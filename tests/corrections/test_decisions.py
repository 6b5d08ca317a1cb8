"""Accepting and rejecting correction requests: the record, its history, the
checks that refuse to apply a request, and the notifications."""

import datetime
import html

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.corrections import decisions
from cms.corrections.choices import CorrectionStatus
from cms.corrections.models import CorrectionRequest
from cms.notifications.models import Notification
from cms.organizations import membership
from cms.organizations.models import Organization
from forms.models import Filing, FilingAction, FilingEvent
from tests.accounts.people import make_person, mail_to, translated

from .conftest import admin_url, send

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def log_entries(instance, action: str):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=str(instance.pk), action=action
    )


def request_for(client, organization, subject, values, **kwargs) -> CorrectionRequest:
    response = send(client, organization, subject, values, **kwargs)
    assert response.status_code == 302, text_of(response)[:2000]
    return CorrectionRequest.objects.latest("pk")


def decide(action, django_capture_on_commit_callbacks, run_queued_tasks):
    with django_capture_on_commit_callbacks(execute=True):
        result = action()
    run_queued_tasks()
    return result


# --- Organization's record ----------------------------------------------------------------


def test_accepting_changes_the_organization_with_history(
    officer, officer_client, member, member_client, organization, private_media_root
):
    correction = request_for(member_client, organization, "voen", {"voen": "1400057422"})

    response = officer_client.post(admin_url("accept", correction), {"note": "Çıxarışla yoxlanıldı."})

    assert response.status_code == 302
    organization.refresh_from_db()
    correction.refresh_from_db()
    assert organization.voen == "1400057422"
    assert correction.status == CorrectionStatus.ACCEPTED
    assert correction.decided_by == officer
    assert correction.decision_note == "Çıxarışla yoxlanıldı."

    entry = log_entries(organization, "corrections.organization_corrected").get()
    assert entry.user == officer
    assert entry.data["changes"] == {"voen": {"before": "1400057421", "after": "1400057422"}}
    assert entry.data["correction_request"] == correction.pk
    assert entry.data["member"] == member.email
    assert log_entries(correction, "corrections.accepted").get().user == officer


def test_change_shows_in_the_organizations_admin_history(
    officer, member_client, organization, private_media_root
):
    from cms.organizations.setup import ensure_officer_group

    from .conftest import signed_in_client, staff_person

    correction = request_for(member_client, organization, "region", {"region": "seki"})
    decisions.accept(correction.pk, by=officer)
    registrar = staff_person("samir", "Samir", "Əhmədov", ensure_officer_group())

    page = text_of(signed_in_client(registrar).get(reverse("organization_admin:inspect", args=[organization.pk])))

    assert "Şəki rayonu" in page
    assert "Bakı şəhəri" in page
    assert translated("correction request No. %(number)s", "en", number=correction.pk) in page


def test_verified_organization_stays_verified(officer, member_client, organization, private_media_root):
    membership.set_verified(organization, officer, "Reyestrdən çıxarış №17", verified=True)
    correction = request_for(member_client, organization, "name", {"name": "Gənclər Birliyi İctimai Birliyi"})

    decisions.accept(correction.pk, by=officer)

    organization.refresh_from_db()
    assert organization.name == "Gənclər Birliyi İctimai Birliyi"
    assert organization.is_verified
    assert organization.verification_note == "Reyestrdən çıxarış №17"


def test_accepting_state_registration_writes_a_date(officer, member_client, organization, private_media_root):
    correction = request_for(
        member_client,
        organization,
        "state_registration",
        {"registration_number": "1402-QHT", "registration_date": "05.06.2015"},
    )

    decisions.accept(correction.pk, by=officer)

    organization.refresh_from_db()
    assert organization.registration_number == "1402-QHT"
    assert organization.registration_date == datetime.date(2015, 6, 5)


def test_accepted_name_is_searchable_in_the_register(officer, member_client, organization, private_media_root):
    from cms.organizations.admin.search import search_organizations

    correction = request_for(member_client, organization, "name", {"name": "İstiqlal Gənclər Birliyi"})

    decisions.accept(correction.pk, by=officer)

    assert search_organizations(Organization.objects.all(), "istiqlal").filter(pk=organization.pk).exists()


def test_rejecting_keeps_the_record(officer, officer_client, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "region", {"region": "seki"})

    response = officer_client.post(admin_url("reject", correction), {"reason": "Çıxarışda Bakı şəhəri yazılıb."})

    assert response.status_code == 302
    organization.refresh_from_db()
    correction.refresh_from_db()
    assert organization.region == "baki"
    assert correction.status == CorrectionStatus.REJECTED
    assert correction.decision_note == "Çıxarışda Bakı şəhəri yazılıb."
    assert log_entries(correction, "corrections.rejected").get().data["note"] == "Çıxarışda Bakı şəhəri yazılıb."
    assert not log_entries(organization, "corrections.organization_corrected").exists()


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_rejection_needs_a_reason(officer, officer_client, member_client, organization, reason, private_media_root):
    correction = request_for(member_client, organization, "region", {"region": "seki"})

    response = officer_client.post(admin_url("reject", correction), {"reason": reason})

    assert response.status_code == 200
    assert translated("Give the reason for the rejection.", "en") in text_of(response)
    correction.refresh_from_db()
    assert correction.is_open
    with pytest.raises(decisions.DecisionError):
        decisions.reject(correction.pk, by=officer, reason=reason)


def test_decided_request_cannot_be_decided_again(officer, officer_client, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "region", {"region": "seki"})
    decisions.reject(correction.pk, by=officer, reason="Sənəd yoxdur.")

    response = officer_client.post(admin_url("accept", correction), {"note": ""})

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.region == "baki"
    with pytest.raises(decisions.DecisionError):
        decisions.accept(correction.pk, by=officer)


def test_member_reads_the_decision(officer, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "region", {"region": "seki"})
    decisions.reject(correction.pk, by=officer, reason="Çıxarışda <b>Bakı</b> yazılıb.")

    page = member_client.get(reverse("corrections:detail", args=[organization.pk, correction.pk])).content.decode()
    listing = member_client.get(reverse("corrections:list", args=[organization.pk])).content.decode()

    assert "Çıxarışda &lt;b&gt;Bakı&lt;/b&gt; yazılıb." in page
    assert "<b>Bakı</b>" not in page
    assert "tag--status-rejected" in listing


# --- Checks that refuse to apply -------------------------------------------------------------


def test_stale_snapshot_is_refused(officer, officer_client, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "legal_address", {"legal_address": "Bakı, Nizami küçəsi 2"})
    organization.legal_address = "Bakı, Füzuli küçəsi 5"
    organization.save()

    response = officer_client.post(admin_url("accept", correction), {"note": ""})

    page = text_of(response)
    assert response.status_code == 200
    assert translated("The record has changed since the request was made, so nothing was changed.", "en") in page
    assert "Bakı, Füzuli küçəsi 5" in page
    organization.refresh_from_db()
    correction.refresh_from_db()
    assert organization.legal_address == "Bakı, Füzuli küçəsi 5"
    assert correction.is_open
    assert not log_entries(organization, "corrections.organization_corrected").exists()
    assert not Notification.objects.exists()


def test_review_page_warns_of_stale_snapshot(officer_client, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "legal_address", {"legal_address": "Bakı, Nizami küçəsi 2"})
    organization.legal_address = "Bakı, Füzuli küçəsi 5"
    organization.save()

    page = officer_client.get(admin_url("inspect", correction)).content.decode()

    assert "data-stale" in page
    assert 'data-row="legal_address" data-stale-row' in page


def test_voen_taken_since_the_request_is_refused(officer, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "voen", {"voen": "3300445566"})
    owner = make_person("leyla@example.az")
    from tests.eservices.conftest import make_organization

    make_organization(owner, "Şəki Regional İnkişaf Fondu", "3300445566")

    with pytest.raises(decisions.DecisionError) as refused:
        decisions.accept(correction.pk, by=officer)

    assert "Şəki Regional İnkişaf Fondu" in str(refused.value)
    organization.refresh_from_db()
    assert organization.voen == "1400057421"
    correction.refresh_from_db()
    assert correction.is_open


def test_state_registration_number_taken_is_refused(officer, member_client, organization, outsider, private_media_root):
    correction = request_for(
        member_client,
        organization,
        "state_registration",
        {"registration_number": "1402-QHT", "registration_date": "2015-06-05"},
    )
    other = Organization.objects.get(voen="2200112233")
    other.registration_number = "1402-QHT"
    other.save()

    with pytest.raises(decisions.DecisionError):
        decisions.accept(correction.pk, by=officer)

    organization.refresh_from_db()
    assert organization.registration_number == ""


def test_value_no_longer_valid_is_refused(officer, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "region", {"region": "seki"})
    CorrectionRequest.objects.filter(pk=correction.pk).update(requested_values={"region": "atlantida"})

    with pytest.raises(decisions.DecisionError):
        decisions.accept(correction.pk, by=officer)

    organization.refresh_from_db()
    assert organization.region == "baki"


def test_decision_needs_permission(decider, member_client, organization, private_media_root):
    correction = request_for(member_client, organization, "region", {"region": "seki"})

    with pytest.raises(decisions.DecisionError):
        decisions.accept(correction.pk, by=decider)
    with pytest.raises(decisions.DecisionError):
        decisions.reject(correction.pk, by=decider, reason="Yox")

    correction.refresh_from_db()
    assert correction.is_open


# --- A filing's registration record ---------------------------------------------------------


def test_accepting_changes_the_filing_with_history(
    officer, officer_client, member, member_client, organization, accepted_filing, private_media_root
):
    today = timezone.localdate().isoformat()
    correction = request_for(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-78", "registration_date": today},
        filing=accepted_filing,
    )

    response = officer_client.post(admin_url("accept", correction), {"note": "Nömrə düzəldildi."})

    assert response.status_code == 302
    accepted_filing.refresh_from_db()
    assert accepted_filing.registration_number == "QR-QEYD-78"
    assert accepted_filing.updated_by == officer
    event = FilingEvent.objects.get(filing=accepted_filing, action=FilingAction.RECORD_CORRECTED)
    assert event.user == officer
    assert event.note == "Nömrə düzəldildi."
    assert event.details == {"registration_number": {"before": "QR-QEYD-77", "after": "QR-QEYD-78"}}
    assert event.from_status == event.to_status == "accepted"
    entry = log_entries(accepted_filing, "corrections.filing_corrected").get()
    assert entry.user == officer
    assert entry.data["correction_request"] == correction.pk


def test_applicant_sees_the_correction_in_the_filing_history(
    officer, member_client, organization, accepted_filing, private_media_root
):
    correction = request_for(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-78", "registration_date": accepted_filing.registration_date.isoformat()},
        filing=accepted_filing,
    )
    decisions.accept(correction.pk, by=officer, note="Nömrə düzəldildi.")

    page = text_of(member_client.get(reverse("eservices:filing_detail", args=[accepted_filing.pk])))

    assert translated("Registration record corrected") in page
    assert "QR-QEYD-78" in page
    assert "Nömrə düzəldildi." in page
    assert officer.email not in page


def test_filing_registration_number_taken_is_refused(
    officer, member_client, member, organization, accepted_filing, service_page, chief, private_media_root
):
    from forms.review import actions
    from tests.review.conftest import submitted_grant_filing

    correction = request_for(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-90", "registration_date": accepted_filing.registration_date.isoformat()},
        filing=accepted_filing,
    )
    other = submitted_grant_filing(service_page, organization, member)
    actions.accept(other.pk, by=chief, registration_number="QR-QEYD-90")

    with pytest.raises(decisions.DecisionError) as refused:
        decisions.accept(correction.pk, by=officer)

    assert other.reference in str(refused.value)
    accepted_filing.refresh_from_db()
    assert accepted_filing.registration_number == "QR-QEYD-77"
    assert not FilingEvent.objects.filter(action=FilingAction.RECORD_CORRECTED).exists()


def test_filing_changed_since_the_request_is_refused(
    officer, member_client, organization, accepted_filing, private_media_root
):
    correction = request_for(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-78", "registration_date": accepted_filing.registration_date.isoformat()},
        filing=accepted_filing,
    )
    Filing.objects.filter(pk=accepted_filing.pk).update(registration_number="QR-QEYD-80")

    with pytest.raises(decisions.DecisionError):
        decisions.accept(correction.pk, by=officer)

    accepted_filing.refresh_from_db()
    assert accepted_filing.registration_number == "QR-QEYD-80"


def test_rejecting_keeps_the_filing(officer, member_client, organization, accepted_filing, private_media_root):
    correction = request_for(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-78", "registration_date": accepted_filing.registration_date.isoformat()},
        filing=accepted_filing,
    )

    decisions.reject(correction.pk, by=officer, reason="Qeydiyyat nömrəsi düzgündür.")

    accepted_filing.refresh_from_db()
    assert accepted_filing.registration_number == "QR-QEYD-77"
    assert not FilingEvent.objects.filter(action=FilingAction.RECORD_CORRECTED).exists()


# --- Notifications ----------------------------------------------------------------------------


@pytest.fixture
def russian_owner(organization, member):
    """A second owner who reads Russian."""
    person = make_person("olga@example.az", language="ru")
    invitation, _secret = membership.invite(organization, person.email, "owner", member)
    membership.accept_invitation(invitation, person)
    return person


def test_acceptance_notifies_requester_and_owners(
    officer, colleague, colleague_client, member, russian_owner, organization, private_media_root,
    django_capture_on_commit_callbacks, run_queued_tasks,
):
    correction = request_for(colleague_client, organization, "region", {"region": "seki"})

    decide(
        lambda: decisions.accept(correction.pk, by=officer, note="Çıxarışla yoxlanıldı."),
        django_capture_on_commit_callbacks,
        run_queued_tasks,
    )

    recipients = set(Notification.objects.filter(kind="correction.accepted").values_list("recipient__email", flat=True))
    assert recipients == {colleague.email, member.email, russian_owner.email}
    assert len(mail.outbox) == 3
    url_path = reverse("corrections:detail", args=[organization.pk, correction.pk])
    for address, language in (("aysel@example.az", "az"), ("kamran@example.az", "en"), ("olga@example.az", "ru")):
        message = mail_to(address)[0]
        assert message.body.startswith(translated("Hello,", language))
        assert "Çıxarışla yoxlanıldı." in message.body
        assert "Şəki rayonu" in message.body
        assert "Bakı şəhəri" in message.body
        assert str(correction.pk) in message.subject
        prefix = "" if language == "az" else f"/{language}"
        assert f"{settings.SITE_BASE_URL}{prefix}{url_path}" in message.body


def test_member_requester_is_notified(
    officer, colleague, colleague_client, member, organization, private_media_root,
    django_capture_on_commit_callbacks, run_queued_tasks,
):
    correction = request_for(colleague_client, organization, "region", {"region": "seki"})

    decide(
        lambda: decisions.reject(correction.pk, by=officer, reason="Sənəd oxunmur."),
        django_capture_on_commit_callbacks,
        run_queued_tasks,
    )

    assert len(mail_to(colleague.email)) == 1
    assert len(mail_to(member.email)) == 1


def test_requester_who_left_is_not_told(
    officer, colleague, colleague_client, member, organization, private_media_root,
    django_capture_on_commit_callbacks, run_queued_tasks,
):
    correction = request_for(colleague_client, organization, "region", {"region": "seki"})
    membership.leave(colleague.memberships.get())

    decide(
        lambda: decisions.reject(correction.pk, by=officer, reason="Sənəd oxunmur."),
        django_capture_on_commit_callbacks,
        run_queued_tasks,
    )

    assert mail_to(colleague.email) == []
    assert len(mail_to(member.email)) == 1


def test_rejection_mail_gives_the_reason_as_typed(
    officer, member, member_client, organization, private_media_root,
    django_capture_on_commit_callbacks, run_queued_tasks,
):
    reason = "Çıxarışda <b>Bakı</b> & “İstiqlal” yazılıb.\nYeni sənəd göndərin."
    correction = request_for(member_client, organization, "region", {"region": "seki"}, reason="<script>x</script>")

    decide(
        lambda: decisions.reject(correction.pk, by=officer, reason=reason),
        django_capture_on_commit_callbacks,
        run_queued_tasks,
    )

    message = mail_to(member.email)[0]
    assert reason in message.body
    assert "&amp;" not in message.body
    assert "&lt;" not in message.body
    assert "\n" not in message.subject
    assert organization.name in message.subject
    assert translated("Reason for the rejection:") in message.body


def test_notification_title_and_link_on_the_site(
    officer, member, member_client, organization, private_media_root
):
    correction = request_for(member_client, organization, "voen", {"voen": "1400057422"})
    decisions.accept(correction.pk, by=officer)

    page = text_of(member_client.get(reverse("notifications:list")))
    notification = Notification.objects.get(recipient=member)
    opened = member_client.get(reverse("notifications:open", args=[notification.pk]))

    assert opened.status_code == 302
    assert opened.url == reverse("corrections:detail", args=[organization.pk, correction.pk])
    assert translated(
        "Correction request No. %(number)s (%(subject)s) has been accepted",
        number=correction.pk,
        subject="VÖEN",
    ) in page
