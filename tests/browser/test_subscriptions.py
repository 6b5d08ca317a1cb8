"""Following an act on a phone: an anonymous reader follows the Family Code from its page,
confirms through the e-mailed link, gets the e-mail of a change and unsubscribes from it.

The change is recorded and announced through ``manage.py shell``, as the
library does when a new wording is published. The site's worker sends the
e-mails into the outbox folder.
"""

import re
import subprocess

import pytest

from .conftest import MANAGE, ROOT
from .outbox import wait_for_message
from .test_eservices import check_page, phone_page

pytestmark = pytest.mark.browser

ACT_PATH = "/qanunlar/aile-mecellesi/"
# Typed with the Azerbaijani layout's Caps Lock; stored and mailed folded.
TYPED_ADDRESS = "SEVİNC.AHMEDOVA@example.az"
ADDRESS = "sevinc.ahmedova@example.az"
LINK = re.compile(r"https?://\S+")

ANNOUNCE_CHANGE = """
import datetime
from cms.legal.models import LegalAct
from cms.legal.models.changes import ActChange, ChangeKind
from cms.legal.signals import act_changed
act = LegalAct.objects.get(slug="aile-mecellesi")
change = ActChange.objects.create(act=act, kind=ChangeKind.NEW_VERSION, date=datetime.date(2026, 12, 1), version=act.current_version)
act_changed.send(sender=ActChange, change=change)
"""


def mail_to(outbox, address: str, subject_part: str):
    return wait_for_message(
        outbox,
        lambda _file, message: address in (message["To"] or "") and subject_part in (message["Subject"] or ""),
        f"to {address} about {subject_part!r}",
        timeout=20,
    )


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_follow_act_confirm_and_unsubscribe(browser, site_url, site_env, outbox):
    context, page = phone_page(browser)

    page.goto(site_url + ACT_PATH)
    offer = page.locator(".subscription-offer a")
    check_page(page, "subscriptions-act-page")
    offer.click()
    page.wait_for_url("**/abune/qanun/aile-mecellesi/")
    check_page(page, "subscriptions-follow-form")

    page.fill("input[name=email]", TYPED_ADDRESS)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main h1").count() == 1
    check_page(page, "subscriptions-check-email")

    confirmation = mail_to(outbox, ADDRESS, "")
    [confirm_url] = [url for url in LINK.findall(body(confirmation)) if "/abune/tesdiq/" in url]
    page.goto(confirm_url)
    check_page(page, "subscriptions-confirm")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".confirmation-panel")
    check_page(page, "subscriptions-confirmed")

    subprocess.run([*MANAGE, "shell", "-c", ANNOUNCE_CHANGE], cwd=ROOT, env=site_env, check=True, capture_output=True)
    change_mail = wait_for_message(
        outbox,
        lambda _file, message: ADDRESS in (message["To"] or "") and "aile-mecellesi" in body(message)
        and "/abune/tesdiq/" not in body(message),
        "about the change",
        timeout=20,
    )
    assert change_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = LINK.search(change_mail["List-Unsubscribe"]).group(0).rstrip(">")

    page.goto(unsubscribe_url)
    check_page(page, "subscriptions-unsubscribe")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main form").count() == 0
    check_page(page, "subscriptions-unsubscribed")
    context.close()
