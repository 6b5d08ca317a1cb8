"""The member's two-step request form: choosing what to correct, the checks on
each value, the evidence files, and what a failed form keeps."""

import datetime
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.corrections.choices import CorrectionStatus
from cms.corrections.forms import values_digest
from cms.corrections.models import CorrectionEvidence, CorrectionRequest
from cms.corrections.subjects import organization_target
from tests.accounts.people import translated, translated_plural
from tests.eservices import files

from .conftest import pdf, png, send

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return html.unescape(response.content.decode())


RECORD_CHANGED = (
    "The ministry's record changed while you were filling in the form. Check the value it has now "
    "and your answer, then send the request again."
)


def conflict_message(field: str, value: str) -> str:
    return translated(
        "%(field)s %(value)s is already on another record of the ministry. Check what you typed. "
        "If the other record is wrong, contact the ministry.",
        field=field,
        value=value,
    )


def new_url(organization, subject: str) -> str:
    return reverse("corrections:new", args=[organization.pk, subject])


# --- Step one: choose -------------------------------------------------------------------


def test_organization_page_links_to_corrections(member_client, organization):
    response = member_client.get(reverse("organizations:detail", args=[organization.pk]))

    assert reverse("corrections:list", args=[organization.pk]) in response.content.decode()


def test_colleague_sees_link_too(colleague_client, organization):
    response = colleague_client.get(reverse("organizations:detail", args=[organization.pk]))

    assert reverse("corrections:list", args=[organization.pk]) in response.content.decode()


def test_choose_lists_fields_with_current_values(member_client, organization, accepted_filing):
    response = member_client.get(reverse("corrections:choose", args=[organization.pk]))

    page = text_of(response)
    assert response.status_code == 200
    assert 'value="voen"' in page
    assert translated("now “%(value)s”", value="1400057421") in page
    assert translated("nothing recorded") in page
    assert 'value="region"' in page
    assert "Bakı şəhəri" in page
    assert f'value="filing-{accepted_filing.pk}"' in page
    assert "QR-QEYD-77" in page


def test_choose_leaves_out_filings_not_accepted(member_client, organization, service_page, member, private_media_root):
    from tests.review.conftest import submitted_grant_filing

    submitted = submitted_grant_filing(service_page, organization, member)

    response = member_client.get(reverse("corrections:choose", args=[organization.pk]))

    assert f'value="filing-{submitted.pk}"' not in response.content.decode()


def test_choose_redirects_to_the_form(member_client, organization, accepted_filing):
    url = reverse("corrections:choose", args=[organization.pk])

    field = member_client.post(url, {"subject": "region"})
    filing = member_client.post(url, {"subject": f"filing-{accepted_filing.pk}"})

    assert field.status_code == 302
    assert field.url == new_url(organization, "region")
    assert filing.url == reverse("corrections:new_filing", args=[organization.pk, accepted_filing.pk])


@pytest.mark.parametrize("subject", ["", "phone", "filing-999999", "voen\x00", "<b>ad</b>"])
def test_choose_rejects_unknown_choice(member_client, organization, subject):
    response = member_client.post(reverse("corrections:choose", args=[organization.pk]), {"subject": subject})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert "<b>ad</b>" not in response.content.decode()


def test_unknown_subject_in_address_is_404(member_client, organization):
    assert member_client.get(new_url(organization, "phone")).status_code == 404
    assert member_client.get(new_url(organization, "email")).status_code == 404


def test_other_organizations_filing_is_404(outsider_client, outsider, accepted_filing):
    own = outsider.memberships.get().organization

    response = outsider_client.get(reverse("corrections:new_filing", args=[own.pk, accepted_filing.pk]))

    assert response.status_code == 404


# --- Step two: the form ------------------------------------------------------------------


def test_form_shows_current_value_and_prefills_it(member_client, organization):
    response = member_client.get(new_url(organization, "voen"))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-current="voen">1400057421<' in page
    assert 'name="voen"' in page
    assert 'value="1400057421"' in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_valid_request_is_saved_with_snapshot(member, member_client, organization, private_media_root):
    response = send(member_client, organization, "voen", {"voen": "1400 057 422"}, evidence=[pdf(), png()])

    correction = CorrectionRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("corrections:detail", args=[organization.pk, correction.pk])
    assert correction.subject == "voen"
    assert correction.current_values == {"voen": "1400057421"}
    assert correction.requested_values == {"voen": "1400057422"}
    assert correction.status == CorrectionStatus.SUBMITTED
    assert correction.created_by == member
    assert sorted(row.content_type for row in correction.evidence.all()) == ["application/pdf", "image/png"]
    assert ModelLogEntry.objects.filter(action="corrections.submitted", object_id=str(correction.pk)).exists()


def test_request_leaves_the_record_alone(member_client, organization, private_media_root):
    send(member_client, organization, "name", {"name": "“Gənclər Birliyi” İctimai Birliyi"})

    organization.refresh_from_db()
    assert organization.name == "Gənclər Birliyi"


def test_colleague_may_ask_too(colleague, colleague_client, organization, private_media_root):
    response = send(colleague_client, organization, "legal_address", {"legal_address": "Bakı, İstiqlaliyyət küçəsi 27"})

    assert response.status_code == 302
    assert CorrectionRequest.objects.get().created_by == colleague


def test_state_registration_takes_number_and_date(member_client, organization, private_media_root):
    response = send(
        member_client,
        organization,
        "state_registration",
        {"registration_number": "1402-QHT", "registration_date": "2015-06-05"},
    )

    assert response.status_code == 302
    correction = CorrectionRequest.objects.get()
    assert correction.current_values == {"registration_number": "", "registration_date": ""}
    assert correction.requested_values == {"registration_number": "1402-QHT", "registration_date": "2015-06-05"}


def test_name_keeps_azerbaijani_letters_and_drops_line_breaks(member_client, organization, private_media_root):
    send(member_client, organization, "name", {"name": "  “İstiqlal” \r\n Gənclər\u202e Birliyi  "})

    assert CorrectionRequest.objects.get().requested_values == {"name": "“İstiqlal” Gənclər Birliyi"}


def test_only_case_of_i_differs_is_a_correction(member_client, organization, private_media_root):
    organization.name = "ISTIQLAL Birliyi"
    organization.save()

    response = send(member_client, organization, "name", {"name": "İSTİQLAL Birliyi"})

    assert response.status_code == 302


def test_filing_registration_request(member_client, organization, accepted_filing, private_media_root):
    today = timezone.localdate().isoformat()

    response = send(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-78", "registration_date": today},
        filing=accepted_filing,
    )

    correction = CorrectionRequest.objects.get()
    assert response.status_code == 302
    assert correction.filing == accepted_filing
    assert correction.subject == "filing_registration"
    assert correction.current_values == {"registration_number": "QR-QEYD-77", "registration_date": today}
    assert correction.requested_values["registration_number"] == "QR-QEYD-78"


# --- Checks on values ---------------------------------------------------------------------


def assert_error(response, message: str) -> None:
    assert response.status_code == 200
    page = text_of(response)
    assert "error-summary" in page
    assert message in page, page[:3000]
    assert not CorrectionRequest.objects.exists()


@pytest.mark.parametrize("voen", ["14000574", "1400O57421", "abcdefghij", "١٤٠٠٠٥٧٤٢١", "14000574211"])
def test_bad_voen_is_refused(member_client, organization, voen, private_media_root):
    response = send(member_client, organization, "voen", {"voen": voen})

    assert_error(response, translated("Enter the VÖEN as 10 digits, for example 1400057421."))


@pytest.mark.parametrize(("subject", "limit"), [("name", 255), ("legal_address", 500)])
def test_overlong_value_gets_one_length_error(member_client, organization, private_media_root, subject, limit):
    response = send(member_client, organization, subject, {subject: "Ə" * (limit * 4)})

    def length_error(maximum):
        return translated_plural(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            maximum,
            limit_value=maximum,
            show_value=limit * 4,
        )

    assert_error(response, length_error(limit))
    assert length_error(limit * 2) not in text_of(response)


def test_zero_voen_is_refused(member_client, organization, private_media_root):
    response = send(member_client, organization, "voen", {"voen": "0000000000"})

    assert_error(response, translated("This VÖEN is not valid."))


def test_unknown_region_is_refused(member_client, organization, private_media_root):
    response = send(member_client, organization, "region", {"region": "atlantida"})

    assert_error(response, "atlantida")


def test_unknown_legal_form_is_refused(member_client, organization, private_media_root):
    response = send(member_client, organization, "legal_form", {"legal_form": "company"})

    assert response.status_code == 200
    assert not CorrectionRequest.objects.exists()


def test_same_value_is_an_error(member_client, organization, private_media_root):
    response = send(member_client, organization, "voen", {"voen": "1400 057 421"})

    assert_error(response, translated("This is the value the ministry already has. Enter the correct value."))


def test_same_values_for_both_registration_fields(member_client, organization, private_media_root):
    organization.registration_number = "1402-QHT"
    organization.registration_date = datetime.date(2015, 6, 5)
    organization.save()

    response = send(
        member_client,
        organization,
        "state_registration",
        {"registration_number": "1402-QHT", "registration_date": "2015-06-05"},
    )

    assert_error(response, translated("These are the values the ministry already has. Change the one that is wrong."))


def test_same_region_is_an_error(member_client, organization, private_media_root):
    response = send(member_client, organization, "region", {"region": "baki"})

    assert_error(response, translated("This is the value the ministry already has. Enter the correct value."))


@pytest.mark.parametrize("date", ["1989-12-31", "0201-06-05", "2999-01-01", "2015-02-30", "5 iyun"])
def test_registration_date_out_of_range(member_client, organization, date, private_media_root):
    response = send(
        member_client, organization, "state_registration", {"registration_number": "1402-QHT", "registration_date": date}
    )

    assert response.status_code == 200
    assert not CorrectionRequest.objects.exists()


def test_future_date_message(member_client, organization, private_media_root):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = send(
        member_client, organization, "state_registration", {"registration_number": "1", "registration_date": tomorrow}
    )

    assert_error(response, translated("The date cannot be in the future."))


def test_filing_date_before_submission_is_refused(member_client, organization, accepted_filing, private_media_root):
    before = (timezone.localdate(accepted_filing.first_submitted_at) - datetime.timedelta(days=1)).isoformat()

    response = send(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-78", "registration_date": before},
        filing=accepted_filing,
    )

    assert_error(
        response,
        translated(
            "The date of registration cannot be before the filing was first submitted, on %(date)s.",
            date=timezone.localdate(accepted_filing.first_submitted_at).strftime("%d.%m.%Y"),
        ),
    )


def test_voen_of_another_organization_is_refused(member_client, organization, outsider, private_media_root):
    response = send(member_client, organization, "voen", {"voen": "2200112233"})

    assert_error(response, conflict_message("VÖEN", "2200112233"))
    assert "Ekoloji" not in text_of(response)


def test_registration_number_of_another_filing_is_refused(
    member_client, organization, accepted_filing, service_page, member, chief, private_media_root
):
    from forms.review import actions
    from tests.review.conftest import submitted_grant_filing

    other = submitted_grant_filing(service_page, organization, member)
    actions.accept(other.pk, by=chief, registration_number="QR-QEYD-90")

    response = send(
        member_client,
        organization,
        "",
        {"registration_number": "QR-QEYD-90", "registration_date": accepted_filing.registration_date.isoformat()},
        filing=accepted_filing,
    )

    assert_error(response, conflict_message(translated("Registration number"), "QR-QEYD-90"))


def test_missing_fields_are_listed(member_client, organization, private_media_root):
    url = new_url(organization, "voen")
    digest = values_digest(organization_target(organization, "voen").read_values())

    response = member_client.post(url, {"current_digest": digest})

    page = text_of(response)
    assert response.status_code == 200
    assert translated("Give the reason for the correction.") in page
    assert translated("Attach at least one document that shows the correct value.") in page
    assert not CorrectionRequest.objects.exists()


def test_nothing_posted_is_not_an_error_page(member_client, organization):
    response = member_client.post(new_url(organization, "voen"), {})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


@pytest.mark.parametrize("field, value", [("voen", "14000\x0057421"), ("reason", "Səbəb\x00")])
def test_null_characters_are_refused(member_client, organization, field, value, private_media_root):
    values = {"voen": "1400057422", field: value}

    response = send(member_client, organization, "voen", values, reason=values.pop("reason", "Səbəb"))

    assert response.status_code == 200
    assert not CorrectionRequest.objects.exists()


def test_name_with_null_character_is_refused(member_client, organization, private_media_root):
    response = send(member_client, organization, "name", {"name": "Gənclər\x00 Birliyi İB"})

    assert response.status_code == 200
    assert not CorrectionRequest.objects.exists()


def test_overlong_reason_is_refused(member_client, organization, private_media_root):
    response = send(member_client, organization, "voen", {"voen": "1400057422"}, reason="ə" * 2001)

    assert_error(response, "2000")


def test_failed_form_keeps_what_was_typed(member_client, organization, private_media_root):
    response = send(
        member_client,
        organization,
        "state_registration",
        {"registration_number": "1402-QHT/Şəki", "registration_date": "2999-01-01"},
        reason="Şəhadətnamədə “1402-QHT/Şəki” yazılıb & tarix başqadır.",
    )

    page = response.content.decode()
    assert 'value="1402-QHT/Şəki"' in page
    assert 'value="2999-01-01"' in page
    assert "Şəhadətnamədə “1402-QHT/Şəki” yazılıb &amp; tarix başqadır." in page


def test_record_changed_while_typing(member_client, organization, private_media_root):
    url = new_url(organization, "legal_address")
    digest = values_digest(organization_target(organization, "legal_address").read_values())
    organization.legal_address = "Bakı, Füzuli küçəsi 5"
    organization.save()

    response = member_client.post(
        url,
        {"current_digest": digest, "legal_address": "Bakı, Nizami küçəsi 2", "reason": "Səhv", "evidence": [pdf()]},
    )

    assert_error(response, translated(RECORD_CHANGED))
    assert 'data-current="legal_address">Bakı, Füzuli küçəsi 5<' in response.content.decode()


def test_second_open_request_for_same_field_is_refused(member_client, organization, private_media_root):
    send(member_client, organization, "voen", {"voen": "1400057422"})

    response = send(member_client, organization, "voen", {"voen": "1400057423"})

    page = text_of(response)
    assert response.status_code == 200
    assert translated(
        "Your organization already asked to correct this, in request No. %(number)s. Wait for the "
        "ministry's decision on it before asking again.",
        number=CorrectionRequest.objects.get().pk,
    ) in page
    assert CorrectionRequest.objects.count() == 1


def test_open_request_for_another_field_is_allowed(member_client, organization, private_media_root):
    send(member_client, organization, "voen", {"voen": "1400057422"})

    response = send(member_client, organization, "region", {"region": "seki"})

    assert response.status_code == 302
    assert CorrectionRequest.objects.count() == 2


# --- Evidence --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("Şəhadətnamə.pdf", files.html_bytes(), content_type="application/pdf"),
        SimpleUploadedFile("Şəhadətnamə.png", files.pdf_bytes()[:200], content_type="image/png"),
        SimpleUploadedFile("Çıxarış.docx", files.docx_bytes(), content_type="application/pdf"),
        SimpleUploadedFile("arxiv.zip", files.zip_bytes(), content_type="application/zip"),
        SimpleUploadedFile("boş.pdf", b"", content_type="application/pdf"),
    ],
    ids=["html-as-pdf", "broken-png", "docx", "zip", "empty"],
)
def test_wrong_content_is_refused(member_client, organization, upload, private_media_root):
    response = send(member_client, organization, "voen", {"voen": "1400057422"}, evidence=[upload])

    assert response.status_code == 200
    assert upload.name in text_of(response)
    assert not CorrectionRequest.objects.exists()
    assert not CorrectionEvidence.objects.exists()


def test_oversized_file_is_refused(member_client, organization, private_media_root):
    big = SimpleUploadedFile("Böyük.pdf", files.pdf_bytes(size=10 * 1024 * 1024 + 1), content_type="application/pdf")

    response = send(member_client, organization, "voen", {"voen": "1400057422"}, evidence=[big])

    assert_error(response, translated("The file must be smaller than %(size)s MB", size=10))


def test_too_many_files_are_refused(member_client, organization, private_media_root):
    uploads = [pdf(f"Sənəd {number}.pdf") for number in range(6)]

    response = send(member_client, organization, "voen", {"voen": "1400057422"}, evidence=uploads)

    assert_error(response, translated("Attach at most %(limit)s files. You chose %(count)s.", limit=5, count=6))
    assert not CorrectionEvidence.objects.exists()


def test_jpeg_is_accepted(member_client, organization, private_media_root):
    photo = SimpleUploadedFile("Şəkil.jpg", files.jpeg_bytes(), content_type="image/jpeg")

    response = send(member_client, organization, "voen", {"voen": "1400057422"}, evidence=[photo])

    assert response.status_code == 302
    row = CorrectionEvidence.objects.get()
    assert row.content_type == "image/jpeg"
    assert row.original_name == "Şəkil.jpg"


def test_stored_file_is_private_and_unguessable(member_client, organization, private_media_root):
    send(member_client, organization, "voen", {"voen": "1400057422"})

    row = CorrectionEvidence.objects.get()
    assert (private_media_root / row.file.name).read_bytes()[:5] == b"%PDF-"
    assert "Qeydiyyat" not in row.file.name
    assert row.file.name.startswith(f"corrections/{organization.pk}/")


def test_good_files_are_kept_when_the_form_fails(member_client, organization, private_media_root):
    url = new_url(organization, "voen")
    digest = values_digest(organization_target(organization, "voen").read_values())
    bad = SimpleUploadedFile("Saxta.pdf", files.html_bytes(), content_type="application/pdf")

    first = member_client.post(
        url, {"current_digest": digest, "voen": "14000", "reason": "Səhv", "evidence": [pdf("Şəhadətnamə.pdf"), bad]}
    )

    page = text_of(first)
    kept = CorrectionEvidence.objects.get()
    assert kept.request is None
    assert "Şəhadətnamə.pdf" in page
    assert f'name="kept_evidence" value="{kept.pk}"' in page

    second = member_client.post(
        url, {"current_digest": digest, "voen": "1400057422", "reason": "Səhv", "kept_evidence": [str(kept.pk)]}
    )

    assert second.status_code == 302
    correction = CorrectionRequest.objects.get()
    assert list(correction.evidence.all()) == [kept]


def test_kept_file_can_be_removed(member_client, organization, private_media_root):
    url = new_url(organization, "voen")
    digest = values_digest(organization_target(organization, "voen").read_values())
    member_client.post(url, {"current_digest": digest, "voen": "1", "reason": "Səhv", "evidence": [pdf()]})
    kept = CorrectionEvidence.objects.get()

    response = member_client.post(
        url,
        {
            "current_digest": digest,
            "voen": "1400057422",
            "reason": "Səhv",
            "kept_evidence": [str(kept.pk)],
            "remove_evidence": [str(kept.pk)],
        },
    )

    assert_error(response, translated("Attach at least one document that shows the correct value."))
    assert not CorrectionEvidence.objects.exists()


def test_someone_elses_pending_file_cannot_be_claimed(
    member_client, colleague_client, organization, private_media_root
):
    url = new_url(organization, "voen")
    digest = values_digest(organization_target(organization, "voen").read_values())
    colleague_client.post(url, {"current_digest": digest, "voen": "1", "reason": "Səhv", "evidence": [pdf()]})
    theirs = CorrectionEvidence.objects.get()

    response = member_client.post(
        url, {"current_digest": digest, "voen": "1400057422", "reason": "Səhv", "kept_evidence": [str(theirs.pk)]}
    )

    assert_error(response, translated("Attach at least one document that shows the correct value."))
    theirs.refresh_from_db()
    assert theirs.request is None


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999999", "\x00", "²", "١٢"])
def test_bad_kept_ids_are_ignored(member_client, organization, value, private_media_root):
    response = send(member_client, organization, "voen", {"voen": "1400057422"}, kept_evidence=[value])

    assert response.status_code == 302


def test_abandoned_files_are_deleted(member_client, organization, private_media_root, django_capture_on_commit_callbacks):
    from cms.corrections import evidence

    url = new_url(organization, "voen")
    digest = values_digest(organization_target(organization, "voen").read_values())
    member_client.post(url, {"current_digest": digest, "voen": "1", "reason": "Səhv", "evidence": [pdf()]})
    row = CorrectionEvidence.objects.get()
    stored = private_media_root / row.file.name

    with django_capture_on_commit_callbacks(execute=True):
        deleted = evidence.delete_abandoned(now=timezone.now() + datetime.timedelta(days=2))

    assert deleted == 1
    assert not CorrectionEvidence.objects.exists()
    assert not stored.exists()


def test_recent_pending_files_are_not_deleted(member_client, organization, private_media_root):
    from cms.corrections import evidence

    url = new_url(organization, "voen")
    digest = values_digest(organization_target(organization, "voen").read_values())
    member_client.post(url, {"current_digest": digest, "voen": "1", "reason": "Səhv", "evidence": [pdf()]})

    assert evidence.delete_abandoned() == 0
    assert CorrectionEvidence.objects.count() == 1
