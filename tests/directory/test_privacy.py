"""Private data never leaves through the directory: not in the page, the list, the CSV, the XLSX or the API."""

import io

import openpyxl
import pytest

from .conftest import PRIVATE_TEXTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone(health_seki, claimed, private_organization, verified_only):
    return [*health_seki, claimed, verified_only]


def assert_no_private_text(text: str):
    for private in PRIVATE_TEXTS:
        assert private not in text


def test_list_page(client, everyone):
    response = client.get("/reyestr/")

    assert response.status_code == 200
    assert_no_private_text(response.content.decode())


def test_detail_pages(client, everyone):
    for organization in everyone:
        response = client.get(f"/reyestr/{organization.pk}/")

        assert response.status_code == 200
        assert_no_private_text(response.content.decode())


def test_csv(client, everyone):
    response = client.get("/reyestr/ixrac.csv")

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "“Səhiyyə Maarifi” İctimai Birliyi" in text
    assert_no_private_text(text)


def test_xlsx(client, everyone):
    response = client.get("/reyestr/ixrac.xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    text = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    assert "“Səhiyyə Maarifi” İctimai Birliyi" in text
    assert_no_private_text(text)


def test_api_list_and_detail(client, everyone):
    listing = client.get("/api/v1/organizations/", {"page_size": "100"})
    details = [client.get(f"/api/v1/organizations/{organization.pk}/") for organization in everyone]

    assert listing.json()["count"] == len(everyone)
    assert_no_private_text(listing.content.decode("utf-8"))
    for detail in details:
        assert detail.status_code == 200
        assert_no_private_text(detail.content.decode("utf-8"))


def test_search_does_not_match_private_fields(client, everyone):
    for private in ["idare", "idare@saglam-gelecek.example.org", "example.org", "502223344", "Nərmin", "QR-2026-000917", "qovluq"]:
        response = client.get("/reyestr/", {"q": private})

        assert response.context["organizations_page"].paginator.count == 0, private
