"""Export of the filtered list: CSV (UTF-8 with BOM, streamed) and XLSX, translated headers, display labels, formulas neutralised."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.http import StreamingHttpResponse

from cms.directory import export
from tests.accounts.people import translated

from .factories import make_registered

pytestmark = pytest.mark.django_db

CSV_URL = "/reyestr/ixrac.csv"
XLSX_URL = "/reyestr/ixrac.xlsx"
HEADERS = [
    "Name", "Legal form", "VÖEN", "State registration number", "State registration date", "Sphere of activity",
    "Region", "Legal address", "Status in the register",
]


def csv_rows(response) -> list[list[str]]:
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_sheet(response):
    data = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_csv_is_streamed_with_bom_and_file_name(client, health_seki):
    response = client.get(CSV_URL)

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="reyestr-')
    assert response["Content-Disposition"].endswith('.csv"')
    assert len(csv_rows(response)) == 4


def test_csv_has_translated_headers_and_labels(client, health_seki):
    rows = csv_rows(client.get(CSV_URL, {"q": "1500110337"}))

    assert rows[0] == [translated(header) for header in HEADERS]
    assert rows[1] == [
        "“Sağlam Gələcək” İctimai Birliyi",
        translated("Public association"),
        "1500110337",
        "1400200713",
        "2015-03-14",
        translated("Health"),
        "Şəki şəhəri",
        "Şəki şəhəri, Nizami küçəsi 7",
        translated("Active"),
    ]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_csv_in_other_languages(client, health_seki, language):
    rows = csv_rows(client.get(f"/{language}{CSV_URL}", {"q": "1500110337"}))

    assert rows[0] == [translated(header, language) for header in HEADERS]
    assert rows[1][1] == translated("Public association", language)
    assert rows[1][6] == "Şəki şəhəri"


def test_csv_applies_filters_and_search(client, health_seki, others):
    rows = csv_rows(client.get(CSV_URL, {"sphere": "health", "region": "seki-seheri", "q": "saglam"}))

    assert [row[0] for row in rows[1:]] == ["“Sağlam Ana və Uşaq” İctimai Birliyi", "“Sağlam Gələcək” İctimai Birliyi"]


def test_csv_leaves_out_private_organizations(client, health_seki, private_organization):
    rows = csv_rows(client.get(CSV_URL))

    assert private_organization.name not in [row[0] for row in rows]
    assert len(rows) == 4


def test_csv_ignores_page_parameter(client, health_seki):
    rows = csv_rows(client.get(CSV_URL, {"page": "2"}))

    assert len(rows) == 4


def test_xlsx_has_rows_dates_and_file_name(client, health_seki):
    response = client.get(XLSX_URL, {"sphere": "health"})

    sheet = xlsx_sheet(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert response["Content-Type"] == export.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="reyestr-')
    assert list(rows[0]) == [translated(header) for header in HEADERS]
    assert len(rows) == 4
    assert rows[2][0] == "“Sağlam Gələcək” İctimai Birliyi"
    assert rows[2][4] == datetime.datetime(2015, 3, 14)
    assert rows[2][6] == "Şəki şəhəri"
    assert sheet.freeze_panes == "A2"


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://example.org\")", "+994 Birlik", "-Birlik", "@SUM(A1)"])
def test_formulas_are_neutralised(client, name):
    make_registered(name, legal_address="=1+2")

    csv_row = csv_rows(client.get(CSV_URL))[1]
    xlsx_row = list(xlsx_sheet(client.get(XLSX_URL)).iter_rows(min_row=2, max_row=2))[0]

    assert csv_row[0] == "'" + name
    assert csv_row[7] == "'=1+2"
    assert xlsx_row[0].value == "'" + name
    assert xlsx_row[0].data_type == "s"
    assert xlsx_row[7].value == "'=1+2"


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"sphere": "astrology"}, "Choose a sphere of activity from the list."),
        ({"region": "x\x00"}, "Choose a region from the list."),
        ({"q": "a\x00"}, "The search contains a NUL character. Remove it and try again."),
    ],
)
def test_bad_filter_shows_page_with_error(client, health_seki, url, query, message):
    response = client.get(url, query)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert translated(message) in response.content.decode()


def test_unknown_format_is_404(client, health_seki):
    assert client.get("/reyestr/ixrac.pdf").status_code == 404


def test_empty_result_gives_header_only(client, health_seki):
    rows = csv_rows(client.get(CSV_URL, {"q": "heç nə tapılmayacaq"}))

    assert rows == [[translated(header) for header in HEADERS]]
