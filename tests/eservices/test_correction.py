"""Correcting a returned filing: only the flagged answers can change, each
shown with the reviewer's comment; the filing detail page shows the status,
the decision and the corrections; the ministry keeps every file it received.

The service (tests/eservices/conftest.py) has three steps: the organization
and country; money, date range, a radio and an optional note; a PDF upload
and a declaration.
"""

import html
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from forms.models import FieldCorrection, Filing, FilingFile, FilingStatus, ServiceFormField
from forms.review.actions import Flag, accept, reject, return_for_correction
from tests.accounts.people import make_person, translated

from . import files
from .conftest import SERVICE_PATH, signed_in_client
from .test_flow import answer_steps, check_url, confirmation_url, start_filing, step_url, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

COUNTRY_COMMENT = "Ölkə səhv göstərilib: təşkilat Azərbaycanda qeydiyyatdadır."
CONTRACT_COMMENT = "Müqavilənin imzalı nüsxəsini yükləyin, şəkil oxunmur."
ARTICLE_LINK = "/qanunlar/qrantlar-haqqinda/madde-3/"
ARTICLE_LABEL = "Qrant haqqında Qanun, maddə 3"
RETURN_NOTE = "Zəhmət olmasa, qeyd olunan sahələri düzəldin."


def correction_url(filing):
    return f"{SERVICE_PATH}{filing.pk}/duzelis/"


def detail_url(filing):
    return f"/muracietler/{filing.pk}/"


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def pdf_upload(name):
    return SimpleUploadedFile(name, files.pdf_bytes(text="Yeni muqavile"), content_type="application/pdf")


@pytest.fixture
def reviewer(db):
    """Ministry staff who review every service and may download applicants' files."""
    person = make_person("nazir@example.az")
    person.user_permissions.add(
        Permission.objects.get(codename="review_filing", content_type__app_label="eservices"),
        Permission.objects.get(codename="view_filing", content_type__app_label="eservices"),
    )
    return person


@pytest.fixture
def submitted(member_client, organization, service_page) -> Filing:
    filing = answer_steps(member_client, start_filing(member_client, organization))
    submit(member_client, filing)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    return filing


@pytest.fixture
def returned(submitted, reviewer) -> Filing:
    flags = [
        Flag("olke", COUNTRY_COMMENT, ARTICLE_LINK, ARTICLE_LABEL),
        Flag("qrant_muqavilesi", CONTRACT_COMMENT),
    ]
    return_for_correction(submitted.pk, flags, by=reviewer, note=RETURN_NOTE)
    submitted.refresh_from_db()
    assert submitted.status == FilingStatus.RETURNED
    return submitted


# --- The correction page ------------------------------------------------------------


def test_correction_page_shows_only_flagged_fields(member_client, returned):
    response = member_client.get(correction_url(returned))

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.fields) <= {"olke", "qrant_muqavilesi", "qrant_muqavilesi__reuse"}
    assert {"olke", "qrant_muqavilesi"} <= set(form.fields)
    content = text_of(response)
    assert 'name="teskilatin_adi"' not in content
    assert 'name="qrantin_meblegi_0"' not in content
    assert 'name="olke"' in content
    assert 'type="file" name="qrant_muqavilesi"' in content


def test_correction_page_shows_comments_and_article(member_client, returned):
    content = text_of(member_client.get(correction_url(returned)))

    assert translated("The ministry's comment:") in content
    assert COUNTRY_COMMENT in content
    assert CONTRACT_COMMENT in content
    assert f'<a href="{ARTICLE_LINK}" target="_blank" rel="noopener noreferrer">{ARTICLE_LABEL}' in content
    assert RETURN_NOTE in content
    assert 'id="correct-olke"' in content
    assert 'id="correct-qrant_muqavilesi"' in content


def test_correction_page_form_has_csrf_and_multipart(member_client, returned):
    content = text_of(member_client.get(correction_url(returned)))

    assert 'name="csrfmiddlewaretoken"' in content
    assert 'enctype="multipart/form-data"' in content


def test_unsafe_article_link_not_rendered(member_client, submitted, reviewer):
    return_for_correction(submitted.pk, [Flag("olke", COUNTRY_COMMENT, "javascript:alert(1)", "Maddə")], by=reviewer)

    content = text_of(member_client.get(correction_url(submitted)))

    assert COUNTRY_COMMENT in content
    assert "javascript:alert(1)" not in content


def test_comment_is_escaped(member_client, submitted, reviewer):
    return_for_correction(submitted.pk, [Flag("olke", "<script>alert('ə')</script>")], by=reviewer)

    content = member_client.get(correction_url(submitted)).content.decode()

    assert "<script>alert" not in content
    assert "&lt;script&gt;alert" in content


def test_correction_saves_flagged_answer_and_goes_to_check(member_client, returned):
    response = member_client.post(correction_url(returned), {"olke": "GE"})

    returned.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == check_url(returned)
    assert returned.form_data["olke"] == "GE"
    assert returned.status == FilingStatus.RETURNED


def test_unflagged_field_post_ignored(member_client, returned):
    before = dict(returned.form_data)

    member_client.post(
        correction_url(returned),
        {
            "olke": "GE",
            "teskilatin_adi": "Saxta Təşkilat",
            "elave_qeyd": "Əlavə edilmiş qeyd",
            "qrantin_meblegi_0": "1",
            "qrantin_meblegi_1": "AZN",
        },
    )

    returned.refresh_from_db()
    assert returned.form_data["olke"] == "GE"
    assert returned.form_data["teskilatin_adi"] == before["teskilatin_adi"]
    assert returned.form_data["elave_qeyd"] == before["elave_qeyd"]
    assert returned.form_data["qrantin_meblegi"] == before["qrantin_meblegi"]


def test_invalid_answer_keeps_valid_ones(member_client, submitted, reviewer):
    flags = [Flag("olke", COUNTRY_COMMENT), Flag("layihenin_muddeti", "Müddət səhvdir.")]
    return_for_correction(submitted.pk, flags, by=reviewer)
    before = submitted.form_data["layihenin_muddeti"]

    response = member_client.post(
        correction_url(submitted),
        {"olke": "GE", "layihenin_muddeti_0": "2026-12-31", "layihenin_muddeti_1": "yanlış"},
    )

    submitted.refresh_from_db()
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert submitted.form_data["olke"] == "GE"
    assert submitted.form_data["layihenin_muddeti"] == before


def test_save_and_come_back_later(member_client, returned):
    response = member_client.post(correction_url(returned), {"olke": "GE", "save_and_exit": "1"})

    returned.refresh_from_db()
    assert response["Location"] == "/muracietler/"
    assert returned.form_data["olke"] == "GE"


def test_step_urls_redirect_for_returned_filing(member_client, returned):
    before = dict(returned.form_data)

    get_response = member_client.get(step_url(returned, 1))
    post_response = member_client.post(step_url(returned, 1), {"teskilatin_adi": "Başqa ad", "olke": "TR"})

    returned.refresh_from_db()
    assert get_response.status_code == 302
    assert get_response["Location"] == correction_url(returned)
    assert post_response.status_code == 302
    assert post_response["Location"] == correction_url(returned)
    assert returned.form_data == before


def test_correction_page_redirects_when_not_returned(member_client, submitted, organization):
    draft = start_filing(member_client, organization)

    sent = member_client.get(correction_url(submitted))
    unfinished = member_client.get(correction_url(draft))

    assert sent["Location"] == detail_url(submitted)
    assert unfinished["Location"] == step_url(draft, 1)


def test_outsider_gets_404_everywhere(outsider_client, returned):
    assert outsider_client.get(correction_url(returned)).status_code == 404
    assert outsider_client.post(correction_url(returned), {"olke": "GE"}).status_code == 404
    assert outsider_client.get(check_url(returned)).status_code == 404
    assert outsider_client.get(detail_url(returned)).status_code == 404

    returned.refresh_from_db()
    assert returned.form_data["olke"] == "AZ"


def test_signed_out_visitor_is_sent_to_sign_in(client, returned):
    response = client.get(correction_url(returned))

    assert response.status_code == 302
    assert response["Location"].startswith("/hesab/login/")


def test_field_added_after_submission_is_editable(member_client, returned, service_page):
    ServiceFormField.objects.create(
        page=service_page, sort_order=3, label="Layihənin adı", clean_name="layihenin_adi", field_type="singleline",
        required=True,
    )

    page = member_client.get(correction_url(returned))
    check = member_client.get(check_url(returned))
    saved = member_client.post(correction_url(returned), {"olke": "AZ", "layihenin_adi": "Gənc liderlər"})

    returned.refresh_from_db()
    assert "layihenin_adi" in page.context["form"].fields
    assert [url for _step, url in check.context["unfinished"]] == [correction_url(returned)]
    assert saved["Location"] == check_url(returned)
    assert returned.form_data["layihenin_adi"] == "Gənc liderlər"


# --- Files ----------------------------------------------------------------------


def test_flagged_file_replaced_and_old_file_kept(member_client, returned, reviewer):
    old_id = returned.form_data["qrant_muqavilesi"]["file"]

    response = member_client.post(correction_url(returned), {"olke": "AZ", "qrant_muqavilesi": pdf_upload("İmzalı müqavilə.pdf")})

    returned.refresh_from_db()
    assert response.status_code == 302
    new_id = returned.form_data["qrant_muqavilesi"]["file"]
    assert new_id != old_id
    assert returned.form_data["qrant_muqavilesi"]["name"] == "İmzalı müqavilə.pdf"
    # The first submission sent the old file, so the ministry can still open it.
    assert FilingFile.objects.filter(pk=old_id).exists()
    staff = signed_in_client(reviewer)
    old_download = staff.get(f"/muracietler/fayl/{old_id}/")
    assert old_download.status_code == 200
    assert b"".join(old_download.streaming_content).startswith(b"%PDF")
    # The replacement is the applicant's until it is sent.
    assert staff.get(f"/muracietler/fayl/{new_id}/").status_code == 404


def test_unsent_replaced_file_deleted(member_client, returned):
    sent_id = returned.form_data["qrant_muqavilesi"]["file"]
    member_client.post(correction_url(returned), {"olke": "AZ", "qrant_muqavilesi": pdf_upload("Birinci.pdf")})
    returned.refresh_from_db()
    first_new_id = returned.form_data["qrant_muqavilesi"]["file"]

    member_client.post(correction_url(returned), {"olke": "AZ", "qrant_muqavilesi": pdf_upload("İkinci.pdf")})

    returned.refresh_from_db()
    assert FilingFile.objects.filter(pk=sent_id).exists()
    # Never sent, so nothing keeps it once the answer points elsewhere.
    assert not FilingFile.objects.filter(pk=first_new_id).exists()


def test_detail_page_lists_current_documents_only(member_client, returned):
    old_name = returned.form_data["qrant_muqavilesi"]["name"]
    member_client.post(correction_url(returned), {"olke": "AZ", "qrant_muqavilesi": pdf_upload("İmzalı müqavilə.pdf")})

    response = member_client.get(detail_url(returned))

    names = [row.original_name for row in response.context["files"]]
    assert names == ["İmzalı müqavilə.pdf"]
    assert old_name != "İmzalı müqavilə.pdf"


# --- Check answers and resubmission ---------------------------------------------------


def test_check_answers_links_only_flagged_answers(member_client, returned):
    response = member_client.get(check_url(returned))

    content = text_of(response)
    change_links = re.findall(r'<a href="([^"]+)">' + re.escape(translated("Change")), content)
    assert change_links == [
        f"{correction_url(returned)}#correct-olke",
        f"{correction_url(returned)}#correct-qrant_muqavilesi",
    ]
    assert COUNTRY_COMMENT in content
    assert CONTRACT_COMMENT in content
    assert response.context["back_url"] == correction_url(returned)


def test_resubmission_snapshots_and_resolves(member, member_client, returned):
    member_client.post(correction_url(returned), {"olke": "GE", "qrant_muqavilesi": pdf_upload("İmzalı müqavilə.pdf")})
    returned.refresh_from_db()
    new_file = returned.form_data["qrant_muqavilesi"]["file"]
    reference = returned.reference

    response = submit(member_client, returned)

    returned.refresh_from_db()
    assert response["Location"] == confirmation_url(returned)
    assert returned.status == FilingStatus.SUBMITTED
    assert returned.reference == reference
    assert returned.submission_count == 2
    assert not FieldCorrection.objects.filter(filing=returned, resolved_at=None).exists()
    first, second = returned.submissions.order_by("number")
    assert first.form_data["olke"] == "AZ"
    assert second.number == 2
    assert second.form_data["olke"] == "GE"
    assert second.form_data["qrant_muqavilesi"]["file"] == new_file
    assert new_file in {item["id"] for item in second.files}
    assert returned.events.latest("time").action == "resubmitted"


def test_resubmitted_filing_is_closed_again(member_client, returned):
    submit(member_client, returned)
    returned.refresh_from_db()

    response = member_client.post(correction_url(returned), {"olke": "TR"})

    returned.refresh_from_db()
    assert response["Location"] == detail_url(returned)
    assert returned.form_data["olke"] == "AZ"


# --- Filing detail and My applications ---------------------------------------------------


def test_detail_page_shows_corrections_and_button(member_client, returned):
    response = member_client.get(detail_url(returned))

    content = text_of(response)
    assert response.status_code == 200
    assert 'class="status-panel status-panel--returned"' in content
    assert translated("Returned for correction") in content
    assert COUNTRY_COMMENT in content
    assert CONTRACT_COMMENT in content
    assert RETURN_NOTE in content
    assert f'href="{ARTICLE_LINK}"' in content
    assert f'<a class="button" href="{correction_url(returned)}">{translated("Correct your application")}</a>' in content


def test_detail_page_shows_decision_deadline(member_client, submitted):
    response = member_client.get(detail_url(submitted))

    content = text_of(response)
    due = submitted.decision_due.strftime("%d.%m.%Y")
    assert translated("The ministry must decide by %(date)s.", date=due) in content
    assert response.context["days_left"] == 15


def test_detail_page_shows_acceptance(member_client, submitted, reviewer):
    accept(submitted.pk, by=reviewer, registration_number="QR-REG-0042", registration_date=submitted.submitted_at.date())

    content = text_of(member_client.get(detail_url(submitted)))

    assert 'status-panel--accepted' in content
    assert "QR-REG-0042" in content
    assert translated("Accepted") in content


def test_detail_page_shows_rejection_reason(member_client, submitted, reviewer):
    reason = "Müqavilə Qanunun 3-cü maddəsinin tələblərinə uyğun deyil."
    reject(submitted.pk, by=reviewer, reason=reason)

    response = member_client.get(detail_url(submitted))

    content = text_of(response)
    assert 'status-panel--rejected' in content
    assert translated("Reason for the rejection") in content
    assert reason in content
    assert response.context["decision_note"] == reason


def test_history_names_the_ministry_not_the_reviewer(member_client, returned, reviewer):
    response = member_client.get(detail_url(returned))

    content = text_of(response)
    labels = [entry.label for entry in response.context["history"]]
    assert str(labels[-1]) == translated("Returned for correction")
    assert translated("Ministry of Justice") in content
    assert reviewer.email not in content


def test_my_applications_marks_returned_filing(member_client, returned):
    content = text_of(member_client.get("/muracietler/"))

    assert f'href="{correction_url(returned)}">{translated("Returned — correct it")}' in content


def test_landing_continues_returned_filing_at_correction(member_client, returned):
    response = member_client.get(SERVICE_PATH)

    assert [url for _filing, url in response.context["drafts"]] == [correction_url(returned)]


def test_english_reader_corrects_on_english_page(colleague_client, returned, english_service_page):
    english_correction = f"/en/e-xidmetler/qrant-muqavilesi/{returned.pk}/duzelis/"

    listing = text_of(colleague_client.get("/en/muracietler/"))
    page = colleague_client.get(english_correction)

    assert f'href="{english_correction}"' in listing
    assert page.status_code == 200
    assert "The ministry's comment:" in text_of(page)
    assert COUNTRY_COMMENT in text_of(page)
