"""Shared fixtures for the help centre: a small help tree under the Azerbaijani home page, staff and clients.

The pages are built here rather than by help.setup, which needs the shipped
e-services; test_setup.py runs the set-up itself. Each test's transaction
removes what it made.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from cms.home.models import HomePage
from help.models import ContactPage, ContactPhone, FaqQuestionPage, FaqTopicPage, HelpIndexPage
from help.setup import ensure_help_permissions
from tests.pages import publish_child, translate  # noqa: F401  (the tests of this folder import them from here)

INDEX_PATH = "/komek/"
TOPIC_PATH = "/komek/hesab-ve-giris/"
QUESTION_PATH = "/komek/hesab-ve-giris/sifremi-unutmusam/"
OTHER_QUESTION_PATH = "/komek/hesab-ve-giris/giris-kecidi/"
CONTACT_PATH = "/komek/elaqe/"
ENGLISH_QUESTION_PATH = "/en/komek/hesab-ve-giris/sifremi-unutmusam/"

QUESTION_TITLE = "Şifrəmi unutmuşam. Hesaba necə daxil olum?"
ANSWER = (
    "<p>Şifrəni <strong>bərpa</strong> edin: "
    '<a href="/qanunlar/konstitusiya/madde-1/">Konstitusiya, maddə 1</a>.</p><ul><li>İkinci addım</li></ul>'
)


@pytest.fixture
def help_index(db):
    home = HomePage.objects.get(locale__language_code="az")
    return publish_child(home, HelpIndexPage(title="Kömək", slug="komek", intro="<p>Tez-tez verilən suallar.</p>"))


@pytest.fixture
def topic(help_index):
    return publish_child(
        help_index,
        FaqTopicPage(title="Hesab və giriş", slug="hesab-ve-giris", summary="Şifrə, giriş keçidi və iki faktorlu giriş."),
    )


@pytest.fixture
def question(topic):
    return publish_child(
        topic, FaqQuestionPage(title=QUESTION_TITLE, slug="sifremi-unutmusam", answer=ANSWER, show_on_help_index=True)
    )


@pytest.fixture
def other_question(topic):
    return publish_child(
        topic,
        FaqQuestionPage(
            title="E-poçtla göndərilən keçidlə necə daxil olum?", slug="giris-kecidi", answer="<p>Keçid istəyin.</p>"
        ),
    )


@pytest.fixture
def contact(help_index):
    page = ContactPage(
        title="Əlaqə və qaynar xətt",
        slug="elaqe",
        intro="<p>Qaynar xəttə zəng edin.</p>",
        working_hours="Bazar ertəsi – cümə: 09:00–18:00\nŞənbə, bazar: işləmir",
        callback_intro="<p>Sizə zəng edəcəyik.</p>",
        confirmation_text="<p>İş vaxtı zəng edəcəyik.</p>",
    )
    page.phone_numbers = [ContactPhone(label="Qaynar xətt (demo nömrə)", number="+994120000000")]
    return publish_child(help_index, page)


@pytest.fixture
def english_question(question, topic, help_index):
    translate(help_index, "en", title="Help")
    translate(topic, "en", title="Account and signing in", summary="Passwords and sign-in links.")
    return translate(question, "en", title="I have forgotten my password", answer="<p>Reset it.</p>")


def make_staff(username: str, *groups: str, permissions: tuple[str, ...] = ()):
    """A member of staff who can open the admin, in ``groups`` and with extra ``app_label.codename`` permissions."""
    user = get_user_model().objects.create_user(username=username, password="staff-password-2026")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture
def help_groups(db):
    return ensure_help_permissions()


@pytest.fixture
def editor(help_groups):
    return make_staff("redaktor-komek", "Editors")


@pytest.fixture
def operator(help_groups):
    return make_staff("operator-komek", "Hotline operators")


@pytest.fixture
def plain_staff(db):
    """Staff who may open the admin but have no help centre permission."""
    return make_staff("isci-komek")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
