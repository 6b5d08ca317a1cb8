"""Shared fixtures for the e-service tests: a published service page with
fields across three steps, an organization with two members, an outsider,
and a signed-in client for each of them.

The page lives under the Azerbaijani home page that tests/conftest.py
creates for the session; each test's transaction removes it again.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale

from cms.home.models import HomePage
from cms.organizations import membership
from cms.organizations.choices import Role
from cms.organizations.models import Organization
from forms.models import ServiceFormField, ServiceIndexPage, ServicePage
from tests.accounts.people import make_person

SERVICE_TITLE = "Qrant müqaviləsinin qeydiyyatı"
SERVICE_PATH = "/e-xidmetler/qrant-muqavilesi/"
ENGLISH_SERVICE_PATH = "/en/e-xidmetler/qrant-muqavilesi/"
AGREE = "Bəli, razıyam"

# The editor's fields, in order; a section break starts a new step, so these
# make three steps: the page title, "Maliyyə" and "Sənədlər".
SERVICE_FIELDS = [
    {
        "label": "Təşkilatın adı",
        "clean_name": "teskilatin_adi",
        "field_type": "singleline",
        "help_text": "Dövlət reyestrində yazıldığı kimi.",
        "article_link": "/qanunlar/qrantlar-haqqinda/madde-3/",
        "article_label": "Qrant haqqında Qanun, maddə 3",
    },
    {"label": "Ölkə", "clean_name": "olke", "field_type": "country"},
    {"label": "Maliyyə", "clean_name": "maliyye", "field_type": "section", "help_text": "Qrantın məbləği və müddəti."},
    {"label": "Qrantın məbləği", "clean_name": "qrantin_meblegi", "field_type": "money"},
    {"label": "Layihənin müddəti", "clean_name": "layihenin_muddeti", "field_type": "daterange"},
    {
        "label": "Donorun şərtləri ilə razısınızmı?",
        "clean_name": "donorla_razilasma",
        "field_type": "radio",
        "choices": f"{AGREE}\nXeyr, razı deyiləm",
    },
    {"label": "Əlavə qeyd", "clean_name": "elave_qeyd", "field_type": "multiline", "required": False},
    {"label": "Sənədlər", "clean_name": "senedler", "field_type": "section"},
    {
        "label": "Qrant müqaviləsi",
        "clean_name": "qrant_muqavilesi",
        "field_type": "file",
        "allowed_file_types": "pdf,jpg,png",
        "max_file_size_mb": 10,
    },
    {"label": "Məlumatların doğru olduğunu təsdiq edirəm", "clean_name": "tesdiq", "field_type": "declaration"},
]


def make_service_page(title=SERVICE_TITLE, slug="qrant-muqavilesi", prefix="QR", fields=SERVICE_FIELDS) -> ServicePage:
    """A published service under the Azerbaijani home page, with the list of services above it."""
    home = HomePage.objects.get(locale__language_code="az")
    index = ServiceIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=ServiceIndexPage(title="E-xidmətlər", slug="e-xidmetler"))
    page = ServicePage(
        title=title,
        slug=slug,
        summary="Xarici donordan alınan qrant müqaviləsini qeydiyyata alın.",
        who_must_file="<p>Qrant alan ictimai birliklər və fondlar.</p>",
        deadline="<p>Müqavilə bağlandıqdan sonra 30 gün ərzində.</p>",
        legal_basis='<p><a href="/qanunlar/">Qrant haqqında Qanun</a>, maddə 3.</p>',
        documents_needed="<ul><li>Qrant müqaviləsi</li><li>Layihənin büdcəsi</li></ul>",
        what_happens_next="<p>Nazirlik müraciətə baxır &amp; qərar verir.</p><ul><li>Qeydiyyat</li></ul>",
        declaration_text="Verdiyim məlumatların doğru və tam olduğunu təsdiq edirəm.",
        reference_prefix=prefix,
        decision_days=15,
        form_fields=[
            ServiceFormField(sort_order=order, **{"required": True, **field}) for order, field in enumerate(fields)
        ],
    )
    return index.add_child(instance=page)


def translate_page(page, language: str, title: str):
    """Publish a translation of ``page`` (and of the pages above it) in ``language``."""
    locale = Locale.objects.get(language_code=language)
    parent = page.get_parent().specific
    if parent.get_translation_or_none(locale) is None:
        translated_parent = parent.copy_for_translation(locale)
        translated_parent.save_revision().publish()
    translated = page.copy_for_translation(locale)
    translated.title = title
    translated.save_revision().publish()
    return ServicePage.objects.get(pk=translated.pk)


def make_organization(owner, name: str, voen: str) -> Organization:
    organization = Organization(
        name=name,
        legal_form="public_association",
        voen=voen,
        legal_address="Bakı, Nizami küçəsi 1",
        region="baki",
        phone="+994501234567",
        email=owner.email,
    )
    return membership.create_organization(organization, owner)


def add_member(organization, owner, person):
    invitation, _secret = membership.invite(organization, person.email, Role.MEMBER, owner)
    return membership.accept_invitation(invitation, person)


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def service_page(db):
    return make_service_page()


@pytest.fixture
def english_service_page(service_page):
    return translate_page(service_page, "en", "Registering a grant agreement")


@pytest.fixture
def member(db):
    """The owner of ``organization``, who reads e-mails in Azerbaijani."""
    return make_person("aysel@example.az")


@pytest.fixture
def organization(member):
    return make_organization(member, "Gənclər Birliyi", "1400057421")


@pytest.fixture
def colleague(organization, member):
    """A second member of ``organization``."""
    person = make_person("kamran@example.az", language="en")
    add_member(organization, member, person)
    return person


@pytest.fixture
def outsider(db):
    """The owner of another organization, with no access to ``organization``."""
    person = make_person("rauf@example.az")
    make_organization(person, "Ekoloji Təşəbbüs", "2200112233")
    return person


@pytest.fixture
def member_client(member, organization):
    return signed_in_client(member)


@pytest.fixture
def colleague_client(colleague):
    return signed_in_client(colleague)


@pytest.fixture
def outsider_client(outsider):
    return signed_in_client(outsider)


@pytest.fixture
def private_media_root():
    """settings.PRIVATE_MEDIA_ROOT, with whatever a test stores there removed afterwards."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    before = set(root.rglob("*"))
    yield root
    for leftover in sorted(set(root.rglob("*")) - before, reverse=True):
        if leftover.is_dir():
            leftover.rmdir()
        else:
            leftover.unlink()
