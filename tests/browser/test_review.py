"""The ministry's review loop in Chromium: an applicant on a phone files a
grant registration, a reviewer at a desktop returns it with two answers to
correct, the applicant corrects only those two and sends it again, and the
reviewer sees what changed and accepts it. The e-mails come from the
notification worker that the site fixture runs beside the server.

Locators are field names, addresses and data attributes rather than texts,
because translations change. Where a text is asserted, it is one the test
typed (a comment, an answer, a file name, a registration number).
"""

import subprocess
from datetime import date, timedelta
from email.message import EmailMessage

import pytest
from playwright.sync_api import expect

from tests.eservices.files import pdf_bytes

from .conftest import MANAGE, ROOT, screenshot
from .outbox import addressed_to, wait_for_message
from .test_eservices import (
    APPLICATIONS_PATH,
    DEMO_PASSWORD,
    REFERENCE,
    SERVICE_PATH,
    assert_accessible,
    check_page,
    choice,
    filing_id_from,
    phone_page,
    press_continue,
    sign_in,
)

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
NOTIFICATIONS_PATH = "/hesab/bildirisler/"

REVIEWER_USERNAME = "nigar.reyci"
REVIEWER_PASSWORD = "Nazirlik-Reyci-2026"
APPLICANT = "sabina.review@example.org"
ORGANIZATION = "“Lənkəran Ekoloji Təşəbbüslər” İctimai Birliyi"

PURPOSE = "Lənkəran çayı sahilində ekoloji maarifləndirmə düşərgəsi."
CORRECTED_PURPOSE = "Lənkəran çayı sahilində məktəblilər üçün ekoloji maarifləndirmə düşərgəsinin təşkili."
FIRST_AGREEMENT = "qrant-muqavilesi.pdf"
FULL_AGREEMENT = "qrant-muqavilesi-tam.pdf"
PURPOSE_COMMENT = "Qrantın məqsədi müqavilədəki kimi yazılmalıdır (müqavilənin 1.1-ci bəndi)."
AGREEMENT_COMMENT = "Müqavilənin yalnız birinci səhifəsi əlavə olunub. Bütün səhifələri, imzalar daxil, yükləyin."
RETURN_NOTE = "Zəhmət olmasa qeyd olunan iki məlumatı düzəldin."
REGISTRATION_NUMBER = f"QQ-{date.today().year}-0981"
SATISFACTION_SCORE = 9

# The applicant, her organization and the reviewer, made the way the
# site's own set-up makes people. The reviewer is only in the group that
# load_content creates, and the applicant owns one organization.
PEOPLE_SCRIPT = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.accounts.models import Profile
from cms.organizations import membership
from cms.organizations.choices import LegalForm
from cms.organizations.models import Organization
from forms.review.setup import ALL_SERVICES_GROUP

User = get_user_model()
reviewer = User.objects.create_user(
    username={REVIEWER_USERNAME!r}, email="nigar.reyci@example.org", password={REVIEWER_PASSWORD!r},
    first_name="Nigar", last_name="Hüseynova", is_staff=True,
)
reviewer.groups.add(Group.objects.get(name=ALL_SERVICES_GROUP))

applicant = User.objects.create_user(username="sabina-review", email={APPLICANT!r}, password={DEMO_PASSWORD!r})
EmailAddress.objects.create(user=applicant, email={APPLICANT!r}, verified=True, primary=True)
Profile.objects.create(user=applicant, language="az")
organization = Organization(
    name={ORGANIZATION!r}, legal_form=LegalForm.PUBLIC_ASSOCIATION, voen="1700000033",
    legal_address="Lənkəran şəhəri, H. Aslanov küçəsi 21", region="lenkeran", phone="+994252550033",
    email="info@lenkeran-eko.example.org",
)
membership.create_organization(organization, applicant)
"""


@pytest.fixture(scope="module")
def people(site_env, site_url):
    subprocess.run([*MANAGE, "shell", "-c", PEOPLE_SCRIPT], cwd=ROOT, env=site_env, check=True, capture_output=True)


# --- Helpers ---------------------------------------------------------------------


def desktop_page(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.viewport_width = DESKTOP["width"]
    return context, page


def screenshot_admin(page, name: str):
    """Save a screenshot of a whole admin page.

    Wagtail's admin scrolls inside <main>, not the document, so a full-page
    screenshot would stop at the window: the window is made as tall as the
    content for the screenshot.
    """
    height = page.evaluate("document.querySelector('main').scrollHeight")
    page.set_viewport_size({"width": DESKTOP["width"], "height": max(height, DESKTOP["height"])})
    screenshot(page, name)
    page.set_viewport_size(DESKTOP)


def check_review_page(page, name: str):
    assert_accessible(page)
    screenshot_admin(page, name)


def wait_for_mail(outbox, to: str, containing: str, timeout: float = 15.0) -> EmailMessage:
    """Return the e-mail to ``to`` whose body contains ``containing``, waiting for the worker to send it."""

    def matches(_file, message) -> bool:
        return addressed_to(message, to) and containing in message.get_content()

    return wait_for_message(outbox, matches, f"to {to} containing {containing!r}", timeout)


def unread_count(page) -> str:
    """Return the number on the header's notifications link, or "" when nothing is unread."""
    badge = page.locator(f".site-header__account a[href$='{NOTIFICATIONS_PATH}'] .tag")
    return badge.inner_text().strip() if badge.count() else ""


def file_grant(page, site_url, tmp_path) -> tuple[str, str]:
    """Fill in and submit the grant registration as test_eservices does; return (filing id, reference)."""
    signed_on = date.today() - timedelta(days=5)
    page.goto(site_url + SERVICE_PATH)
    # The applicant acts for one organization, so the start form names it.
    assert ORGANIZATION in page.locator("main form[action$='/basla/']").inner_text()
    page.locator("main form[action$='/basla/'] button[type=submit]").click()
    page.wait_for_url("**/addim-1/")
    filing_id = filing_id_from(page.url)
    step_path = f"{SERVICE_PATH}{filing_id}/addim-"

    page.check(f"input[name=filing_kind][value='{choice('filing_kind', 0)}']")
    page.check(f"input[name=organization_role][value='{choice('organization_role', 0)}']")
    page.fill("textarea[name=purpose]", PURPOSE)
    page.fill("input[name=signed_on]", signed_on.isoformat())
    press_continue(page)
    page.wait_for_url(f"**{step_path}2/")

    page.fill("input[name=donor_name]", "Avropa İttifaqının Azərbaycandakı Nümayəndəliyi")
    page.select_option("select[name=donor_country]", "BE")
    page.select_option("select[name=donor_type]", choice("donor_type", 2))
    page.check(f"input[name=donor_grant_right][value='{choice('donor_grant_right', 0)}']")
    page.fill("input[name=recipient_name]", ORGANIZATION)
    page.select_option("select[name=recipient_country]", "AZ")
    press_continue(page)
    page.wait_for_url(f"**{step_path}3/")

    page.fill("input[name=amount_0]", "18000.00")
    page.select_option("select[name=amount_1]", "EUR")
    page.fill("input[name=grant_period_0]", signed_on.isoformat())
    page.fill("input[name=grant_period_1]", (signed_on + timedelta(days=365)).isoformat())
    press_continue(page)
    page.wait_for_url(f"**{step_path}4/")

    agreement = tmp_path / FIRST_AGREEMENT
    agreement.write_bytes(pdf_bytes(text="Qrant muqavilesi, sehife 1"))
    page.set_input_files("input[name=signed_agreement]", str(agreement))
    page.check("input[name=no_operations_before_registration]")
    press_continue(page)
    page.wait_for_url(f"**{SERVICE_PATH}{filing_id}/yoxla/")

    page.check("input[name=confirm]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{SERVICE_PATH}{filing_id}/qebul/")
    reference = page.locator(".confirmation-panel__reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    return filing_id, reference


def sign_in_to_admin(page, site_url):
    page.goto(site_url + "/admin/login/")
    page.fill("input[name=username]", REVIEWER_USERNAME)
    page.fill("input[name=password]", REVIEWER_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(site_url + "/admin/")


def open_review_page(page, reference: str) -> str:
    """Find the filing in the Filings queue by its reference and open its review page; return that URL."""
    page.locator("a[href='/admin/filings/']").first.click()
    page.wait_for_url("**/admin/filings/")
    search = page.locator("input[name=q]")
    search.fill(reference)
    search.press("Enter")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(1)
    rows.first.locator(f"a:text-is('{reference}')").click()
    page.wait_for_url("**/admin/filings/*/")
    return page.url


def submit_admin_form(page):
    page.locator("#w-editor-form button[type=submit]").click()


# --- The whole loop ----------------------------------------------------------------


def test_return_correct_and_accept(browser, site_url, outbox, people, tmp_path):
    # a. The applicant files a grant registration on her phone.
    applicant_context, applicant = phone_page(browser)
    sign_in(applicant, site_url, APPLICANT)
    filing_id, reference = file_grant(applicant, site_url, tmp_path)
    screenshot(applicant, "review-1-submitted")
    filing_path = f"{APPLICATIONS_PATH}{filing_id}/"

    # b. The reviewer finds it in the queue and returns it with two answers flagged.
    reviewer_context, reviewer = desktop_page(browser)
    sign_in_to_admin(reviewer, site_url)
    review_url = open_review_page(reviewer, reference)
    assert reference in reviewer.locator("[data-summary]").inner_text()
    check_review_page(reviewer, "review-2-review-page")

    reviewer.locator("[data-actions] a[href$='/return/']").click()
    reviewer.wait_for_url("**/return/")
    reviewer.check("input[name=flagged][value=purpose]")
    reviewer.fill("textarea[name=comment-purpose]", PURPOSE_COMMENT)
    reviewer.check("input[name=flagged][value=signed_agreement]")
    reviewer.fill("textarea[name=comment-signed_agreement]", AGREEMENT_COMMENT)
    reviewer.fill("textarea[name=note]", RETURN_NOTE)
    screenshot_admin(reviewer, "review-3-return-form")
    submit_admin_form(reviewer)
    reviewer.wait_for_url(review_url)
    expect(reviewer.locator("[data-corrections] tr[data-correction][data-open]")).to_have_count(2)
    assert PURPOSE_COMMENT in reviewer.locator("tr[data-correction='purpose'][data-open]").inner_text()
    assert AGREEMENT_COMMENT in reviewer.locator("tr[data-correction='signed_agreement'][data-open]").inner_text()

    # The worker e-mails the return, with the reviewer's comments, to the applicant.
    returned_mail = wait_for_mail(outbox, APPLICANT, PURPOSE_COMMENT)
    assert reference in returned_mail["Subject"]
    assert AGREEMENT_COMMENT in returned_mail.get_content()

    # c. The applicant sees two unread notifications (submitted and returned) in the header.
    applicant.goto(site_url + APPLICATIONS_PATH)
    assert unread_count(applicant) == "2"
    applicant.locator(f".site-header__account a[href$='{NOTIFICATIONS_PATH}']").click()
    applicant.wait_for_url("**" + NOTIFICATIONS_PATH)
    notifications = applicant.locator("main .card-list__item")
    expect(notifications).to_have_count(2)
    assert reference in notifications.first.inner_text()
    check_page(applicant, "review-4-notifications")

    # The newest notification is the return; opening it marks it read and leads to the filing.
    notifications.first.locator("a").click()
    applicant.wait_for_url("**" + filing_path)
    assert unread_count(applicant) == "1"
    assert applicant.locator(".status-panel--returned").count() == 1
    flagged = applicant.locator("main .summary-list__row--flagged")
    expect(flagged).to_have_count(2)
    assert PURPOSE_COMMENT in flagged.nth(0).inner_text()
    assert AGREEMENT_COMMENT in flagged.nth(1).inner_text()
    assert RETURN_NOTE in applicant.locator("main .decision-note").inner_text()
    check_page(applicant, "review-5-filing-returned")

    # Only the two flagged answers can be changed, each under the reviewer's comment.
    applicant.locator(f"main a[href$='{SERVICE_PATH}{filing_id}/duzelis/']").click()
    applicant.wait_for_url(f"**{SERVICE_PATH}{filing_id}/duzelis/")
    blocks = applicant.locator("main form .correction")
    expect(blocks).to_have_count(2)
    assert blocks.nth(0).get_attribute("id") == "correct-purpose"
    assert blocks.nth(1).get_attribute("id") == "correct-signed_agreement"
    assert PURPOSE_COMMENT in blocks.nth(0).locator(".correction-note").inner_text()
    assert AGREEMENT_COMMENT in blocks.nth(1).locator(".correction-note").inner_text()
    assert blocks.nth(0).evaluate("block => getComputedStyle(block).borderLeftStyle") == "solid"
    editable = applicant.evaluate(
        "() => [...document.querySelectorAll('main form input, main form textarea, main form select')]"
        ".filter(control => control.type !== 'hidden').map(control => control.name)"
    )
    assert sorted(editable) == ["purpose", "signed_agreement"]
    assert applicant.input_value("textarea[name=purpose]") == PURPOSE
    assert FIRST_AGREEMENT in blocks.nth(1).locator(".upload-current").inner_text()
    assert RETURN_NOTE in applicant.locator("main .banner--important").inner_text()
    check_page(applicant, "review-6-correction")

    applicant.fill("textarea[name=purpose]", CORRECTED_PURPOSE)
    full_agreement = tmp_path / FULL_AGREEMENT
    full_agreement.write_bytes(pdf_bytes(text="Qrant muqavilesi, butun sehifeler"))
    applicant.set_input_files("input[name=signed_agreement]", str(full_agreement))
    applicant.locator("main form .form__actions button[type=submit]:not([name])").click()
    applicant.wait_for_url(f"**{SERVICE_PATH}{filing_id}/yoxla/")
    answers = applicant.locator("main").inner_text()
    assert CORRECTED_PURPOSE in answers
    assert FULL_AGREEMENT in answers
    screenshot(applicant, "review-7-check-corrected")

    applicant.check("input[name=confirm]")
    applicant.locator("main form button[type=submit]").click()
    applicant.wait_for_url(f"**{SERVICE_PATH}{filing_id}/qebul/")
    assert applicant.locator(".confirmation-panel__reference").inner_text().strip() == reference
    screenshot(applicant, "review-8-resubmitted")

    # d. The reviewer reloads the review page and sees both changes.
    reviewer.reload()
    changes = reviewer.locator("[data-changes] tr[data-change]")
    expect(changes).to_have_count(2)
    purpose_change = reviewer.locator("[data-changes] tr[data-change='purpose'] td")
    assert PURPOSE in purpose_change.nth(1).inner_text()
    assert CORRECTED_PURPOSE in purpose_change.nth(2).inner_text()
    agreement_change = reviewer.locator("[data-changes] tr[data-change='signed_agreement'] td")
    assert agreement_change.nth(1).inner_text().strip() == FIRST_AGREEMENT
    assert agreement_change.nth(2).inner_text().strip() == FULL_AGREEMENT
    assert FIRST_AGREEMENT in reviewer.locator("[data-replaced-documents]").inner_text()
    assert reviewer.locator("[data-corrections] tr[data-correction][data-open]").count() == 0
    check_review_page(reviewer, "review-9-what-changed")

    reviewer.locator("[data-actions] a[href$='/accept/']").click()
    reviewer.wait_for_url("**/accept/")
    reviewer.fill("input[name=registration_number]", REGISTRATION_NUMBER)
    submit_admin_form(reviewer)
    reviewer.wait_for_url(review_url)
    assert REGISTRATION_NUMBER in reviewer.locator("[data-summary]").inner_text()
    assert reviewer.locator("[data-actions]").count() == 0
    screenshot_admin(reviewer, "review-10-accepted")
    reviewer_context.close()

    # e. The worker e-mails the decision; the site shows it among three unread notifications
    # (the first submission, the resubmission and the acceptance).
    accepted_mail = wait_for_mail(outbox, APPLICANT, REGISTRATION_NUMBER)
    assert reference in accepted_mail["Subject"]
    assert filing_path in accepted_mail.get_content()

    applicant.goto(site_url + NOTIFICATIONS_PATH)
    assert unread_count(applicant) == "3"
    expect(notifications).to_have_count(4)
    notifications.first.locator("a").click()
    applicant.wait_for_url("**" + filing_path)
    assert applicant.locator(".status-panel--accepted").count() == 1
    assert REGISTRATION_NUMBER in applicant.locator(".status-panel").inner_text()
    check_page(applicant, "review-11-filing-accepted")

    applicant.locator(f"#satisfaction input[name=score][value='{SATISFACTION_SCORE}']").check()
    applicant.locator("#satisfaction form button[type=submit]").click()
    applicant.wait_for_url("**" + filing_path + "*")
    thanks = applicant.locator("p#satisfaction")
    expect(thanks).to_be_visible()
    assert applicant.locator("#satisfaction form").count() == 0
    check_page(applicant, "review-12-thanks")
    applicant_context.close()
