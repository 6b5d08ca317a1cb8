"""A filing's review page in the admin, the staff previews of its documents
and staff downloads: who may open them, and what the page shows."""

import datetime
import html

import pytest
from django.utils import timezone

from forms import uploads
from forms.models import Filing, FilingFile
from forms.review import actions
from forms.uploads import download_url
from tests.eservices import files, test_flow

from . import conftest
from .conftest import admin_url, signed_in_client, submit, submitted_grant_filing, upload

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def section(response, marker: str) -> str:
    """The HTML of the page's <section> carrying the data attribute ``marker``."""
    content = text_of(response)
    start = content.index(marker)
    return content[start : content.index("</section>", start)]


# --- Who may open it ---------------------------------------------------------------------------


def test_decider_sees_review_page_with_actions(decider_client, grant_filing):
    response = decider_client.get(admin_url("inspect", grant_filing))

    assert response.status_code == 200
    actions_html = section(response, "data-actions")
    for action in ("accept", "return", "reject", "assign"):
        assert admin_url(action, grant_filing) in actions_html


def test_viewer_sees_page_without_actions(viewer_client, grant_filing):
    response = viewer_client.get(admin_url("inspect", grant_filing))

    assert response.status_code == 200
    assert "data-actions" not in response.content.decode()
    assert admin_url("accept", grant_filing) not in response.content.decode()


def test_other_service_reviewer_gets_404(donor_client, grant_filing):
    assert donor_client.get(admin_url("inspect", grant_filing)).status_code == 404


def test_draft_is_never_shown(chief, draft_filing):
    assert signed_in_client(chief).get(admin_url("inspect", draft_filing)).status_code == 404


def test_applicant_is_sent_to_admin_sign_in(member_client, grant_filing):
    response = member_client.get(admin_url("inspect", grant_filing))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_decided_filing_has_no_actions(decider, decider_client, grant_filing):
    actions.accept(grant_filing.pk, by=decider, registration_number="QR-QEYD-5")

    response = decider_client.get(admin_url("inspect", grant_filing))

    assert "data-actions" not in response.content.decode()
    assert "QR-QEYD-5" in section(response, "data-summary")


def test_returned_filing_offers_only_reject(decider, decider_client, grant_filing):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("olke", "Ölkə səhvdir.")], by=decider)

    response = decider_client.get(admin_url("inspect", grant_filing))

    actions_html = section(response, "data-actions")
    assert admin_url("reject", grant_filing) in actions_html
    for action in ("accept", "return", "assign"):
        assert admin_url(action, grant_filing) not in actions_html


def test_returned_filing_offers_viewer_nothing(decider, viewer_client, grant_filing):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("olke", "Ölkə səhvdir.")], by=decider)

    response = viewer_client.get(admin_url("inspect", grant_filing))

    assert response.status_code == 200
    assert "data-actions" not in response.content.decode()


# --- What it shows --------------------------------------------------------------------------------


def test_page_shows_answers_by_step(decider_client, grant_filing):
    answers = section(decider_client.get(admin_url("inspect", grant_filing)), "data-answers")

    assert answers.index("Qrant müqaviləsinin qeydiyyatı") < answers.index("Maliyyə") < answers.index("Sənədlər")
    assert "Gənclər Birliyi İctimai Birliyi" in answers
    assert "01.01.2026 – 31.12.2026" in answers
    assert "Bəli, razıyam" in answers


def test_page_shows_deadline_with_days_left(decider_client, grant_filing):
    summary = section(decider_client.get(admin_url("inspect", grant_filing)), "data-summary")

    assert "15 days left" in summary


def test_page_shows_overdue_deadline(decider_client, grant_filing):
    Filing.objects.filter(pk=grant_filing.pk).update(decision_due=timezone.localdate() - datetime.timedelta(days=3))

    summary = section(decider_client.get(admin_url("inspect", grant_filing)), "data-summary")

    assert "Overdue by 3 days" in summary
    assert "data-overdue" in summary


def test_page_shows_organization(decider_client, grant_filing):
    organization = section(decider_client.get(admin_url("inspect", grant_filing)), "data-organization")

    assert "Gənclər Birliyi" in organization
    assert "1400057421" in organization
    assert "Bakı şəhəri" in organization


def test_other_filings_only_those_permitted(
    chief, decider_client, grant_filing, donor_filing, service_page, organization, member
):
    second = submitted_grant_filing(service_page, organization, member)

    for_decider = section(decider_client.get(admin_url("inspect", grant_filing)), "data-organization")
    for_chief = section(signed_in_client(chief).get(admin_url("inspect", grant_filing)), "data-organization")

    assert admin_url("inspect", second) in for_decider
    assert donor_filing.reference not in for_decider
    assert admin_url("inspect", donor_filing) in for_chief
    assert admin_url("inspect", grant_filing) not in for_chief


def test_history_and_audit_log(decider, second_decider, decider_client, grant_filing):
    actions.assign(grant_filing.pk, second_decider, by=decider, note="Elvin baxsın.")
    actions.reject(grant_filing.pk, by=decider, reason="Müqavilə imzalanmayıb.")

    response = decider_client.get(admin_url("inspect", grant_filing))

    history = section(response, "data-history")
    assert "Assigned to a reviewer" in history
    assert "Müqavilə imzalanmayıb." in history
    assert "Reviewer: “(empty)” → “Elvin Əliyev”" in history
    audit = section(response, "data-audit-log")
    assert "Nigar Məmmədova" in audit
    assert "Filing rejected: Status: “Under review” → “Rejected”; note: Müqavilə imzalanmayıb." in audit
    assert "Filing assigned to a reviewer" in audit


def test_corrections_open_and_past(decider, decider_client, grant_filing, service_page, member):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("olke", "Ölkə səhvdir.")], by=decider)

    while_returned = decider_client.get(admin_url("inspect", grant_filing))
    submit(service_page, Filing.objects.get(pk=grant_filing.pk), member)
    after_resubmission = decider_client.get(admin_url("inspect", grant_filing))

    assert 'data-correction="olke" data-open' in while_returned.content.decode()
    assert "data-with-applicant" in while_returned.content.decode()
    assert "Ölkə səhvdir." in section(after_resubmission, "data-corrections")
    assert "data-open" not in section(after_resubmission, "data-corrections")


def test_returned_filing_shows_submitted_answers(decider, decider_client, grant_filing):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("teskilatin_adi", "Ad səhvdir.")], by=decider)
    Filing.objects.filter(pk=grant_filing.pk).update(
        form_data={**grant_filing.form_data, "teskilatin_adi": "Hələ göndərilməyib"}
    )

    answers = section(decider_client.get(admin_url("inspect", grant_filing)), "data-answers")

    assert "Gənclər Birliyi İctimai Birliyi" in answers
    assert "Hələ göndərilməyib" not in answers


def test_resubmission_shows_changes(decider, decider_client, grant_filing, service_page, member):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("teskilatin_adi", "Ad səhvdir.")], by=decider)
    filing = Filing.objects.get(pk=grant_filing.pk)
    new_contract = uploads.store(filing, "qrant_muqavilesi", conftest.pdf_upload("İmzalı müqavilə.pdf"), member)
    filing.form_data = {
        **filing.form_data,
        "teskilatin_adi": "“Gənclər” İctimai Birliyi",
        "qrant_muqavilesi": uploads.describe(new_contract),
    }
    filing.save(update_fields=["form_data"])
    submit(service_page, filing, member)

    response = decider_client.get(admin_url("inspect", grant_filing))

    changes = section(response, "data-changes")
    assert 'data-change="teskilatin_adi"' in changes
    assert "Gənclər Birliyi İctimai Birliyi" in changes
    assert "“Gənclər” İctimai Birliyi" in changes
    assert "Flagged by the reviewer" in changes
    assert 'data-change="qrant_muqavilesi"' in changes
    assert "İmzalı müqavilə.pdf" in changes
    assert 'data-change="olke"' not in changes
    documents = section(response, "data-documents")
    assert "data-replaced-documents" in documents
    assert documents.index("İmzalı müqavilə.pdf") < documents.index("Qrant müqaviləsi.pdf")


def test_first_submission_has_no_changes_section(decider_client, grant_filing):
    assert "data-changes" not in decider_client.get(admin_url("inspect", grant_filing)).content.decode()


# --- Documents: previews and downloads ------------------------------------------------------------


def test_pdf_is_embedded_with_preview_and_download(decider_client, grant_filing):
    row = grant_filing.files.get()

    documents = section(decider_client.get(admin_url("inspect", grant_filing)), "data-documents")

    assert f'<iframe src="{admin_url("file_preview", row.pk)}"' in documents
    assert f'fayl/{row.pk}/"' in documents


def test_pdf_preview_headers(decider_client, grant_filing):
    row = grant_filing.files.get()

    response = decider_client.get(admin_url("file_preview", row.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "script-src" not in policy
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_image_preview_is_sandboxed(donor_client, donor_filing):
    row = donor_filing.files.get()

    page = section(donor_client.get(admin_url("inspect", donor_filing)), "data-documents")
    response = donor_client.get(admin_url("file_preview", row.pk))

    assert f'<img src="{admin_url("file_preview", row.pk)}"' in page
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert response["Content-Security-Policy"].endswith("sandbox")


def test_view_only_staff_can_preview_and_download(viewer_client, grant_filing):
    row = grant_filing.files.get()

    assert viewer_client.get(admin_url("file_preview", row.pk)).status_code == 200
    assert viewer_client.get(download_url(row)).status_code == 200


def test_other_service_reviewer_cannot_preview_or_download(donor_client, grant_filing):
    row = grant_filing.files.get()

    assert donor_client.get(admin_url("file_preview", row.pk)).status_code == 404
    assert donor_client.get(download_url(row)).status_code == 404


def test_applicant_keeps_download_but_not_staff_preview(member_client, grant_filing):
    row = grant_filing.files.get()

    assert member_client.get(download_url(row)).status_code == 200
    assert member_client.get(admin_url("file_preview", row.pk)).status_code == 302


def test_staff_cannot_download_draft_files(decider_client, draft_filing, member):
    row = uploads.store(draft_filing, "qrant_muqavilesi", conftest.pdf_upload(), member)

    assert decider_client.get(download_url(row)).status_code == 404
    assert decider_client.get(admin_url("file_preview", row.pk)).status_code == 404


def test_office_document_is_not_previewed(decider_client, grant_filing, member):
    row = uploads.store(
        grant_filing,
        "qrant_muqavilesi",
        upload(files.docx_bytes(), "Büdcə.docx", DOCX_TYPE),
        member,
    )
    # Uploaded before the filing was submitted, as a sent document is.
    FilingFile.objects.filter(pk=row.pk).update(uploaded_at=grant_filing.submitted_at - datetime.timedelta(minutes=1))

    assert decider_client.get(admin_url("file_preview", row.pk)).status_code == 404
    assert decider_client.get(download_url(row)).status_code == 200


def test_unsent_correction_file_is_not_previewed(decider, decider_client, grant_filing, member):
    actions.return_for_correction(
        grant_filing.pk, [actions.Flag("qrant_muqavilesi", "Müqavilə imzalanmayıb.")], by=decider
    )
    # The applicant uploads the corrected agreement but has not sent it yet.
    row = uploads.store(grant_filing, "qrant_muqavilesi", conftest.pdf_upload("Düzəldilmiş müqavilə.pdf"), member)
    FilingFile.objects.filter(pk=row.pk).update(uploaded_at=grant_filing.submitted_at + datetime.timedelta(minutes=5))

    assert decider_client.get(admin_url("file_preview", row.pk)).status_code == 404
    assert decider_client.get(download_url(row)).status_code == 404
    assert decider_client.get(admin_url("file_preview", grant_filing.files.exclude(pk=row.pk).get().pk)).status_code == 200


def test_correction_file_is_previewed_once_sent(decider, decider_client, grant_filing, service_page, member):
    actions.return_for_correction(
        grant_filing.pk, [actions.Flag("qrant_muqavilesi", "Müqavilə imzalanmayıb.")], by=decider
    )
    row = uploads.store(grant_filing, "qrant_muqavilesi", conftest.pdf_upload("Düzəldilmiş müqavilə.pdf"), member)
    filing = Filing.objects.get(pk=grant_filing.pk)
    filing.form_data = {**filing.form_data, "qrant_muqavilesi": uploads.describe(row)}
    filing.save(update_fields=["form_data"])

    submit(service_page, filing, member)

    assert decider_client.get(admin_url("file_preview", row.pk)).status_code == 200


def test_preview_rejects_post(decider_client, grant_filing):
    row = grant_filing.files.get()

    assert decider_client.post(admin_url("file_preview", row.pk)).status_code == 405


def test_filing_sent_through_applicant_pages(decider_client, member_client, organization, service_page):
    filing = test_flow.answer_steps(member_client, test_flow.start_filing(member_client, organization))
    assert test_flow.submit(member_client, filing).status_code == 302
    filing.refresh_from_db()

    queue = decider_client.get(admin_url("index"))
    page = decider_client.get(admin_url("inspect", filing))
    preview = decider_client.get(admin_url("file_preview", filing.files.get().pk))

    assert filing.reference in queue.content.decode()
    assert "Birinci sətir" in section(page, "data-answers")
    assert preview.status_code == 200
