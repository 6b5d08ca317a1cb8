"""Filing exports at filing_reports:export: who may download what, and what the files contain."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from tests.accounts.people import translated

from .conftest import AZERBAIJANI_NAME, CYRILLIC_NAME, GRANT_TITLE, REGISTRATION_TITLE, signed_in

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/reports/export/"
FORMULA_CELLS = ["'=1+2", "'+994125555555", "'-5 text", "'@SUM(A1)"]


def download(client, **parameters):
    return client.get(EXPORT_URL, parameters)


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_sheet(response):
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content)).active


def column(rows, label) -> list:
    index = rows[0].index(label)
    return [row[index] for row in rows[1:]]


def test_export_url_name():
    assert reverse("filing_reports:export") == EXPORT_URL


def test_csv_export_has_bom_and_round_trips_names(filings, full_reviewer):
    response = download(signed_in(full_reviewer), format="csv")

    rows = csv_rows(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    organizations = column(rows, translated("organization").capitalize())
    assert AZERBAIJANI_NAME in organizations
    assert CYRILLIC_NAME in organizations


def test_csv_file_name_has_todays_date(filings, full_reviewer):
    response = download(signed_in(full_reviewer), format="csv")

    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="muracietler-{today}.csv"'


def test_csv_export_columns_and_values(filings, full_reviewer):
    rows = csv_rows(download(signed_in(full_reviewer), format="csv"))

    header = rows[0]
    assert len(header) == 14
    assert rows[1][0] == "DQ-2026-0001"
    first_grant = next(row for row in rows if row[0] == "QR-2026-0001")
    assert first_grant[1] == GRANT_TITLE
    assert first_grant[3] == "1400057421"
    assert first_grant[4] == "Bakı şəhəri"
    assert first_grant[5] == translated("Accepted")
    assert first_grant[6] == "2026-03-02 10:00"
    assert first_grant[9] == "2026-03-04 10:00"
    assert first_grant[10] == "Nigar Məmmədova"
    assert first_grant[11] == "'+994125555555"
    assert first_grant[12] == "2026-03-04"
    assert first_grant[13] == "2"


def test_export_leaves_out_drafts(filings, full_reviewer):
    rows = csv_rows(download(signed_in(full_reviewer), format="csv"))

    assert len(rows) == 1 + 7
    assert "" not in column(rows, rows[0][0])


def test_grant_reviewer_exports_grant_filings_only(filings, grant_reviewer):
    rows = csv_rows(download(signed_in(grant_reviewer), format="csv"))

    references = [row[0] for row in rows[1:]]
    assert sorted(references) == ["QR-2026-0001", "QR-2026-0002", "QR-2026-0003", "QR-2026-0004", "QR-2026-0005"]
    assert REGISTRATION_TITLE not in {row[1] for row in rows[1:]}


def test_filter_cannot_widen_grant_reviewer_export(filings, grant_reviewer, registration_service):
    response = download(signed_in(grant_reviewer), format="csv", service=registration_service.pk)

    assert response.status_code == 400
    assert b"DQ-2026" not in response.content


def test_export_applies_queue_filters(filings, full_reviewer, registration_service):
    rows = csv_rows(download(signed_in(full_reviewer), format="csv", service=registration_service.pk))

    assert [row[0] for row in rows[1:]] == ["DQ-2026-0001", "DQ-2026-0002"]


def test_export_filters_by_status_and_dates(filings, full_reviewer):
    client = signed_in(full_reviewer)

    accepted = csv_rows(download(client, format="csv", status="accepted"))
    march = csv_rows(download(client, format="csv", submitted_from="2026-03-01", submitted_to="2026-03-31"))

    assert [row[0] for row in accepted[1:]] == ["DQ-2026-0001", "QR-2026-0001"]
    assert [row[0] for row in march[1:]] == ["DQ-2026-0001", "QR-2026-0001", "QR-2026-0002"]


def test_single_service_export_adds_answer_columns(filings, full_reviewer, grant_service):
    rows = csv_rows(download(signed_in(full_reviewer), format="csv", service=grant_service.pk))

    header = rows[0]
    assert "Təşkilatın adı" in header
    assert "Sənədlər" not in header  # a section break has no answer
    first_grant = next(row for row in rows if row[0] == "QR-2026-0001")
    assert first_grant[header.index("Qrant müqaviləsi")] == "müqavilə.pdf"
    assert first_grant[header.index("Təşkilatın adı")] == "'=1+2"


def test_export_of_several_services_has_no_answer_columns(filings, full_reviewer):
    rows = csv_rows(download(signed_in(full_reviewer), format="csv"))

    assert "Təşkilatın adı" not in rows[0]


def test_csv_neutralises_formula_text(filings, full_reviewer, grant_service):
    rows = csv_rows(download(signed_in(full_reviewer), format="csv", service=grant_service.pk))

    first_grant = next(row for row in rows if row[0] == "QR-2026-0001")
    for value in FORMULA_CELLS:
        assert value in first_grant
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_xlsx_export(filings, full_reviewer, grant_service):
    response = download(signed_in(full_reviewer), format="xlsx", service=grant_service.pk)

    sheet = xlsx_sheet(response)
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="muracietler-{today}.xlsx"'
    assert sheet["A1"].font.bold
    assert {row[2] for row in rows[1:]} == {AZERBAIJANI_NAME, CYRILLIC_NAME}
    first_grant = next(row for row in rows if row[0] == "QR-2026-0001")
    for value in FORMULA_CELLS:
        assert value in first_grant


def test_xlsx_keeps_dates_and_numbers_typed(filings, full_reviewer, grant_service):
    sheet = xlsx_sheet(download(signed_in(full_reviewer), format="xlsx", service=grant_service.pk))

    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "QR-2026-0001")
    first_submitted, registration_date, submissions = row[6], row[12], row[13]
    assert first_submitted.value == datetime.datetime(2026, 3, 2, 10, 0)
    assert first_submitted.is_date
    assert registration_date.value == datetime.datetime(2026, 3, 4)
    assert registration_date.is_date
    assert submissions.value == 2
    assert submissions.data_type == "n"
    assert row[3].value == "1400057421"
    assert row[3].data_type == "s"
    assert not any(cell.data_type == "f" for line in sheet.iter_rows() for cell in line)


def test_unknown_format_is_a_400_with_message(filings, full_reviewer):
    response = download(signed_in(full_reviewer), format="pdf")

    assert response.status_code == 400
    assert "pdf" in response.content.decode()
    assert b"data-export-errors" in response.content


def test_invalid_filter_is_a_400_with_message(filings, full_reviewer):
    response = download(signed_in(full_reviewer), format="csv", submitted_from="2026-13-45")

    assert response.status_code == 400
    assert b"data-export-errors" in response.content


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize(("name", "value"), [("submitted_from", "0001-01-01"), ("submitted_to", "9999-12-31")])
def test_out_of_range_date_is_a_400_with_message(filings, full_reviewer, export_format, name, value):
    response = download(signed_in(full_reviewer), format=export_format, **{name: value})

    errors = response.content.decode().split("data-export-errors")[1]
    assert response.status_code == 400
    assert "1900" in errors
    assert "2100" in errors


def test_staff_without_review_permission_get_403(filings, other_staff):
    response = download(signed_in(other_staff), format="csv")

    assert response.status_code == 403


def test_applicant_cannot_export(filings, applicant):
    response = download(signed_in(applicant), format="csv")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_anonymous_is_sent_to_sign_in(client):
    response = download(client, format="csv")

    assert response.status_code == 302


def test_csv_follows_reviewer_language_and_time_zone(filings, full_reviewer):
    profile = UserProfile.get_for_user(full_reviewer)
    profile.preferred_language = "en"
    profile.current_time_zone = "UTC"
    profile.save()

    rows = csv_rows(download(signed_in(full_reviewer), format="csv"))

    first_grant = next(row for row in rows if row[0] == "QR-2026-0001")
    assert rows[0][0] == "Reference number"
    assert first_grant[5] == "Accepted"
    # 10:00 in Baku is 06:00 UTC.
    assert first_grant[6] == "2026-03-02 06:00"
