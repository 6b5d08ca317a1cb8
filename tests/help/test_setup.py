"""The shipped help centre: pages in az, en and ru, links that resolve, demo numbers, permissions, idempotence.

These tests run forms.setup.ensure_services and help.setup.ensure_help_centre
once per module, as load_content does, in a transaction that the module's
last test rolls back.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page, Revision

from cms.legal.catalogue import load_catalogue
from cms.organizations.validators import validate_phone
from forms.content.links import ARTICLES
from forms.setup import ensure_services
from help.content import CONTACT_PHONES, TOPICS
from help.models import ContactPage, FaqQuestionPage, FaqTopicPage, HelpIndexPage
from help.setup import HOTLINE_GROUP, ensure_help_centre, ensure_help_permissions
from tests.conftest import import_files

LANGUAGES = ("az", "en", "ru")
PREFIXES = {"az": "", "en": "/en", "ru": "/ru"}
QUESTION_COUNT = sum(len(topic.questions) for topic in TOPICS)
HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def shipped_help_centre(django_db_setup, django_db_blocker, tmp_path_factory):
    """Build the help centre once for the module, in a transaction rolled back after its last test.

    Each test's own transaction nests inside as a savepoint, so what a test
    changes is undone before the next one, as with a fixture per test.
    """
    media = tmp_path_factory.mktemp("help-media")  # The sample documents of the e-services.
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        ensure_services()
        yield ensure_help_centre()
        transaction.set_rollback(True)


@pytest.fixture
def help_centre(shipped_help_centre, db):
    return shipped_help_centre


def test_content_size():
    assert len(TOPICS) == 4
    assert 10 <= QUESTION_COUNT <= 15


def test_slugs_unique_and_readable():
    slugs = [question.slug for topic in TOPICS for question in topic.questions] + [topic.slug for topic in TOPICS]

    assert len(slugs) == len(set(slugs))
    assert [slug for slug in slugs if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)] == []


def test_pages_in_every_language(help_centre, client):
    for language in LANGUAGES:
        prefix = PREFIXES[language]
        assert HelpIndexPage.objects.filter(locale__language_code=language).count() == 1
        assert ContactPage.objects.filter(locale__language_code=language).count() == 1
        assert FaqTopicPage.objects.filter(locale__language_code=language).count() == len(TOPICS)
        assert FaqQuestionPage.objects.filter(locale__language_code=language).count() == QUESTION_COUNT
        assert client.get(f"{prefix}/komek/").status_code == 200
        assert client.get(f"{prefix}/komek/elaqe/").status_code == 200
        for topic in TOPICS:
            assert client.get(f"{prefix}/komek/{topic.slug}/").status_code == 200
            for question in topic.questions:
                assert client.get(f"{prefix}/komek/{topic.slug}/{question.slug}/").status_code == 200

    for page in FaqQuestionPage.objects.filter(locale__language_code="az"):
        translations = FaqQuestionPage.objects.filter(translation_key=page.translation_key)
        assert {translation.slug for translation in translations} == {page.slug}
        assert translations.count() == 3


def test_every_link_in_answers_resolves(help_centre, client):
    """Placeholders are all filled, page links stay in the answer's language, and every address opens.

    Law articles open once their acts are imported, as load_content does.
    """
    _topics, entries = load_catalogue()
    files = {entry.slug: entry.file for entry in entries}
    import_files([files["inzibati-xetalar-mecellesi"]])

    links = set()
    for page in FaqQuestionPage.objects.select_related("locale"):
        assert "{" not in page.answer, page.url_path
        assert "}" not in page.answer, page.url_path
        for page_id in re.findall(r'linktype="page" id="(\d+)"', page.answer):
            linked = Page.objects.get(pk=page_id)
            assert linked.locale_id == page.locale_id, (page.url_path, linked.url_path)
            assert linked.live
        html = client.get(page.url).content.decode()
        body = html[html.index('class="help-answer__body"') : html.index("</article>")]
        links |= set(HREF.findall(body))
    statuses = {link: client.get(link, follow=True).status_code for link in sorted(links)}

    assert {link for link, status in statuses.items() if status != 200} == set()
    assert "/qanunlar/inzibati-xetalar-mecellesi/madde-432/" in links
    assert "/ru/qanunlar/inzibati-xetalar-mecellesi/madde-466/" in links
    assert {article.act for article in ARTICLES.values() if any(article.url("az") in link for link in links)} == {
        "inzibati-xetalar-mecellesi"
    }


def test_services_and_index_list_questions(help_centre, client):
    grant_questions = FaqQuestionPage.objects.filter(services__slug="qrant-qeydiyyati").distinct()
    for question in grant_questions:
        assert {service.locale_id for service in question.services.all()} == {question.locale_id}
    assert grant_questions.filter(locale__language_code="ru").count() == 6
    assert "service-questions-title" in client.get("/ru/e-xidmetler/qrant-qeydiyyati/").content.decode()

    index_text = client.get("/komek/").content.decode()
    featured = FaqQuestionPage.objects.filter(locale__language_code="az", show_on_help_index=True)
    assert 4 <= featured.count() <= 8
    for question in featured:
        assert f'href="{question.url}"' in index_text


def test_demo_numbers_valid_and_marked(help_centre):
    demo_words = {"az": "demo", "en": "demo", "ru": "демо"}
    for phone_spec in CONTACT_PHONES:
        validate_phone(phone_spec.number)
        assert phone_spec.number.startswith("+99412000000")
        for language in LANGUAGES:
            assert demo_words[language] in phone_spec.label[language].lower()

    for contact in ContactPage.objects.all():
        assert contact.phone_numbers.count() == len(CONTACT_PHONES)

    from help.models import ContactPhone

    help_text = str(ContactPhone._meta.get_field("number").help_text)
    assert "demo" in help_text
    assert "+994 12 000 00 0" in help_text


def test_running_again_changes_nothing(help_centre):
    question = FaqQuestionPage.objects.get(locale__language_code="az", slug="sifremi-unutmusam")
    question.title = "Şifrəni necə bərpa edim?"
    question.save_revision().publish()
    pages, revisions = Page.objects.count(), Revision.objects.count()

    ensure_help_centre()

    question.refresh_from_db()
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert question.title == "Şifrəni necə bərpa edim?"


def test_permissions_given(db):
    ensure_help_permissions()

    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert "view_answervote" in codenames("Editors")
    assert "view_answervote" in codenames("Moderators")
    assert {"view_callbackrequest", "change_callbackrequest"} <= codenames(HOTLINE_GROUP)
    assert {"view_callbackrequest", "change_callbackrequest"} <= codenames("Moderators")
    assert "change_callbackrequest" not in codenames("Editors")
