"""The shipped e-services: five services in az, en and ru, their fields, links and samples.

The tests in the first part read the content definitions only. The rest run
``forms.setup.ensure_services`` inside the test's transaction, on top of the
site tree that tests/conftest.py builds for the session.
"""

import re
import string

import pytest
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Revision

from cms.legal.catalogue import load_catalogue
from forms.content import INDEX_INTRO, SERVICES
from forms.content.links import ARTICLES
from forms.content.samples import SAMPLES
from forms.content.types import LANGUAGES
from forms.field_types import CHOICE_TYPES, FIELD_TYPE_CHOICES
from forms.models import ServiceFormField, ServiceIndexPage, ServicePage
from forms.setup import SERVICE_SLUGS, ensure_services
from tests.conftest import import_files

CLEAN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
EXPECTED = {
    "qrant-qeydiyyati": "QR",
    "xidmet-muqavilesi-qeydiyyati": "XM",
    "ianelerin-qeydiyyati": "IA",
    "nizamname-deyisiklikleri": "ND",
    "dovlet-qeydiyyati": "DQ",
}
INDEX_PATHS = {"az": "/e-xidmetler/", "en": "/en/e-xidmetler/", "ru": "/ru/e-xidmetler/"}
RICH_TEXT_FIELDS = ("who_must_file", "deadline", "legal_basis", "documents_needed", "what_happens_next")
HREF = re.compile(r'href="([^"]+)"')


def placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name}


def page_links(page) -> set[str]:
    texts = [getattr(page, name) for name in RICH_TEXT_FIELDS] if isinstance(page, ServicePage) else [page.intro]
    links = {link for text in texts for link in HREF.findall(text)}
    if isinstance(page, ServicePage):
        links |= {field.article_link for field in page.form_fields.all() if field.article_link}
    return links


@pytest.fixture
def sample_media(settings, tmp_path):
    """Store the sample documents in a temporary MEDIA_ROOT, so tests leave no files behind."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def services(db, sample_media):
    return ensure_services()


def pages_in(language: str):
    return ServicePage.objects.filter(locale__language_code=language).order_by("path")


# --- The content definitions ------------------------------------------------------


def test_service_slugs_and_prefixes():
    assert {service.slug: service.reference_prefix for service in SERVICES} == EXPECTED
    assert SERVICE_SLUGS == list(EXPECTED)


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.slug)
def test_field_names_readable_and_unique(service):
    names = [field.name for field in service.fields]

    assert [name for name in names if not CLEAN_NAME.match(name)] == []
    assert len(names) == len(set(names))


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.slug)
def test_fields_well_formed(service):
    known_types = {value for value, _label in FIELD_TYPE_CHOICES}
    choice_fields = [field for field in service.fields if field.field_type in CHOICE_TYPES]

    assert [field.name for field in service.fields if field.field_type not in known_types] == []
    assert [field.name for field in choice_fields if field.choices is None] == []
    for field in choice_fields:
        counts = {language: len(getattr(field.choices, language)) for language in LANGUAGES}
        assert len(set(counts.values())) == 1, (field.name, counts)
    assert [field.name for field in service.fields if field.article and field.article not in ARTICLES] == []
    assert [field.name for field in service.fields if field.sample and field.sample not in SAMPLES] == []
    # Each service is split into steps by section breaks, the first field included.
    assert service.fields[0].field_type == "section"
    assert 3 <= sum(field.field_type == "section" for field in service.fields) <= 4


def test_some_choice_contains_comma():
    choices = [
        choice
        for service in SERVICES
        for field in service.fields
        if field.choices
        for choice in field.choices.az
    ]

    assert "Bəli, Maliyyə Nazirliyinin müsbət rəyi alınıb" in choices
    assert any(choice.startswith("Nağd, 200 manatadək") for choice in choices)


def test_rich_texts_use_known_placeholders():
    known = set(ARTICLES) | {f"doc_{key}" for key in SAMPLES}
    texts = [INDEX_INTRO[language] for language in LANGUAGES]
    for service in SERVICES:
        texts += [getattr(service, name)[language] for name in RICH_TEXT_FIELDS for language in LANGUAGES]

    unknown = set().union(*(placeholders(text) for text in texts)) - known

    assert unknown == set()


def test_cited_acts_in_catalogue():
    _topics, entries = load_catalogue()
    catalogue_slugs = {entry.slug for entry in entries}

    assert {article.act for article in ARTICLES.values()} - catalogue_slugs == set()


# --- The pages ensure_services creates ----------------------------------------------


def row_counts() -> dict[str, int]:
    models = {
        "pages": Page,
        "form fields": ServiceFormField,
        "revisions": Revision,
        "documents": get_document_model(),
        "collections": Collection,
    }
    return {name: model.objects.count() for name, model in models.items()}


def test_ensure_services_twice_creates_nothing(services):
    counts = row_counts()
    edited = ServicePage.objects.get(locale__language_code="az", slug="qrant-qeydiyyati")
    edited.summary = "Redaktorun mətni."
    edited.save_revision().publish()
    counts["revisions"] += 1

    index_again = ensure_services()

    assert index_again.pk == services.pk
    assert row_counts() == counts
    assert counts["documents"] == len(SAMPLES)
    assert ServicePage.objects.get(pk=edited.pk).summary == "Redaktorun mətni."


def test_five_live_services_per_language(services):
    assert services.locale.language_code == "az"
    assert services.title == "Elektron xidmətlər"

    for language, index_path in INDEX_PATHS.items():
        index = ServiceIndexPage.objects.get(locale__language_code=language)
        children = ServicePage.objects.child_of(index).live().order_by("path")

        assert index.live is True
        assert index.url == index_path
        assert [(page.slug, page.reference_prefix) for page in children] == list(EXPECTED.items())
        assert [page.url for page in children] == [f"{index_path}{slug}/" for slug in EXPECTED]
        assert index.translation_key == services.translation_key

    titles = {language: pages_in(language).first().title for language in LANGUAGES}
    assert titles == {
        "az": "Qrant müqaviləsinin (qərarının) qeydiyyatı",
        "en": "Register a grant agreement or decision",
        "ru": "Регистрация договора (решения) о гранте",
    }


def test_field_names_identical_across_languages(services):
    for source in pages_in("az"):
        names = [field.clean_name for field in source.form_fields.all()]

        assert [name for name in names if not CLEAN_NAME.match(name)] == []
        assert len(names) == len(set(names))
        for language in ("en", "ru"):
            translation = source.get_translation(Locale.objects.get(language_code=language))
            translated_names = [field.clean_name for field in translation.form_fields.all()]

            assert translated_names == names, (source.slug, language)


def test_fields_translated_and_valid(services):
    grant_en = ServicePage.objects.get(locale__language_code="en", slug="qrant-qeydiyyati")
    grant_az = ServicePage.objects.get(locale__language_code="az", slug="qrant-qeydiyyati")
    kind_en = grant_en.form_fields.get(clean_name="filing_kind")
    kind_az = grant_az.form_fields.get(clean_name="filing_kind")
    donation_ru = ServicePage.objects.get(locale__language_code="ru", slug="ianelerin-qeydiyyati")
    payment = donation_ru.form_fields.get(clean_name="payment_method")

    assert kind_en.label == "What are you registering?"
    assert kind_en.choice_list[0] == "A new grant agreement or decision"
    assert kind_az.choice_list[0] == "Yeni qrant müqaviləsi və ya qərarı"
    assert len(kind_en.choice_list) == len(kind_az.choice_list) == 4
    assert payment.article_link == "/ru/qanunlar/inzibati-xetalar-mecellesi/madde-466/"
    assert payment.article_label == "Кодекс об административных проступках, статья 466"
    assert payment.choice_list[1] == (
        "Наличными, до 200 манатов (только организации, основная цель которых — благотворительность)"
    )

    for field in ServiceFormField.objects.filter(page__in=ServicePage.objects.all()):
        field.full_clean()


def test_sample_documents_linked(services, client):
    documents = {document.title: document for document in get_document_model().objects.all()}
    minutes = documents[SAMPLES["founders_minutes"].title]
    registration = ServicePage.objects.filter(slug="dovlet-qeydiyyati")

    assert registration.count() == 3
    for page in registration:
        field = page.form_fields.get(clean_name="founders_decision")

        assert field.sample_document_id == minutes.pk
        assert f'<a linktype="document" id="{minutes.pk}">' in page.documents_needed

    response = client.get("/e-xidmetler/dovlet-qeydiyyati/")
    assert response.status_code == 200
    assert minutes.url in response.content.decode()

    download = client.get(minutes.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_article_links_resolve(services, client):
    _topics, entries = load_catalogue()
    files = {entry.slug: entry.file for entry in entries}
    import_files(sorted({files[article.act] for article in ARTICLES.values()}))

    pages = list(ServicePage.objects.all()) + list(ServiceIndexPage.objects.all())
    links = set().union(*(page_links(page) for page in pages))
    statuses = {link: client.get(link).status_code for link in sorted(links)}

    assert len(links) == 3 * len(ARTICLES)
    assert {link: status for link, status in statuses.items() if status != 200} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_landing_pages_render(services, client, language):
    index_response = client.get(INDEX_PATHS[language])

    assert index_response.status_code == 200
    for page in pages_in(language):
        response = client.get(page.url)
        content = response.content.decode()

        assert response.status_code == 200, page.url
        assert escape(page.title) in content
        assert escape(page.summary) in content
        assert escape(page.title) in index_response.content.decode()
