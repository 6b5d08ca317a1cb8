"""A correction of the ministry's data in Chromium. An owner on a phone
requests a correction of her organization's legal address. Her first form
fails (no reason, a fake PDF) and keeps what she typed and the good file,
then she sends it. A ministry officer at a desktop accepts it in the admin,
and the owner reads the new address and the e-mail from the notification worker.

Locators are field names, addresses and data attributes rather than texts,
because translations change. Texts asserted are those the test typed.
"""

import subprocess

import pytest
from playwright.sync_api import expect

from tests.eservices.files import pdf_bytes

from .conftest import MANAGE, ROOT, screenshot
from .outbox import addressed_to, wait_for_message
from .test_eservices import DEMO_PASSWORD, FAKE_PDF, check_page, phone_page, sign_in
from .test_review import check_review_page, desktop_page, submit_admin_form

pytestmark = pytest.mark.browser

OWNER = "nargiz.duzelis@example.org"
ORGANIZATION = "“Quba Dağ Kəndləri” İctimai Birliyi"
OLD_ADDRESS = "Quba şəhəri, Heydər Əliyev prospekti 3"
NEW_ADDRESS = "Quba şəhəri, İstiqlal küçəsi 14, mənzil 2"
REASON = "Dövlət qeydiyyatı haqqında şəhadətnamədə ünvan “İstiqlal küçəsi 14” kimi yazılıb."
OFFICER_USERNAME = "gunel.duzelis"
OFFICER_PASSWORD = "Nazirlik-Duzelis-2026"

PEOPLE_SCRIPT = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from cms.accounts.models import Profile
from cms.corrections.setup import ensure_reviewer_group
from cms.organizations import membership
from cms.organizations.choices import LegalForm
from cms.organizations.models import Organization

User = get_user_model()
officer = User.objects.create_user(
    username={OFFICER_USERNAME!r}, email="gunel.duzelis@example.org", password={OFFICER_PASSWORD!r},
    first_name="Günel", last_name="Səfərova", is_staff=True,
)
officer.groups.add(ensure_reviewer_group())

owner = User.objects.create_user(username="nargiz-duzelis", email={OWNER!r}, password={DEMO_PASSWORD!r})
EmailAddress.objects.create(user=owner, email={OWNER!r}, verified=True, primary=True)
Profile.objects.create(user=owner, language="az")
organization = Organization(
    name={ORGANIZATION!r}, legal_form=LegalForm.PUBLIC_ASSOCIATION, voen="1700000077",
    legal_address={OLD_ADDRESS!r}, region="quba", phone="+994233350077", email="info@quba-dag.example.org",
)
membership.create_organization(organization, owner)
"""


@pytest.fixture(scope="module")
def people(site_env, site_url):
    subprocess.run([*MANAGE, "shell", "-c", PEOPLE_SCRIPT], cwd=ROOT, env=site_env, check=True, capture_output=True)


def test_owner_asks_and_officer_accepts(browser, site_url, outbox, people, tmp_path):
    good = tmp_path / "şəhadətnamə.pdf"
    good.write_bytes(pdf_bytes(text="Istiqlal kucesi 14"))
    fake = tmp_path / "saxta.pdf"
    fake.write_bytes(FAKE_PDF)

    # a. From her organization's page the owner reaches the corrections on her phone.
    owner_context, owner = phone_page(browser)
    sign_in(owner, site_url, OWNER)
    owner.locator("main a[href*='/teskilatlar/']", has_text=ORGANIZATION).click()
    owner.wait_for_url("**/teskilatlar/*/")
    organization_url = owner.url
    owner.locator("main a[href$='/duzelisler/']").click()
    owner.wait_for_url("**/duzelisler/")
    check_page(owner, "corrections-1-list")

    # b. Choosing nothing is an error; then she chooses the legal address.
    owner.locator("main a[href$='/duzelisler/yeni/']").click()
    owner.wait_for_url("**/duzelisler/yeni/")
    owner.locator("main form button[type=submit]").click()
    expect(owner.locator("[data-error-summary]")).to_be_visible()
    check_page(owner, "corrections-2-choose-error")
    owner.check("input[name=subject][value=legal_address]")
    owner.locator("main form button[type=submit]").click()
    owner.wait_for_url("**/duzelisler/yeni/legal_address/")
    assert owner.locator("[data-current=legal_address]").inner_text() == OLD_ADDRESS

    # c. No reason and a fake PDF: the form fails, keeping the address and the good file.
    owner.fill("input[name=legal_address]", NEW_ADDRESS)
    owner.set_input_files("input[name=evidence]", [str(good), str(fake)])
    owner.locator("main form button[type=submit]").click()
    expect(owner.locator("[data-error-summary]")).to_be_visible()
    assert owner.input_value("input[name=legal_address]") == NEW_ADDRESS
    assert "saxta.pdf" in owner.locator("[data-error-summary]").inner_text()
    assert "şəhadətnamə.pdf" in owner.locator("[data-kept-files]").inner_text()
    check_page(owner, "corrections-3-form-errors")

    # d. With the reason typed, the request goes with the kept file alone.
    owner.fill("textarea[name=reason]", REASON)
    owner.locator("main form button[type=submit]").click()
    owner.wait_for_url("**/duzelisler/*/")
    assert REASON in owner.locator("[data-reason]").inner_text()
    assert "şəhadətnamə.pdf" in owner.locator("main").inner_text()
    request_url = owner.url
    check_page(owner, "corrections-4-sent")

    # e. The officer opens the request from the admin's queue and accepts it.
    officer_context, officer = desktop_page(browser)
    officer.goto(site_url + "/admin/login/")
    officer.fill("input[name=username]", OFFICER_USERNAME)
    officer.fill("input[name=password]", OFFICER_PASSWORD)
    officer.locator("form button[type=submit]").click()
    officer.wait_for_url(site_url + "/admin/")
    officer.locator("a[href='/admin/corrections/']").first.click()
    officer.wait_for_url("**/admin/corrections/")
    officer.locator("table.listing tbody tr", has_text=ORGANIZATION).locator("a[href*='/admin/corrections/']").first.click()
    officer.wait_for_url("**/admin/corrections/*/")
    review_url = officer.url
    values = officer.locator("[data-row=legal_address]").inner_text()
    assert OLD_ADDRESS in values
    assert NEW_ADDRESS in values
    assert REASON in officer.locator("[data-reason]").inner_text()
    expect(officer.locator("[data-documents] iframe")).to_have_count(1)
    check_review_page(officer, "corrections-5-review-page")

    officer.locator("[data-actions] a[href$='/accept/']").click()
    officer.wait_for_url("**/accept/")
    submit_admin_form(officer)
    officer.wait_for_url(review_url)
    expect(officer.locator("[data-actions]")).to_have_count(0)

    # f. The owner reads the decision, the new address and the e-mail.
    owner.goto(request_url)
    expect(owner.locator(".status-panel--accepted")).to_be_visible()
    owner.goto(organization_url)
    assert NEW_ADDRESS in owner.locator("main").inner_text()
    message = wait_for_message(
        outbox,
        lambda _file, message: addressed_to(message, OWNER) and NEW_ADDRESS in message.get_content(),
        f"to {OWNER} with the new address",
    )
    assert OLD_ADDRESS in message.get_content()
    screenshot(owner, "corrections-6-organization")

    owner_context.close()
    officer_context.close()


def test_request_without_javascript(browser, site_url, people, tmp_path):
    document = tmp_path / "çıxarış.pdf"
    document.write_bytes(pdf_bytes(text="Quba rayonu"))
    context, page = phone_page(browser, java_script_enabled=False)
    sign_in(page, site_url, OWNER)
    page.locator("main a[href*='/teskilatlar/']", has_text=ORGANIZATION).click()
    page.wait_for_url("**/teskilatlar/*/")

    page.goto(page.url + "duzelisler/yeni/")
    page.check("input[name=subject][value=sphere]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/duzelisler/yeni/sphere/")
    page.check("input[name=sphere][value=environment]")
    page.fill("textarea[name=reason]", "Nizamnamədə fəaliyyət sahəsi ekologiya kimi göstərilib.")
    page.set_input_files("input[name=evidence]", str(document))
    page.locator("main form button[type=submit]").click()

    page.wait_for_url("**/duzelisler/*/")
    assert "çıxarış.pdf" in page.locator("main").inner_text()
    context.close()
