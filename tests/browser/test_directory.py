"""The public directory in Chromium on a phone: a reader finds the health
organizations of Şəki with the filters, downloads them as CSV and as XLSX,
opens one organization's page, and finds another by typing its name without
Azerbaijani letters. The site's demo content includes the sample register
(cms/organizations/register_sample.csv).

Locators are field names, addresses and data attributes rather than texts,
because translations change. Where a text is asserted, it is data from the
sample register.
"""

import csv
import io

import openpyxl
import pytest

from .test_eservices import check_page, phone_page

pytestmark = pytest.mark.browser

DIRECTORY_PATH = "/reyestr/"
# The sample's health organizations in Şəki şəhəri, in Azerbaijani alphabetical
# order. Its row for “Həyat Naminə” has an invalid VÖEN, so it is not imported.
HEALTH_IN_SEKI = [
    "“Gənc Həkimlər” İctimai Birliyi",
    "“Sağlam Ana və Uşaq” İctimai Birliyi",
    "“Sağlam Gələcək” İctimai Birliyi",
    "“Şəfa Yolu” İctimai Birliyi",
    "“Şəfqət” Tibbi Yardım Fondu",
    "“Ürək Dostları” Xeyriyyə Fondu",
]
# Contact addresses the sample register gives these organizations: never public.
CONTACT_EMAILS = [
    "idare@saglam-gelecek.example.org",
    "info@sefa-yolu.example.org",
    "elaqe@urek-dostlari.example.org",
    "info@saglam-ana.example.org",
    "office@sefqet-yardim.example.org",
]


def listed_names(page) -> list[str]:
    return page.locator(".directory-list__title a").all_inner_texts()


def download(page, export_format: str) -> bytes:
    with page.expect_download() as info:
        page.click(f"a[data-export={export_format}]")
    path = info.value.path()
    with open(path, "rb") as file:
        return file.read()


def assert_no_contacts(text: str):
    for address in CONTACT_EMAILS:
        assert address not in text


@pytest.fixture
def phone(browser):
    context, page = phone_page(browser)
    yield page
    context.close()


def test_find_export_and_open_health_organizations_in_seki(phone, site_url):
    page = phone
    page.goto(site_url + DIRECTORY_PATH)
    check_page(page, "directory-list")

    page.select_option("select[name=sphere]", "health")
    page.select_option("select[name=region]", "seki-seheri")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/reyestr/?*sphere=health*")

    assert listed_names(page) == HEALTH_IN_SEKI
    assert page.locator("#results").inner_text().startswith("6")
    assert page.locator(".tag--register-liquidated").count() == 1
    assert_no_contacts(page.content())
    check_page(page, "directory-filtered")

    data = download(page, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows[0]) == 9
    assert [row[0] for row in rows[1:]] == HEALTH_IN_SEKI
    assert {row[6] for row in rows[1:]} == {"Şəki şəhəri"}
    assert "1500337751" in [row[2] for row in rows[1:]]
    assert_no_contacts(data.decode("utf-8-sig"))

    data = download(page, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == HEALTH_IN_SEKI
    assert {row[6] for row in rows[1:]} == {"Şəki şəhəri"}
    assert_no_contacts(" ".join(str(value) for row in rows for value in row))

    page.click("text=“Şəfqət” Tibbi Yardım Fondu")
    page.wait_for_url("**/reyestr/*/")
    assert page.locator("h1").inner_text() == "“Şəfqət” Tibbi Yardım Fondu"
    assert "1500337751" in page.locator("main").inner_text()
    assert "Xan Sarayı küçəsi 3" in page.locator("main").inner_text()
    assert "teskilatlar/sahiblik/?organization=" in page.get_attribute("a[data-claim]", "href")
    assert_no_contacts(page.content())
    check_page(page, "directory-organization")


def test_search_without_azerbaijani_letters(phone, site_url):
    page = phone
    page.goto(site_url + DIRECTORY_PATH)

    page.fill("#id_q", "SEFQET FONDU")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/reyestr/?*q=*")

    assert listed_names(page) == ["“Şəfqət” Tibbi Yardım Fondu"]
    page.fill("#id_q", "heç bir təşkilat belə adlanmır")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/reyestr/?*q=he*")
    assert listed_names(page) == []
    assert page.locator("a[data-export]").count() == 0
    check_page(page, "directory-empty")


def test_bad_filter_value_shows_error(phone, site_url):
    page = phone

    response = page.goto(site_url + DIRECTORY_PATH + "ixrac.csv?sphere=astrology")

    assert response.status == 400
    assert page.locator(".error-summary a[href='#id_sphere']").count() == 1
    check_page(page, "directory-error")
