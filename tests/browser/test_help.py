"""The help centre on a phone: find an answer, say it did not help and why, ask for a call back.

The site is the one load_content builds, so the pages and numbers are the
shipped ones. Locators are addresses, field names and CSS classes rather
than texts, because translations change. What the site saved is read from
its database through ``manage.py shell``.
"""

import json
import re
import subprocess

import pytest

from .conftest import MANAGE, ROOT, screenshot
from .test_eservices import PHONE, check_page, phone_page

pytestmark = pytest.mark.browser

INDEX_PATH = "/komek/"
TOPIC_PATH = "/komek/elektron-xidmetler/"
QUESTION_PATH = "/komek/elektron-xidmetler/muracieti-sonra-bitirmek/"
CONTACT_PATH = "/komek/elaqe/"
REFERENCE = re.compile(r"^ZS-\d{4}-\d{6}$")
COMMENT = "Şəkidə internet zəifdir: qaralama itərsə nə edim? ISTIQLAL küçəsindən yazıram."
CALLER = "Könül Əliyeva"
MESSAGE = "QR-2026-000123 nömrəli müraciət barədə"
MODERATOR = ("moderator", "moderator-demo-2026")

VOTES_SCRIPT = """
import json
from help.models import AnswerVote
votes = AnswerVote.objects.filter(page__url_path__endswith="/komek/elektron-xidmetler/muracieti-sonra-bitirmek/")
print(json.dumps([{"helpful": vote.helpful, "comment": vote.comment, "language": vote.language} for vote in votes]))
"""

CALLBACK_SCRIPT = """
import json
from help.models import CallbackRequest
print(json.dumps([
    {"reference": item.reference, "name": item.name, "phone": item.phone, "topic": item.topic, "status": item.status}
    for item in CallbackRequest.objects.order_by("pk")
]))
"""


def site_query(site_env, script: str):
    """Run ``script`` in the test site's ``manage.py shell`` and return the JSON it prints."""
    result = subprocess.run([*MANAGE, "shell", "-c", script], cwd=ROOT, env=site_env, check=True, capture_output=True)
    return json.loads(result.stdout.decode().strip().splitlines()[-1])


def test_find_answer_and_say_it_did_not_help(browser, site_url, site_env):
    context, page = phone_page(browser)

    page.goto(site_url + "/")
    page.locator(f".site-nav a[href='{INDEX_PATH}']").click()
    page.wait_for_url(f"**{INDEX_PATH}")
    assert page.locator("main a[href^='tel:+994']").count() >= 1
    check_page(page, "help-index")

    page.locator(f"main a[href='{TOPIC_PATH}']").click()
    page.wait_for_url(f"**{TOPIC_PATH}")
    check_page(page, "help-topic")

    page.locator(f"main a[href='{QUESTION_PATH}']").click()
    page.wait_for_url(f"**{QUESTION_PATH}")
    assert page.locator(".help-answer__body a[href='/muracietler/']").count() >= 1
    check_page(page, "help-answer")

    page.locator("#feedback button[name=helpful][value=no]").click()
    page.wait_for_url(f"**{QUESTION_PATH}#feedback")
    comment = page.locator("#feedback textarea[name=comment]")
    assert comment.is_visible()
    check_page(page, "help-feedback-comment")

    comment.fill(COMMENT)
    page.locator("#feedback form button[type=submit]").click()
    page.wait_for_url(f"**{QUESTION_PATH}#feedback")
    assert page.locator("#feedback textarea").count() == 0
    assert page.locator("#feedback button[name=helpful]").count() == 0
    check_page(page, "help-feedback-thanks")
    context.close()

    votes = [vote for vote in site_query(site_env, VOTES_SCRIPT) if vote["language"] == "az"]
    assert votes == [{"helpful": False, "comment": COMMENT, "language": "az"}]


def test_vote_without_javascript(browser, site_url, site_env):
    context, page = phone_page(browser, java_script_enabled=False)
    english_path = "/en" + QUESTION_PATH

    page.goto(site_url + english_path)
    page.locator("#feedback button[name=helpful][value=yes]").click()
    page.wait_for_url(f"**{english_path}#feedback")

    assert page.locator("#feedback button[name=helpful]").count() == 0
    context.close()
    votes = site_query(site_env, VOTES_SCRIPT)
    assert {"helpful": True, "comment": "", "language": "en"} in votes


def test_request_call_back(browser, site_url, site_env):
    context, page = phone_page(browser)
    page.goto(site_url + CONTACT_PATH)
    assert page.locator("main a[href='tel:+994120000000']").count() >= 1
    assert page.locator("input[name=website]").is_hidden()
    check_page(page, "help-contact")

    # At once and with a wrong number: the form comes back with both errors and what was typed.
    page.fill("input[name=name]", CALLER)
    page.fill("input[name=phone]", "12345")
    page.check("input[name=topic][value=account]")
    page.fill("textarea[name=message]", MESSAGE)
    page.locator("#callback-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("input[name=name]").input_value() == CALLER
    assert page.locator("textarea[name=message]").input_value() == MESSAGE
    check_page(page, "help-contact-errors")
    assert site_query(site_env, CALLBACK_SCRIPT) == []

    page.fill("input[name=phone]", "055 123 45 67")
    page.wait_for_timeout(3200)  # Longer than the form's minimum fill time.
    page.locator("#callback-form button[type=submit]").click()
    page.wait_for_url(f"**{CONTACT_PATH}qebul/")

    reference = page.locator(".confirmation-panel__reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    body = page.locator("main").inner_text()
    assert CALLER not in body
    assert "123 45 67" not in body
    assert MESSAGE not in body
    check_page(page, "help-callback-confirmation")
    context.close()

    saved = site_query(site_env, CALLBACK_SCRIPT)
    assert saved == [
        {"reference": reference, "name": CALLER, "phone": "+994551234567", "topic": "account", "status": "new"}
    ]


def test_moderator_sees_feedback_and_queue(browser, site_url):
    """Runs after the tests above: the comment is in the report and the request in the queue."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.viewport_width = 1280
    page.goto(site_url + "/admin/login/")
    page.fill("input[name=username]", MODERATOR[0])
    page.fill("input[name=password]", MODERATOR[1])
    page.locator("form button[type=submit]").click()
    page.wait_for_url(site_url + "/admin/")

    page.goto(site_url + "/admin/help-feedback/?ordering=helpful")
    page.locator("table tbody a", has_text=re.compile("yarımçıq")).first.click()
    page.wait_for_load_state()
    assert COMMENT in page.locator("main").inner_text()
    screenshot(page, "help-answer-feedback-admin")

    page.goto(site_url + "/admin/callback-requests/")
    assert CALLER in page.locator("main").inner_text()
    screenshot(page, "help-callback-queue")
    context.close()


def test_pages_fit_phone(browser, site_url):
    context, page = phone_page(browser)
    for path in ("/en/komek/", "/ru/komek/elaqe/", "/ru" + QUESTION_PATH):
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    context.close()
