"""Claiming an imported organization on a phone: find it by VÖEN, choose the
e-mail code, type a wrong code first, then the one from the organization's
mailbox, and land on the organization's page as its owner.

The organization comes from the sample register, imported into the test
site with ``import_register``. Locators are names, addresses and data
attributes rather than texts, because translations change.
"""

import re
import subprocess

import pytest

from .conftest import MANAGE, ROOT
from .outbox import addressed_to, wait_for_message
from .test_eservices import DEMO_PASSWORD, check_page, phone_page, sign_in

pytestmark = pytest.mark.browser

CLAIMANT = "gulnar.claim@example.org"
# “Kənd Qadınları” İctimai Birliyi in cms/organizations/register_sample.csv.
VOEN_AS_TYPED = "1500 379 099"
ORGANIZATION = "“Kənd Qadınları” İctimai Birliyi"
REGISTER_ADDRESS = "info@kend-qadinlari.example.org"
MASKED_ADDRESS = "i***@k***.example.org"
CODE_LINE = re.compile(r"^\s*([0-9]{6})\s*$", re.MULTILINE)

PEOPLE_SCRIPT = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from cms.accounts.models import Profile

person = get_user_model().objects.create_user(username="gulnar-claim", email={CLAIMANT!r}, password={DEMO_PASSWORD!r})
EmailAddress.objects.create(user=person, email={CLAIMANT!r}, verified=True, primary=True)
Profile.objects.create(user=person, language="az")
"""


@pytest.fixture(scope="module")
def imported(site_env, site_url):
    """Import the sample register (a second import changes nothing) and add the claimant."""
    sample = ROOT / "cms" / "organizations" / "register_sample.csv"
    subprocess.run([*MANAGE, "import_register", str(sample)], cwd=ROOT, env=site_env, check=True, capture_output=True)
    subprocess.run([*MANAGE, "shell", "-c", PEOPLE_SCRIPT], cwd=ROOT, env=site_env, check=True, capture_output=True)


def read_code(outbox) -> str:
    message = wait_for_message(
        outbox, lambda _file, message: addressed_to(message, REGISTER_ADDRESS), f"to {REGISTER_ADDRESS}"
    )
    codes = CODE_LINE.findall(message.get_content())
    assert len(codes) == 1, message.get_content()
    return codes[0]


def test_claim_by_code_on_phone(browser, site_url, outbox, imported):
    context, page = phone_page(browser)
    sign_in(page, site_url, CLAIMANT)

    # The account page leads to the claim page; the VÖEN is typed as on paper.
    page.locator("main a[href$='/teskilatlar/sahiblik/']").click()
    page.wait_for_url("**/teskilatlar/sahiblik/")
    page.fill("input[name=number]", VOEN_AS_TYPED)
    page.locator("main form[method=get] button[type=submit]").click()
    found = page.locator("[data-found-organization]")
    assert ORGANIZATION in found.locator("h2").inner_text()
    assert MASKED_ADDRESS in found.inner_text()
    assert REGISTER_ADDRESS not in page.content()
    check_page(page, "claim-found")

    # Start the claim and choose the e-mail code.
    page.locator("[data-start-claim]").click()
    page.wait_for_url(re.compile(r".*/teskilatlar/sahiblik/\d+/$"))
    assert page.locator("[data-claim-status=open]").is_visible()
    check_page(page, "claim-routes")
    page.locator("[data-code-route] [data-send-code]").click()
    page.wait_for_url(re.compile(r".*/teskilatlar/sahiblik/\d+/kod/$"))
    assert MASKED_ADDRESS in page.locator("main").inner_text()

    # A wrong code first: the error summary and the field's error.
    code = read_code(outbox)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    page.fill("input[name=code]", wrong)
    page.locator("[data-confirm-code]").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.locator("a[href='#id_code']").count() == 1
    assert page.locator("#id_code_error").is_visible()
    check_page(page, "claim-wrong-code")

    # The real code from the organization's mailbox.
    page.fill("input[name=code]", code)
    page.locator("[data-confirm-code]").click()
    page.wait_for_url(re.compile(r".*/teskilatlar/\d+/$"))
    assert ORGANIZATION in page.locator("h1").inner_text()
    # Only owners see the link to change the details and to invite.
    assert page.locator("main a[href$='/deyis/']").count() == 1
    assert page.locator("main a[href$='/devet-et/']").count() == 1
    assert CLAIMANT in page.locator("main table").inner_text()
    check_page(page, "claim-owner")
    context.close()
