"""The e-mails of the ministry's decisions: every member of the organization
gets one, in their own language, with the comments and the link.

``member`` reads Azerbaijani and ``colleague`` English (tests/eservices/conftest.py).
"""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from cms.notifications.delivery import send_due
from forms.models import ServiceFormField
from forms.review.actions import Flag, accept, reject, return_for_correction
from tests.accounts.people import make_person, mail_to, translated

from .test_flow import answer_steps, start_filing, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

BASE_URL = "http://127.0.0.1:8000"
COUNTRY_COMMENT = "Ölkə səhv göstərilib: təşkilat Azərbaycanda qeydiyyatdadır."
CONTRACT_COMMENT = "Müqavilənin imzalı nüsxəsini yükləyin."
ARTICLE_LINK = "/qanunlar/qrantlar-haqqinda/madde-3/"
ARTICLE_LABEL = "Qrant haqqında Qanun, maddə 3"
ENGLISH_TITLE = "Registering a grant agreement"


@pytest.fixture
def reviewer(db):
    person = make_person("nazir@example.az")
    person.user_permissions.add(Permission.objects.get(codename="review_filing", content_type__app_label="eservices"))
    return person


@pytest.fixture
def english_labels(english_service_page):
    """The English service's country field reads "Country"."""
    ServiceFormField.objects.filter(page=english_service_page, clean_name="olke").update(label="Country")
    return english_service_page


@pytest.fixture
def submitted(member_client, organization, colleague, english_labels):
    filing = answer_steps(member_client, start_filing(member_client, organization))
    submit(member_client, filing)
    filing.refresh_from_db()
    # The submission e-mail is not under test here.
    mail.outbox.clear()
    return filing


def decide(action, django_capture_on_commit_callbacks, run_queued_tasks):
    with django_capture_on_commit_callbacks(execute=True):
        action()
    run_queued_tasks()


def one_mail_to(address: str):
    messages = mail_to(address)
    assert len(messages) == 1, [message.subject for message in messages]
    return messages[0]


def test_acceptance_mailed_to_each_member_in_their_language(
    submitted, reviewer, django_capture_on_commit_callbacks, run_queued_tasks
):
    decide(
        lambda: accept(submitted.pk, by=reviewer, registration_number="QR-REG-0042", note="Təbrik edirik."),
        django_capture_on_commit_callbacks,
        run_queued_tasks,
    )

    assert len(mail.outbox) == 2
    azerbaijani = one_mail_to("aysel@example.az")
    english = one_mail_to("kamran@example.az")
    assert azerbaijani.body.startswith(translated("Hello,", "az"))
    assert english.body.startswith("Hello,")
    assert submitted.reference in azerbaijani.subject
    assert "Qrant müqaviləsinin qeydiyyatı" in azerbaijani.subject
    assert ENGLISH_TITLE in english.subject
    for message in (azerbaijani, english):
        assert "QR-REG-0042" in message.body
        assert "Təbrik edirik." in message.body
    assert f"{BASE_URL}/muracietler/{submitted.pk}/" in azerbaijani.body
    assert f"{BASE_URL}/en/muracietler/{submitted.pk}/" in english.body


def test_return_mail_lists_comments_and_articles(
    submitted, reviewer, django_capture_on_commit_callbacks, run_queued_tasks
):
    flags = [Flag("olke", COUNTRY_COMMENT, ARTICLE_LINK, ARTICLE_LABEL), Flag("qrant_muqavilesi", CONTRACT_COMMENT)]

    decide(
        lambda: return_for_correction(submitted.pk, flags, by=reviewer, note="Düzəldib yenidən göndərin."),
        django_capture_on_commit_callbacks,
        run_queued_tasks,
    )

    azerbaijani = one_mail_to("aysel@example.az")
    english = one_mail_to("kamran@example.az")
    for message in (azerbaijani, english):
        assert COUNTRY_COMMENT in message.body
        assert CONTRACT_COMMENT in message.body
        assert f"{ARTICLE_LABEL}: {BASE_URL}{ARTICLE_LINK}" in message.body
        assert "Düzəldib yenidən göndərin." in message.body
        assert "<" not in message.body
    assert "- Ölkə\n" in azerbaijani.body
    # Labels come from the service in the reader's language.
    assert "- Country\n" in english.body
    assert f"{BASE_URL}/muracietler/{submitted.pk}/" in azerbaijani.body
    assert f"{BASE_URL}/en/muracietler/{submitted.pk}/" in english.body


def test_second_return_mail_lists_new_comments(
    member_client, submitted, reviewer, django_capture_on_commit_callbacks, run_queued_tasks
):
    # The first return's e-mails stay unqueued, because its transaction's on-commit callbacks do not run.
    return_for_correction(submitted.pk, [Flag("olke", COUNTRY_COMMENT)], by=reviewer)
    submit(member_client, submitted)

    with django_capture_on_commit_callbacks(execute=True):
        return_for_correction(submitted.pk, [Flag("qrant_muqavilesi", CONTRACT_COMMENT)], by=reviewer)
    run_queued_tasks()

    returned_mails = [message for message in mail.outbox if message.to == ["aysel@example.az"]]
    assert len(returned_mails) == 1
    body = returned_mails[0].body
    assert CONTRACT_COMMENT in body
    assert COUNTRY_COMMENT not in body


def test_delayed_return_mail_keeps_comments(member_client, submitted, reviewer):
    return_for_correction(submitted.pk, [Flag("olke", COUNTRY_COMMENT)], by=reviewer)
    submit(member_client, submitted)
    mail.outbox.clear()

    # The worker was down: the sweep sends the return e-mail after the resubmission resolved its corrections.
    send_due()

    subject = translated("Application %(reference)s returned for correction: %(service)s", "az",
                         reference=submitted.reference, service=submitted.page.title)
    returned_mails = [message for message in mail_to("aysel@example.az") if message.subject == subject]
    assert len(returned_mails) == 1
    assert COUNTRY_COMMENT in returned_mails[0].body
    assert translated("The ministry's comment:", "az") in returned_mails[0].body


def test_rejection_mail_gives_the_reason(submitted, reviewer, django_capture_on_commit_callbacks, run_queued_tasks):
    reason = "Müqavilə Qanunun 3-cü maddəsinin tələblərinə uyğun deyil."

    decide(lambda: reject(submitted.pk, by=reviewer, reason=reason), django_capture_on_commit_callbacks, run_queued_tasks)

    assert len(mail.outbox) == 2
    azerbaijani = one_mail_to("aysel@example.az")
    english = one_mail_to("kamran@example.az")
    assert reason in azerbaijani.body
    assert reason in english.body
    assert "Reason for the rejection:" in english.body
    assert translated("Reason for the rejection:", "az") in azerbaijani.body
    assert f"{BASE_URL}/en/muracietler/{submitted.pk}/" in english.body
