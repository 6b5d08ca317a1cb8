"""Registering a grant on a phone: one member of the organization starts the
application, another finishes and submits it, and the service still works
with JavaScript turned off.

Locators are field names, form actions, addresses and CSS classes rather
than texts, because translations change. Where a translated text is asserted,
the expected text comes from the catalogue the site reads, through gettext.
"""

import json
import re
from datetime import date, timedelta
from email.message import EmailMessage

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from forms.content.grant import FIELDS
from forms.uploads import UploadField
from tests.eservices.files import pdf_bytes

from .conftest import audit, screenshot
from .outbox import addressed_to, wait_for_message

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
DEMO_PASSWORD = "fep-demo-2026"
OWNER = "aysel@example.org"
MEMBER = "rauf@example.org"
ORGANIZATION = "“Gənc Hüquqşünaslar” İctimai Birliyi"
SERVICE_PATH = "/e-xidmetler/qrant-qeydiyyati/"
APPLICATIONS_PATH = "/muracietler/"
REFERENCE = re.compile(r"^QR-\d{4}-\d{6}$")
FAKE_PDF = b"<!doctype html><html><body><p>Not a PDF at all</p></body></html>\n"


# --- Helpers ---------------------------------------------------------------------


def phone_page(browser, **options):
    context = browser.new_context(viewport=PHONE, **options)
    page = context.new_page()
    page.viewport_width = PHONE["width"]
    return context, page


def sign_in(page, site_url, address):
    page.goto(site_url + "/hesab/login/")
    page.fill("input[name=login]", address)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/hesab/")


def assert_fits_phone(page):
    too_wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], too_wide


def assert_accessible(page):
    violations = audit(page)
    assert violations == [], json.dumps(violations, indent=2)


def check_page(page, name):
    """Check that the page fits the phone and passes axe, then save its screenshot."""
    assert_fits_phone(page)
    assert_accessible(page)
    screenshot(page, name)


def read_mail(outbox, to: str, timeout: float = 10.0) -> EmailMessage:
    """Return the first e-mail to ``to`` in the site's outbox folder."""
    return wait_for_message(outbox, lambda _file, message: addressed_to(message, to), f"to {to}", timeout)


def choice(field_name: str, position: int) -> str:
    """Return the Azerbaijani text of a shipped choice, which is also the value of its radio or option."""
    spec = next(field for field in FIELDS if field.name == field_name)
    return spec.choices.az[position]


def azerbaijani(text: str) -> str:
    with translation.override("az"):
        return translation.gettext(text)


def wrong_type_error(field_name: str, language: str) -> str:
    """Return the error the site gives, in ``language``, for a file that is none of the field's types."""
    spec = next(field for field in FIELDS if field.name == field_name)
    field = UploadField(allowed_types=spec.file_types.split(","), max_size_mb=spec.max_file_size_mb)
    with translation.override(language), pytest.raises(ValidationError) as raised:
        field.clean(SimpleUploadedFile("x.pdf", FAKE_PDF, content_type="application/pdf"))
    return raised.value.messages[0]


def press_continue(page):
    page.locator("main form .form__actions button[type=submit]:not([name])").click()


def filing_id_from(url: str) -> str:
    return re.search(r"/(\d+)/addim-\d+/", url).group(1)


# --- The whole application, by two members ---------------------------------------


def test_grant_filed_by_two_members(browser, site_url, outbox, tmp_path):
    signed_on = date.today() - timedelta(days=5)

    # Aysel finds the service from the main navigation and starts it for her association.
    context, page = phone_page(browser)
    sign_in(page, site_url, OWNER)
    page.locator(".site-nav a[href$='/e-xidmetler/']").click()
    page.wait_for_url("**/e-xidmetler/")
    page.locator(f"main a[href$='{SERVICE_PATH}']").click()
    page.wait_for_url("**" + SERVICE_PATH)
    check_page(page, "eservice-landing")

    page.get_by_label(ORGANIZATION, exact=True).check()
    page.locator("main form[action$='/basla/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/\d+/addim-1/$"))
    filing_id = filing_id_from(page.url)
    step_path = f"{SERVICE_PATH}{filing_id}/addim-"
    assert ORGANIZATION in page.locator("main").inner_text()

    # Step 1: about the grant.
    page.check(f"input[name=filing_kind][value='{choice('filing_kind', 0)}']")
    page.check(f"input[name=organization_role][value='{choice('organization_role', 0)}']")
    page.fill("textarea[name=purpose]", "Gənclər üçün pulsuz hüquqi məsləhət mərkəzinin açılması.")
    page.fill("input[name=signed_on]", signed_on.isoformat())
    press_continue(page)
    page.wait_for_url(f"**{step_path}2/")

    # Step 2, half done: she saves and leaves.
    page.fill("input[name=donor_name]", "Avropa Hüquq Fondu")
    page.select_option("select[name=donor_country]", "DE")
    page.locator("main form button[name=save_and_exit]").click()
    page.wait_for_url("**" + APPLICATIONS_PATH)
    assert page.locator(f"main .application a[href$='{step_path}2/']").count() == 1
    context.close()

    # Rauf, in the same association, carries on from "My applications".
    context, page = phone_page(browser)
    sign_in(page, site_url, MEMBER)
    page.locator(f".site-nav a[href$='{APPLICATIONS_PATH}']").click()
    page.wait_for_url("**" + APPLICATIONS_PATH)
    page.locator(f"main .application a[href$='{step_path}2/']").click()
    page.wait_for_url(f"**{step_path}2/")
    assert page.input_value("input[name=donor_name]") == "Avropa Hüquq Fondu"
    assert page.input_value("select[name=donor_country]") == "DE"

    page.select_option("select[name=donor_type]", choice("donor_type", 2))
    page.check(f"input[name=donor_grant_right][value='{choice('donor_grant_right', 0)}']")
    page.fill("input[name=recipient_name]", ORGANIZATION)
    page.select_option("select[name=recipient_country]", "AZ")
    press_continue(page)
    page.wait_for_url(f"**{step_path}3/")

    # Step 3: money and period.
    page.fill("input[name=amount_0]", "25000.00")
    page.select_option("select[name=amount_1]", "EUR")
    page.fill("input[name=grant_period_0]", signed_on.isoformat())
    page.fill("input[name=grant_period_1]", (signed_on + timedelta(days=365)).isoformat())
    press_continue(page)
    page.wait_for_url(f"**{step_path}4/")

    # Step 4: a web page renamed to .pdf is rejected by its content.
    fake = tmp_path / "muqavile.pdf"
    fake.write_bytes(FAKE_PDF)
    page.set_input_files("input[name=signed_agreement]", str(fake))
    page.check("input[name=no_operations_before_registration]")
    press_continue(page)
    page.wait_for_url(f"**{step_path}4/")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    error = wrong_type_error("signed_agreement", "az")
    assert error != wrong_type_error("signed_agreement", "en")
    assert summary.locator("a[href='#id_signed_agreement']").inner_text() == error
    check_page(page, "eservice-step-errors")

    real = tmp_path / "qrant-muqavilesi.pdf"
    real.write_bytes(pdf_bytes())
    page.set_input_files("input[name=signed_agreement]", str(real))
    # The valid declaration was kept, so only the file is chosen again.
    assert page.is_checked("input[name=no_operations_before_registration]")
    press_continue(page)
    page.wait_for_url(f"**{SERVICE_PATH}{filing_id}/yoxla/")

    # Check answers, change the donor's name, come back.
    main = page.locator("main")
    assert "qrant-muqavilesi.pdf" in main.inner_text()
    assert "Avropa Hüquq Fondu" in main.inner_text()
    check_page(page, "eservice-check-answers")

    page.locator(f"main a[href$='{step_path}2/?return=check']").first.click()
    page.wait_for_url(f"**{step_path}2/?return=check")
    page.fill("input[name=donor_name]", "Avropa Demokratiya Fondu")
    press_continue(page)
    page.wait_for_url(f"**{SERVICE_PATH}{filing_id}/yoxla/")
    assert "Avropa Demokratiya Fondu" in main.inner_text()
    assert "Avropa Hüquq Fondu" not in main.inner_text()

    # Declare and submit.
    page.check("input[name=confirm]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{SERVICE_PATH}{filing_id}/qebul/")
    reference = page.locator(".confirmation-panel__reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    assert ORGANIZATION in main.inner_text()
    check_page(page, "eservice-confirmation")

    # "My applications" lists it as submitted.
    page.locator(f"main a[href$='{APPLICATIONS_PATH}']").click()
    page.wait_for_url("**" + APPLICATIONS_PATH)
    filing = page.locator(".application", has=page.locator(f"a[href$='{APPLICATIONS_PATH}{filing_id}/']"))
    assert filing.count() == 1
    assert reference in filing.inner_text()
    status = filing.locator(".tag--status-submitted")
    assert azerbaijani("Submitted") != "Submitted"
    assert status.inner_text().strip() == azerbaijani("Submitted")
    assert filing.locator(f"a[href*='{step_path}']").count() == 0
    check_page(page, "eservice-my-applications")

    # The confirmation e-mail goes to Rauf, who submitted.
    message = read_mail(outbox, MEMBER)
    assert reference in message["Subject"]
    body = message.get_content()
    assert reference in body
    # The notification e-mail links to the application's status page.
    assert f"{APPLICATIONS_PATH}{filing_id}/" in body
    context.close()


# --- Without JavaScript ------------------------------------------------------------


def test_grant_steps_without_javascript(browser, site_url):
    context, page = phone_page(browser, java_script_enabled=False)
    sign_in(page, site_url, MEMBER)
    page.goto(site_url + SERVICE_PATH)

    # Rauf acts for one organization only: the start form names it, no choice to make.
    assert ORGANIZATION in page.locator("main form[action$='/basla/']").inner_text()
    page.locator("main form[action$='/basla/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/\d+/addim-1/$"))
    filing_id = filing_id_from(page.url)

    page.check(f"input[name=filing_kind][value='{choice('filing_kind', 1)}']")
    page.fill("input[name=earlier_reference]", "QR-2026-000123")
    page.check(f"input[name=organization_role][value='{choice('organization_role', 1)}']")
    page.fill("textarea[name=purpose]", "Xaricdəki tərəfdaşa sub-qrant.")
    page.fill("input[name=signed_on]", date.today().isoformat())
    page.locator("main form button[name=save_and_exit]").click()
    page.wait_for_url("**" + APPLICATIONS_PATH)

    # Step 1 was complete, so the draft resumes at step 2, and step 1 kept the answers.
    resume = page.locator(f"main .application a[href$='{SERVICE_PATH}{filing_id}/addim-2/']")
    assert resume.count() == 1
    page.goto(f"{site_url}{SERVICE_PATH}{filing_id}/addim-1/")
    assert page.input_value("input[name=earlier_reference]") == "QR-2026-000123"
    assert page.is_checked(f"input[name=organization_role][value='{choice('organization_role', 1)}']")
    context.close()
