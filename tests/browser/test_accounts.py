"""An applicant's first day on a phone: sign up, add the organization, invite
a colleague, lose the password and get back in by an e-mailed link."""

import json
import re

import pytest

from .conftest import audit, screenshot
from .outbox import addressed_to, wait_for_message

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
PASSWORD = "Qrant-müqaviləsi-2026"


def read_mail(outbox, to: str, seen: set, timeout: float = 10.0) -> str:
    """Return the body of the first new e-mail to ``to`` in the site's outbox folder."""

    def is_new(file_name, message) -> bool:
        key = (file_name, message["Message-ID"])
        if not addressed_to(message, to) or key in seen:
            return False
        seen.add(key)
        return True

    return wait_for_message(outbox, is_new, f"to {to}", timeout).get_content()


def first_link(body: str) -> str:
    return re.search(r"https?://\S+", body).group(0)


def assert_accessible(page):
    violations = audit(page)
    assert violations == [], json.dumps(violations, indent=2)


def test_sign_up_add_organization_invite_and_get_back_in(browser, site_url, outbox):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.viewport_width = PHONE["width"]
    seen: set = set()
    address = "nigar.browser@example.org"

    # Sign up; the confirmation e-mail's link needs a button press.
    page.goto(site_url + "/hesab/signup/")
    assert_accessible(page)
    page.fill("input[name=email]", address)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(first_link(read_mail(outbox, address, seen)))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/hesab/")
    screenshot(page, "account-new")

    # Add the organization; mistakes first, to see the error summary.
    page.goto(site_url + "/teskilatlar/yeni/")
    page.fill("input[name=name]", "“Regionların Səsi” İctimai Birliyi")
    page.fill("input[name=voen]", "12345")
    page.locator("main form button[type=submit]").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.locator("a[href='#id_voen']").count() == 1
    assert_accessible(page)
    screenshot(page, "organization-errors")

    page.fill("input[name=voen]", "1400 057 421")
    page.check("input[name=legal_form][value=public_association]")
    page.fill("input[name=legal_address]", "Lənkəran şəhəri, H. Aslanov küçəsi 5")
    page.select_option("select[name=region]", "lenkeran")
    page.fill("input[name=phone]", "025 255 12 34")
    page.fill("input[name=email]", "info@regionlarin-sesi.example.org")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/teskilatlar/\d+/$"))
    assert "Regionların Səsi" in page.locator("h1").inner_text()
    assert "+994 25 255 12 34" in page.content()
    widest = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], widest
    assert_accessible(page)
    screenshot(page, "organization")

    # Invite a colleague.
    page.locator("main a[href$='/devet-et/']").click()
    page.fill("input[name=email]", "kamran.browser@example.org")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/teskilatlar/\d+/$"))
    invitation = read_mail(outbox, "kamran.browser@example.org", seen)
    assert "/teskilatlar/devet/" in first_link(invitation)

    # Sign out, "forget" the password and come back through a sign-in link.
    page.goto(site_url + "/hesab/")
    page.locator("main form[action$='/logout/'] button").click()
    page.goto(site_url + "/hesab/login/")
    assert_accessible(page)
    page.locator("main a[href$='/giris-linki/']").click()
    page.fill("input[name=email]", address.upper())
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(first_link(read_mail(outbox, address, seen)))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/hesab/")
    assert "Regionların Səsi" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "account-back")
    context.close()


def test_sign_in_page_works_without_javascript(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/hesab/login/")
    page.fill("input[name=login]", "aysel@example.org")
    page.fill("input[name=password]", "fep-demo-2026")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/hesab/")
    assert "Gənc Hüquqşünaslar" in page.locator("main").inner_text()
    context.close()
