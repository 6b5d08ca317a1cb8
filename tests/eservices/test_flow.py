"""The applicant's path through an e-service: landing page, start, steps,
saving for later, check answers, submit, confirmation, print view.

The service (tests/eservices/conftest.py) has three steps: the organization
and country; money, date range, a radio whose choice contains a comma and an
optional note; a PDF upload and a declaration.
"""

import html
import re
import threading
import time

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.documents.models import Document

from cms.notifications.models import EmailDelivery
from forms import references
from forms.models import Filing, FilingEvent, FilingFile, FilingStatus, ReferenceSequence, ServiceFormField
from forms.uploads import download_url
from tests.accounts.people import make_person

from . import files
from tests.conftest import ALL_APPS, restored_database  # noqa: F401  (fixture)

from .conftest import (
    AGREE,
    ENGLISH_SERVICE_PATH,
    SERVICE_PATH,
    make_organization,
    make_service_page,
    signed_in_client,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

REFERENCE = re.compile(r"^QR-\d{4}-\d{6}$")
NBSP = "\xa0"


# --- Addresses and answers -------------------------------------------------------


def step_url(filing, number, base=SERVICE_PATH):
    return f"{base}{filing.pk}/addim-{number}/"


def check_url(filing, base=SERVICE_PATH):
    return f"{base}{filing.pk}/yoxla/"


def confirmation_url(filing, base=SERVICE_PATH):
    return f"{base}{filing.pk}/qebul/"


def print_url(filing, base=SERVICE_PATH):
    return f"{base}{filing.pk}/cap/"


def pdf_upload(name="Qrant müqaviləsi.pdf"):
    return SimpleUploadedFile(name, files.pdf_bytes(), content_type="application/pdf")


def answers(number):
    """Return valid POST data for a step, with a fresh upload for the file step."""
    if number == 1:
        return {"teskilatin_adi": "Gənclər Birliyi İctimai Birliyi", "olke": "AZ"}
    if number == 2:
        return {
            "qrantin_meblegi_0": "15000",
            "qrantin_meblegi_1": "USD",
            "layihenin_muddeti_0": "2026-01-01",
            "layihenin_muddeti_1": "2026-12-31",
            "donorla_razilasma": AGREE,
            "elave_qeyd": "Birinci sətir\nİkinci sətir",
        }
    return {"qrant_muqavilesi": pdf_upload(), "tesdiq": "on"}


def start_filing(client, organization) -> Filing:
    response = client.post(f"{SERVICE_PATH}basla/", {"organization": organization.pk})
    filing = Filing.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == step_url(filing, 1)
    return filing


def answer_steps(client, filing, through=3):
    for number in range(1, through + 1):
        response = client.post(step_url(filing, number), answers(number))
        assert response.status_code == 302, response.content.decode()[:2000]
    filing.refresh_from_db()
    return filing


def submit(client, filing):
    return client.post(check_url(filing), {"confirm": "on"})


def page_text(response) -> str:
    return response.content.decode()


def visible_text(response) -> str:
    """The page with HTML entities decoded, for comparing with messages."""
    return html.unescape(page_text(response))


def error_summary(response) -> str:
    text = visible_text(response)
    start = text.index('class="error-summary"')
    return text[start : text.index("</div>", start)]


def az(message: str, **values) -> str:
    """Translate ``message`` as the Azerbaijani pages do, whatever the catalogue contains today."""
    with translation.override("az"):
        text = gettext(message)
    return text % values if values else text


def az_plural(singular: str, plural: str, number: int, **values) -> str:
    with translation.override("az"):
        return ngettext(singular, plural, number) % values


def length_error(limit: int, length: int) -> str:
    return az_plural(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        limit,
        limit_value=limit,
        show_value=length,
    )


def invalid_choice(value: str) -> str:
    return az("Select a valid choice. %(value)s is not one of the available choices.", value=value)


# --- Landing page ----------------------------------------------------------------


def test_landing_signed_out_offers_sign_in(client, service_page):
    response = client.get(SERVICE_PATH)

    text = visible_text(response)
    assert response.status_code == 200
    assert f'href="/hesab/login/?next={SERVICE_PATH.replace("/", "%2F")}">{az("Sign in to start")}</a>' in text
    assert f'href="/hesab/signup/?next={SERVICE_PATH.replace("/", "%2F")}">{az("Create an account")}</a>' in text
    assert az("Start now") not in text


def test_landing_shows_guidance(client, service_page):
    response = client.get(SERVICE_PATH)

    html = page_text(response)
    assert "Qrant alan ictimai birliklər və fondlar." in html
    assert "Müqavilə bağlandıqdan sonra 30 gün ərzində." in html
    assert '<a href="/qanunlar/">Qrant haqqında Qanun</a>' in html
    assert "<li>Layihənin büdcəsi</li>" in html
    decision = az_plural(
        "The ministry decides within %(days)s day.", "The ministry decides within %(days)s days.", 15, days=15
    )
    assert decision in visible_text(response)


def test_landing_without_organization_links_create(service_page):
    client = Client()
    client.force_login(make_person("tenha@example.az"))

    text = visible_text(client.get(SERVICE_PATH))

    assert f'href="{reverse("organizations:create")}"' in text
    assert az("Start now") not in text


def test_landing_one_organization_hidden_choice(member_client, organization, service_page):
    text = visible_text(member_client.get(SERVICE_PATH))

    assert f'<input type="hidden" name="organization" value="{organization.pk}"' in text
    assert f'action="{SERVICE_PATH}basla/"' in text
    assert f'class="button button--start">{az("Start now")}</button>' in text


def test_landing_two_organizations_radios(member, member_client, organization, service_page):
    second = make_organization(member, "Ana Dili Fondu", "3300445566")

    html = page_text(member_client.get(SERVICE_PATH))

    assert f'type="radio" name="organization" value="{organization.pk}"' in html
    assert f'type="radio" name="organization" value="{second.pk}"' in html


def test_start_without_choice_shows_error(member, member_client, organization, service_page):
    make_organization(member, "Ana Dili Fondu", "3300445566")

    response = member_client.post(f"{SERVICE_PATH}basla/", {})

    assert response.status_code == 200
    assert az("Choose the organization that is applying.") in error_summary(response)
    assert Filing.objects.count() == 0


def test_landing_lists_unfinished_drafts(member_client, colleague_client, organization, service_page):
    draft = start_filing(member_client, organization)
    answer_steps(member_client, draft, through=1)

    text = visible_text(colleague_client.get(SERVICE_PATH))

    assert az("Applications you have not submitted yet") in text
    assert f'<a href="{step_url(draft, 2)}">{az("Continue")}' in text


def test_landing_hides_submitted_filings(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    submit(member_client, filing)

    text = visible_text(member_client.get(SERVICE_PATH))

    assert az("Applications you have not submitted yet") not in text


# --- Start -------------------------------------------------------------------------


def test_start_creates_draft_and_event(member, member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    assert filing.status == FilingStatus.DRAFT
    assert filing.page_id == service_page.pk
    assert filing.organization_id == organization.pk
    assert filing.created_by_id == member.pk
    assert filing.completed_step == 0
    assert filing.form_data == {}
    events = list(filing.events.values_list("from_status", "to_status", "user_id"))
    assert events == [("", FilingStatus.DRAFT, member.pk)]


def test_start_with_foreign_organization_is_404(member_client, organization, outsider, service_page):
    foreign = outsider.memberships.get().organization

    response = member_client.post(f"{SERVICE_PATH}basla/", {"organization": foreign.pk})

    assert response.status_code == 404
    assert Filing.objects.count() == 0
    assert FilingEvent.objects.count() == 0


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "1 OR 1=1"])
def test_start_with_tampered_id_is_404(member_client, organization, service_page, value):
    response = member_client.post(f"{SERVICE_PATH}basla/", {"organization": value})

    assert response.status_code == 404
    assert Filing.objects.count() == 0


def test_start_by_get_returns_to_the_landing_page(member_client, organization, service_page):
    # A language switch or a bookmark can open the start address; only a POST starts.
    response = member_client.get(f"{SERVICE_PATH}basla/")

    assert response.status_code == 302
    assert response["Location"] == SERVICE_PATH
    assert Filing.objects.count() == 0


def test_start_needs_csrf_token(member, organization, service_page):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(f"{SERVICE_PATH}basla/", {"organization": organization.pk})

    assert response.status_code == 403
    assert Filing.objects.count() == 0


def test_start_signed_out_goes_to_sign_in(client, organization, service_page):
    response = client.post(f"{SERVICE_PATH}basla/", {"organization": organization.pk})

    assert response.status_code == 302
    assert response["Location"].startswith("/hesab/login/?next=")
    assert Filing.objects.count() == 0


# --- Steps -------------------------------------------------------------------------


def test_step_progress_hint_and_links(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    html = visible_text(member_client.get(step_url(filing, 1)))

    assert az("Step %(number)s of %(total)s", number=1, total=3) in html
    # The first step has no section break above it, so it takes the page title.
    assert f"<h1>{service_page.title}</h1>" in html
    assert "Dövlət reyestrində yazıldığı kimi." in html
    article_link = '<a href="/qanunlar/qrantlar-haqqinda/madde-3/" target="_blank" rel="noopener noreferrer">'
    assert f"{article_link}Qrant haqqında Qanun, maddə 3" in html
    assert 'name="save_and_exit"' in html
    assert f'class="back-link" href="{SERVICE_PATH}"' in html
    assert "multipart/form-data" not in html


def test_second_step_title_and_back_link(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    html = visible_text(member_client.get(step_url(filing, 2)))

    assert az("Step %(number)s of %(total)s", number=2, total=3) in html
    assert "<h1>Maliyyə</h1>" in html
    assert "Qrantın məbləği və müddəti." in html
    assert f'class="back-link" href="{step_url(filing, 1)}"' in html


def test_multi_value_fields_labelled(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    html = visible_text(member_client.get(step_url(filing, 2)))

    assert '<legend class="label">Qrantın məbləği</legend>' in html
    assert f'<label class="label label--part" for="id_qrantin_meblegi_0">{az("Amount")}</label>' in html
    assert f'<label class="label label--part" for="id_qrantin_meblegi_1">{az("Currency")}</label>' in html
    assert f'<label class="label label--part" for="id_layihenin_muddeti_0">{az("From")}</label>' in html
    assert f'<label class="label label--part" for="id_layihenin_muddeti_1">{az("To")}</label>' in html


def test_valid_step_saves_and_moves_on(member, member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    response = member_client.post(step_url(filing, 1), answers(1))

    filing.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == step_url(filing, 2)
    assert filing.form_data == {"teskilatin_adi": "Gənclər Birliyi İctimai Birliyi", "olke": "AZ"}
    assert filing.completed_step == 1
    assert filing.updated_by_id == member.pk


def test_answers_stored_as_json_values(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)

    assert filing.form_data["qrantin_meblegi"] == {"amount": "15000.00", "currency": "USD"}
    assert filing.form_data["layihenin_muddeti"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert filing.form_data["donorla_razilasma"] == AGREE
    assert filing.form_data["elave_qeyd"] == "Birinci sətir\nİkinci sətir"


def test_step_shows_stored_answers(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)

    html = page_text(member_client.get(step_url(filing, 2)))

    assert 'value="15000.00"' in html
    assert '<option value="USD" selected>' in html
    assert 'value="2026-01-01"' in html
    assert re.search(f'<input type="radio" name="donorla_razilasma" value="{AGREE}"[^>]* checked>', html)


def test_invalid_step_keeps_values(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)
    data = {**answers(2), "layihenin_muddeti_0": "2026-12-31", "layihenin_muddeti_1": "2026-01-01"}

    response = member_client.post(step_url(filing, 2), data)

    text = visible_text(response)
    assert response.status_code == 200
    assert az("There is a problem") in text
    assert az("The end date must be the same as or after the start date.") in error_summary(response)
    assert 'value="15000"' in text
    assert 'value="2026-12-31"' in text
    assert f"<title>{az('Error:')}" in text


def test_invalid_post_saves_valid_fields_only(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)
    data = {**answers(2), "donorla_razilasma": ""}

    response = member_client.post(step_url(filing, 2), data)

    filing.refresh_from_db()
    assert response.status_code == 200
    assert filing.form_data["qrantin_meblegi"] == {"amount": "15000.00", "currency": "USD"}
    assert filing.form_data["layihenin_muddeti"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert "donorla_razilasma" not in filing.form_data
    assert filing.completed_step == 1


def test_invalid_post_never_marks_step_complete(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    member_client.post(step_url(filing, 1), {"teskilatin_adi": "Gənclər Birliyi", "olke": "XX"})

    filing.refresh_from_db()
    assert filing.form_data == {"teskilatin_adi": "Gənclər Birliyi"}
    assert filing.completed_step == 0
    assert member_client.get(step_url(filing, 2))["Location"] == step_url(filing, 1)


def test_save_and_exit_keeps_partial_answers(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)
    data = {"qrantin_meblegi_0": "2 500,50", "qrantin_meblegi_1": "AZN", "save_and_exit": "1"}

    response = member_client.post(step_url(filing, 2), data, follow=True)

    filing.refresh_from_db()
    assert response.redirect_chain[0][1] == 302
    assert response.redirect_chain[0][0] == reverse("eservices:my_applications")
    saved = az("Your answers have been saved. You can come back and finish the application later.")
    assert saved in visible_text(response)
    assert filing.form_data["qrantin_meblegi"] == {"amount": "2500.50", "currency": "AZN"}
    assert filing.completed_step == 1


def test_save_and_exit_with_invalid_value_shows_it(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)
    data = {
        "qrantin_meblegi_0": "15000",
        "qrantin_meblegi_1": "USD",
        "layihenin_muddeti_0": "2026-02-30",
        "layihenin_muddeti_1": "2026-12-31",
        "save_and_exit": "1",
    }

    response = member_client.post(step_url(filing, 2), data)

    filing.refresh_from_db()
    summary = error_summary(response)
    assert response.status_code == 200
    assert az("Enter a valid date.") in summary
    # Fields left empty are not errors when saving for later.
    assert az("This field is required.") not in summary
    assert filing.form_data["qrantin_meblegi"] == {"amount": "15000.00", "currency": "USD"}
    assert "layihenin_muddeti" not in filing.form_data


def test_save_and_exit_half_range_error(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)
    data = {"layihenin_muddeti_0": "2026-01-01", "save_and_exit": "1"}

    response = member_client.post(step_url(filing, 2), data)

    filing.refresh_from_db()
    # The start date was typed, so the applicant sees the error rather than losing the date.
    assert response.status_code == 200
    assert 'value="2026-01-01"' in page_text(response)
    assert "layihenin_muddeti" not in filing.form_data


def test_skipped_step_redirects_back(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    response = member_client.get(step_url(filing, 3))

    assert response.status_code == 302
    assert response["Location"] == step_url(filing, 2)


def test_post_to_step_beyond_next_saves_nothing(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    response = member_client.post(step_url(filing, 2), answers(2))

    filing.refresh_from_db()
    assert response["Location"] == step_url(filing, 1)
    assert filing.form_data == {}


@pytest.mark.parametrize("number", [0, 4, 99])
def test_step_out_of_range_is_404(member_client, organization, service_page, number):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    assert member_client.get(step_url(filing, number)).status_code == 404


def test_change_link_returns_to_check_answers(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    data = {**answers(2), "qrantin_meblegi_0": "20000"}

    response = member_client.post(step_url(filing, 2) + "?return=check", data)

    filing.refresh_from_db()
    assert response["Location"] == check_url(filing)
    assert filing.form_data["qrantin_meblegi"]["amount"] == "20000.00"


def test_step_back_link_returns_to_check_answers(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    html = page_text(member_client.get(step_url(filing, 2) + "?return=check"))

    assert f'class="back-link" href="{check_url(filing)}"' in html
    assert f'action="{step_url(filing, 2)}?return=check"' in html


def test_last_step_leads_to_check_answers(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)

    response = member_client.post(step_url(filing, 3), answers(3))

    assert response["Location"] == check_url(filing)


# --- Files -------------------------------------------------------------------------


def test_file_step_is_multipart_with_limits_hint(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)

    html = visible_text(member_client.get(step_url(filing, 3)))

    assert 'enctype="multipart/form-data"' in html
    types = az("%(first)s or %(last)s", first="PDF, JPG", last="PNG")
    assert az("%(types)s, up to %(size)s MB", types=types, size=10) in html
    assert 'type="file" name="qrant_muqavilesi"' in html


def test_file_upload_stored_in_form_data(member, member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    row = FilingFile.objects.get(filing=filing)
    assert filing.form_data["qrant_muqavilesi"] == {
        "file": row.pk,
        "name": "Qrant müqaviləsi.pdf",
        "size": row.size,
        "content_type": "application/pdf",
    }
    assert row.uploaded_by_id == member.pk
    assert filing.completed_step == 3


def test_stored_file_not_required_again(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    row = FilingFile.objects.get(filing=filing)

    html = visible_text(member_client.get(step_url(filing, 3)))
    response = member_client.post(step_url(filing, 3), {"tesdiq": "on"})

    filing.refresh_from_db()
    assert f'<a href="{download_url(row)}">Qrant müqaviləsi.pdf</a>' in html
    assert az("Choose a new file only to replace it.") in html
    assert response["Location"] == check_url(filing)
    assert filing.form_data["qrant_muqavilesi"]["file"] == row.pk


def test_new_upload_replaces_stored_file(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    first = FilingFile.objects.get(filing=filing)

    member_client.post(step_url(filing, 3), {"qrant_muqavilesi": pdf_upload("Yeni müqavilə.pdf"), "tesdiq": "on"})

    filing.refresh_from_db()
    second = FilingFile.objects.get(filing=filing)
    assert second.pk != first.pk
    assert filing.form_data["qrant_muqavilesi"]["name"] == "Yeni müqavilə.pdf"


def test_upload_kept_when_other_field_invalid(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)

    response = member_client.post(step_url(filing, 3), {"qrant_muqavilesi": pdf_upload()})

    filing.refresh_from_db()
    row = FilingFile.objects.get(filing=filing)
    assert response.status_code == 200
    assert az("You must tick this box to continue.") in error_summary(response)
    assert filing.form_data["qrant_muqavilesi"]["file"] == row.pk
    assert filing.completed_step == 2
    # The file is shown as uploaded, so the applicant need not pick it again.
    assert f'<a href="{download_url(row)}">Qrant müqaviləsi.pdf</a>' in page_text(response)


def test_disguised_file_rejected_and_not_stored(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)
    fake = SimpleUploadedFile("muqavile.pdf", files.html_bytes(), content_type="application/pdf")

    response = member_client.post(step_url(filing, 3), {"qrant_muqavilesi": fake, "tesdiq": "on"})

    filing.refresh_from_db()
    assert response.status_code == 200
    listed = az("%(first)s or %(last)s", first="PDF, JPG", last="PNG")
    assert az("The selected file must be a %(types)s", types=listed) in error_summary(response)
    assert FilingFile.objects.filter(filing=filing).count() == 0
    assert filing.completed_step == 2


# --- Access ------------------------------------------------------------------------


def test_colleague_resumes_in_english(colleague, colleague_client, member_client, organization, english_service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    page = colleague_client.get(step_url(filing, 2, base=ENGLISH_SERVICE_PATH))
    response = colleague_client.post(step_url(filing, 2, base=ENGLISH_SERVICE_PATH), answers(2))

    filing.refresh_from_db()
    assert page.status_code == 200
    assert "Registering a grant agreement" in page_text(page)
    assert response["Location"] == step_url(filing, 3, base=ENGLISH_SERVICE_PATH)
    assert filing.completed_step == 2
    assert filing.updated_by_id == colleague.pk
    assert filing.form_data["teskilatin_adi"] == "Gənclər Birliyi İctimai Birliyi"


def test_colleague_sees_member_answers(colleague_client, member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    html = page_text(colleague_client.get(step_url(filing, 1)))

    assert 'value="Gənclər Birliyi İctimai Birliyi"' in html


def filing_routes(filing):
    return [
        ("get", step_url(filing, 1)),
        ("get", step_url(filing, 2)),
        ("post", step_url(filing, 1)),
        ("get", check_url(filing)),
        ("post", check_url(filing)),
        ("get", confirmation_url(filing)),
        ("get", print_url(filing)),
    ]


def test_non_member_gets_404_on_every_route(outsider_client, member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)
    before = Filing.objects.values().get(pk=filing.pk)

    for method, url in filing_routes(filing):
        response = getattr(outsider_client, method)(url, {**answers(1), "confirm": "on"} if method == "post" else {})
        assert response.status_code == 404, (method, url)

    assert Filing.objects.values().get(pk=filing.pk) == before


def test_unknown_filing_id_is_404(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    assert member_client.get(step_url(filing, 1).replace(str(filing.pk), str(filing.pk + 1000))).status_code == 404


def test_filing_of_another_service_is_404(member_client, organization, service_page):
    filing = start_filing(member_client, organization)
    make_service_page(title="Hesabat", slug="hesabat", prefix="HS")

    response = member_client.get(step_url(filing, 1, base="/e-xidmetler/hesabat/"))

    assert response.status_code == 404


def test_signed_out_visitor_sent_to_sign_in(client, member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    for method, url in filing_routes(filing):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith("/hesab/login/?next="), (method, url)


# --- Check answers -----------------------------------------------------------------


def test_check_answers_formats_each_answer(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    row = FilingFile.objects.get(filing=filing)

    response = member_client.get(check_url(filing))

    html = page_text(response)
    assert f"15{NBSP}000,00 USD" in html
    assert "01.01.2026 – 31.12.2026" in html
    assert "Azərbaycan" in html
    assert AGREE in html
    assert "Birinci sətir<br>İkinci sətir" in html
    assert f'<a href="{download_url(row)}">Qrant müqaviləsi.pdf</a>' in html
    assert f'href="{step_url(filing, 2)}?return=check"' in html
    assert f'class="button">{az("Submit")}</button>' in visible_text(response)
    assert "Verdiyim məlumatların doğru və tam olduğunu təsdiq edirəm." in html


def test_check_answers_in_english_formats(member_client, organization, english_service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    html = page_text(member_client.get(check_url(filing, base=ENGLISH_SERVICE_PATH)))

    assert "15,000.00 USD" in html
    assert "Azerbaijan" in html


def test_missing_steps_hide_submit(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    text = visible_text(member_client.get(check_url(filing)))

    assert az("Some answers are missing") in text
    assert f'<a href="{step_url(filing, 2)}">Maliyyə</a>' in text
    assert f'<a href="{step_url(filing, 3)}">Sənədlər</a>' in text
    assert f'{az("Submit")}</button>' not in text


def test_submit_missing_steps_changes_nothing(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)

    response = submit(member_client, filing)

    filing.refresh_from_db()
    assert response.status_code == 200
    assert filing.status == FilingStatus.DRAFT
    assert filing.reference is None


def test_submit_needs_declaration(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    response = member_client.post(check_url(filing), {})

    filing.refresh_from_db()
    assert response.status_code == 200
    assert az("You must tick this box to continue.") in error_summary(response)
    assert filing.status == FilingStatus.DRAFT


def test_submit_checks_stored_answers_again(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    Filing.objects.filter(pk=filing.pk).update(
        form_data={**filing.form_data, "qrantin_meblegi": {"amount": "-5", "currency": "USD"}}
    )

    response = submit(member_client, filing)

    filing.refresh_from_db()
    assert response.status_code == 200
    assert az("Some answers are missing") in visible_text(response)
    assert f'<a href="{step_url(filing, 2)}">Maliyyə</a>' in page_text(response)
    assert filing.status == FilingStatus.DRAFT
    assert ReferenceSequence.objects.count() == 0


def test_submit_needs_the_stored_file(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    FilingFile.objects.filter(filing=filing).delete()

    submit(member_client, filing)

    filing.refresh_from_db()
    assert filing.status == FilingStatus.DRAFT


# --- Submit ------------------------------------------------------------------------


def test_submit_gives_reference_and_event(member, member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    response = submit(member_client, filing)

    filing.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == confirmation_url(filing)
    assert filing.status == FilingStatus.SUBMITTED
    assert REFERENCE.match(filing.reference)
    assert filing.reference.endswith("-000001")
    assert filing.submitted_at is not None
    event = filing.events.get(to_status=FilingStatus.SUBMITTED)
    assert event.from_status == FilingStatus.DRAFT
    assert event.user_id == member.pk


def test_double_submit_creates_one_reference(
    member_client, organization, service_page, django_capture_on_commit_callbacks, run_queued_tasks
):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    with django_capture_on_commit_callbacks(execute=True):
        first = submit(member_client, filing)
        second = submit(member_client, filing)
    run_queued_tasks()

    filing.refresh_from_db()
    assert first["Location"] == confirmation_url(filing)
    assert second["Location"] == confirmation_url(filing)
    assert filing.events.filter(to_status=FilingStatus.SUBMITTED).count() == 1
    assert ReferenceSequence.objects.get(prefix="QR").last_number == 1
    assert len(mail.outbox) == 1


def test_second_filing_gets_next_number(member_client, organization, service_page):
    first = answer_steps(member_client, start_filing(member_client, organization))
    second = answer_steps(member_client, start_filing(member_client, organization))

    submit(member_client, first)
    submit(member_client, second)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.reference.endswith("-000001")
    assert second.reference.endswith("-000002")


def test_translation_shares_reference_prefix(member_client, organization, english_service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    response = member_client.post(check_url(filing, base=ENGLISH_SERVICE_PATH), {"confirm": "on"})

    filing.refresh_from_db()
    assert response["Location"] == confirmation_url(filing, base=ENGLISH_SERVICE_PATH)
    assert REFERENCE.match(filing.reference)


def test_confirmation_email_sent_once(
    member_client, organization, service_page, django_capture_on_commit_callbacks, run_queued_tasks
):
    filing = answer_steps(member_client, start_filing(member_client, organization))

    with django_capture_on_commit_callbacks(execute=True):
        submit(member_client, filing)
    run_queued_tasks()

    filing.refresh_from_db()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aysel@example.az"]
    assert filing.reference in message.subject
    assert service_page.title in message.subject
    assert "Gənclər Birliyi" in message.body
    assert f"{az('Reference number:')} {filing.reference}" in message.body
    assert "Nazirlik müraciətə baxır & qərar verir.\n- Qeydiyyat" in message.body
    assert "<p>" not in message.body
    # The link leads to the filing's page in My applications, which follows every later status.
    assert f"http://127.0.0.1:8000/muracietler/{filing.pk}/" in message.body


def test_confirmation_email_in_recipient_language(
    colleague_client, organization, english_service_page, django_capture_on_commit_callbacks, run_queued_tasks
):
    filing = answer_steps(colleague_client, start_filing(colleague_client, organization))

    with django_capture_on_commit_callbacks(execute=True):
        submit(colleague_client, filing)
    run_queued_tasks()

    message = mail.outbox[0]
    assert message.to == ["kamran@example.az"]
    # The colleague reads English: the English title and address of the service.
    assert "Registering a grant agreement" in message.subject
    assert f"/en/muracietler/{filing.pk}/" in message.body


def test_no_email_when_submission_fails(member_client, organization, service_page, django_capture_on_commit_callbacks):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)

    with django_capture_on_commit_callbacks(execute=True):
        submit(member_client, filing)

    assert mail.outbox == []


# --- After submitting ----------------------------------------------------------------


def test_submitted_filing_steps_not_editable(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    submit(member_client, filing)
    filing.refresh_from_db()
    before = filing.form_data

    get_response = member_client.get(step_url(filing, 1))
    post_response = member_client.post(step_url(filing, 1), {"teskilatin_adi": "Başqa ad", "olke": "TR"})
    check_response = member_client.get(check_url(filing))

    filing.refresh_from_db()
    assert get_response["Location"] == confirmation_url(filing)
    assert post_response["Location"] == confirmation_url(filing)
    assert check_response["Location"] == confirmation_url(filing)
    assert filing.form_data == before


def test_confirmation_page(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    submit(member_client, filing)
    filing.refresh_from_db()

    html = page_text(member_client.get(confirmation_url(filing)))

    assert az("Application submitted") in html
    assert f'<strong class="confirmation-panel__reference">{filing.reference}</strong>' in html
    assert "Nazirlik müraciətə baxır &amp; qərar verir." in html
    assert f'href="{print_url(filing)}"' in html
    assert az("My applications") in html


def test_confirmation_of_draft_goes_to_check_answers(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    response = member_client.get(confirmation_url(filing))

    assert response["Location"] == check_url(filing)


def test_print_view_lists_record(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    submit(member_client, filing)
    filing.refresh_from_db()

    html = page_text(member_client.get(print_url(filing)))

    assert filing.reference in html
    assert "Gənclər Birliyi" in html
    assert "1400057421" in html
    assert f"15{NBSP}000,00 USD" in html
    assert filing.submitted_at.astimezone().strftime("%Y") in html
    assert "?return=check" not in html
    assert 'class="page-print"' in html


# --- Hostile input -------------------------------------------------------------------


def test_huge_input_gives_length_error(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    response = member_client.post(step_url(filing, 1), {"teskilatin_adi": "ə" * 100_000, "olke": "AZ"})

    filing.refresh_from_db()
    assert response.status_code == 200
    assert length_error(500, 100_000) in error_summary(response)
    assert filing.form_data == {"olke": "AZ"}


def test_huge_note_gives_length_error(member_client, organization, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    response = member_client.post(step_url(filing, 2), {**answers(2), "elave_qeyd": "a" * 100_000})

    assert response.status_code == 200
    assert length_error(10_000, 100_000) in error_summary(response)


def test_unknown_fields_ignored(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    response = member_client.post(
        step_url(filing, 1), {**answers(1), "status": "accepted", "reference": "QR-2026-999999", "completed_step": "3"}
    )

    filing.refresh_from_db()
    assert response.status_code == 302
    assert set(filing.form_data) == {"teskilatin_adi", "olke"}
    assert filing.status == FilingStatus.DRAFT
    assert filing.reference is None
    assert filing.completed_step == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("qrantin_meblegi_1", "XXX", lambda: invalid_choice("XXX")),
        ("qrantin_meblegi_0", "NaN", lambda: az("Enter the amount as a number with at most two decimals, for example 15000 or 15000,50.")),
        ("qrantin_meblegi_0", "1e400", lambda: az("Enter the amount as a number with at most two decimals, for example 15000 or 15000,50.")),
        ("layihenin_muddeti_0", "2026-02-30", lambda: az("Enter a valid date.")),
        ("layihenin_muddeti_1", "31/31/2026", lambda: az("Enter a valid date.")),
        ("donorla_razilasma", "Bəli", lambda: invalid_choice("Bəli")),
        ("elave_qeyd", "nul\x00byte", lambda: az("Null characters are not allowed.")),
    ],
)
def test_tampered_values_give_errors(member_client, organization, service_page, field, value, message):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=1)

    response = member_client.post(step_url(filing, 2), {**answers(2), field: value})

    filing.refresh_from_db()
    assert response.status_code == 200
    assert message() in error_summary(response)
    assert filing.completed_step == 1


def test_tampered_country_gives_error(member_client, organization, service_page):
    filing = start_filing(member_client, organization)

    response = member_client.post(step_url(filing, 1), {**answers(1), "olke": "<script>"})

    assert response.status_code == 200
    assert invalid_choice("<script>") in error_summary(response)
    assert "<script>" not in page_text(response)


def test_reuse_choice_ignored_unless_offered(member_client, organization, outsider, outsider_client, service_page):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    stored = FilingFile.objects.get(filing=filing)
    foreign_filing = start_filing(outsider_client, outsider.memberships.get().organization)
    foreign_row = FilingFile.objects.get(filing=answer_steps(outsider_client, foreign_filing))

    response = member_client.post(step_url(filing, 3), {"qrant_muqavilesi__reuse": foreign_row.pk, "tesdiq": "on"})

    filing.refresh_from_db()
    assert response.status_code == 302
    assert filing.form_data["qrant_muqavilesi"]["file"] == stored.pk


TWO_FILE_FIELDS = [
    {"label": "Nizamnamə", "clean_name": "nizamname", "field_type": "file", "allowed_file_types": "pdf"},
    {"label": "Müqavilə", "clean_name": "muqavile", "field_type": "file", "allowed_file_types": "pdf"},
]


TWO_FILES_PATH = "/e-xidmetler/iki-sened/"


def start_with_one_file(client, organization) -> Filing:
    """Start a filing of the service with two file fields and answer the first."""
    client.post(f"{TWO_FILES_PATH}basla/", {"organization": organization.pk})
    filing = Filing.objects.latest("pk")
    client.post(step_url(filing, 1, base=TWO_FILES_PATH), {"nizamname": pdf_upload("Nizamnamə.pdf")})
    return filing


def test_earlier_upload_reused_elsewhere(member_client, organization):
    make_service_page(title="İki sənəd", slug="iki-sened", prefix="IS", fields=TWO_FILE_FIELDS)
    base = TWO_FILES_PATH
    filing = start_with_one_file(member_client, organization)
    first = FilingFile.objects.get(filing=filing)

    form_page = visible_text(member_client.get(step_url(filing, 1, base=base)))
    response = member_client.post(step_url(filing, 1, base=base), {"muqavile__reuse": first.pk})

    filing.refresh_from_db()
    assert f'name="muqavile__reuse" value="{first.pk}"' in form_page
    assert response["Location"] == check_url(filing, base=base)
    assert filing.form_data["muqavile"]["file"] == first.pk
    assert filing.form_data["nizamname"]["file"] == first.pk
    assert filing.completed_step == 1


def test_foreign_file_cannot_be_reused(member_client, organization, outsider, outsider_client):
    make_service_page(title="İki sənəd", slug="iki-sened", prefix="IS", fields=TWO_FILE_FIELDS)
    base = TWO_FILES_PATH
    foreign_row = FilingFile.objects.get(
        filing=start_with_one_file(outsider_client, outsider.memberships.get().organization)
    )
    filing = start_with_one_file(member_client, organization)

    response = member_client.post(step_url(filing, 1, base=base), {"muqavile__reuse": foreign_row.pk})

    filing.refresh_from_db()
    assert response.status_code == 200
    assert az("Choose one of the files listed") in error_summary(response)
    assert "muqavile" not in filing.form_data
    assert filing.completed_step == 0


def test_editor_text_is_escaped(member_client, organization, service_page):
    field = ServiceFormField.objects.get(page=service_page, clean_name="teskilatin_adi")
    field.label = "Ad <b>qalın</b>"
    field.help_text = "<script>alert(1)</script>"
    field.save()
    filing = start_filing(member_client, organization)

    html = page_text(member_client.get(step_url(filing, 1)))

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ad &lt;b&gt;qalın&lt;/b&gt;" in html


def test_sample_document_link(member_client, organization, service_page):
    document = Document.objects.create(title="Nümunə", file=ContentFile(files.pdf_bytes(), name="numune.pdf"))
    try:
        ServiceFormField.objects.filter(page=service_page, clean_name="olke").update(sample_document=document)
        filing = start_filing(member_client, organization)

        text = visible_text(member_client.get(step_url(filing, 1)))

        assert f'<a href="{document.url}" target="_blank" rel="noopener noreferrer">{az("See a sample")}' in text
        assert az("The law that requires this") not in text
    finally:
        document.file.delete(save=False)


# --- Reference numbers under load ------------------------------------------------------

PARALLEL_SUBMISSIONS = 50
DOUBLE_CLICKS = 9


SIMPLE_FIELDS = [{"label": "Layihənin adı", "clean_name": "layihenin_adi", "field_type": "singleline"}]


@pytest.mark.django_db(transaction=True, available_apps=ALL_APPS)
def test_parallel_submissions_get_unique_references(restored_database, monkeypatch, run_queued_tasks):
    take_sequence = references._locked_sequence

    def slow_sequence(prefix, year):
        # Keep the number unsaved for a moment: a submission that did not wait
        # for the row lock would then read the same number.
        sequence = take_sequence(prefix, year)
        time.sleep(0.02)
        return sequence

    monkeypatch.setattr(references, "_locked_sequence", slow_sequence)
    page = make_service_page(title="Sürətli xidmət", slug="suretli", prefix="QR", fields=SIMPLE_FIELDS)
    owner = make_person("paralel@example.az")
    organization = make_organization(owner, "Paralel Birlik", "4400556677")
    filings = [
        Filing.objects.create(
            page=page,
            organization=organization,
            created_by=owner,
            form_data={"layihenin_adi": f"Layihə {index}"},
            completed_step=1,
        )
        for index in range(PARALLEL_SUBMISSIONS)
    ]
    # Every filing once, and the first one again and again, as double clicks would.
    jobs = [(signed_in_client(owner), filing) for filing in filings + [filings[0]] * DOUBLE_CLICKS]

    barrier = threading.Barrier(len(jobs))
    outcomes = []

    def submit_in_thread(client, filing):
        try:
            barrier.wait(timeout=60)
            response = client.post(f"{page.url}{filing.pk}/yoxla/", {"confirm": "on"})
            outcomes.append(response.status_code)
        except Exception as error:  # reported by the assertion on outcomes below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit_in_thread, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    given = list(Filing.objects.filter(page=page).values_list("reference", flat=True))
    assert outcomes == [302] * len(jobs)
    assert None not in given
    assert all(REFERENCE.match(reference) for reference in given)
    assert len(set(given)) == PARALLEL_SUBMISSIONS
    numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in given)
    assert numbers == list(range(1, PARALLEL_SUBMISSIONS + 1))
    assert ReferenceSequence.objects.get(prefix="QR").last_number == PARALLEL_SUBMISSIONS
    submitted_events = FilingEvent.objects.filter(filing__page=page, to_status=FilingStatus.SUBMITTED)
    assert submitted_events.count() == PARALLEL_SUBMISSIONS
    assert submitted_events.filter(filing=filings[0]).count() == 1
    # One confirmation per filing is queued, whatever the double clicks did.
    assert EmailDelivery.objects.filter(notification__kind="filing.submitted").count() == PARALLEL_SUBMISSIONS
    run_queued_tasks()
    assert len(mail.outbox) == PARALLEL_SUBMISSIONS


def test_double_click_on_start_opens_one_draft(member_client, organization, service_page):
    first = member_client.post(f"{SERVICE_PATH}basla/", {"organization": organization.pk})
    second = member_client.post(f"{SERVICE_PATH}basla/", {"organization": organization.pk})

    assert first["Location"] == second["Location"]
    assert Filing.objects.count() == 1


def test_start_after_answering_makes_a_new_draft(member_client, organization, service_page):
    filing = start_filing(member_client, organization)
    member_client.post(step_url(filing, 1), answers(1))

    member_client.post(f"{SERVICE_PATH}basla/", {"organization": organization.pk})

    assert Filing.objects.count() == 2
