"""Document samples: the content check on their files, the pages, download links with format and size, and the
link beside a form field whose sample document is one of them.

Documents are the committed samples of forms/samples/ and help/content/files/,
uploaded into a temporary MEDIA_ROOT.
"""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.documents import get_document_model

from forms.flow_steps import FieldItem
from help.models import DocumentSamplePage, SampleIndexPage
from help.models.samples import download_details
from tests.accounts.people import translated

from .conftest import publish_child, translate

ROOT = Path(__file__).resolve().parents[2]
BLANK = ROOT / "forms" / "samples" / "qrant-qeydiyyati-melumat-vereqesi.docx"
FILLED = ROOT / "help" / "content" / "files" / "qrant-qeydiyyati-melumat-vereqesi-doldurulmus.docx"
SAMPLE_PATH = "/komek/numuneler/qrant-vereqesi/"
TITLE = "Qrant vərəqəsi <img src=x onerror=alert(1)>"


def make_document(title: str, name: str, content: bytes):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.fixture
def documents(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return SimpleNamespace(
        filled=make_document("Doldurulmuş vərəqə", "doldurulmus.docx", FILLED.read_bytes()),
        blank=make_document("Boş vərəqə", "bos.docx", BLANK.read_bytes()),
        renamed=make_document("Şəkil, adı PDF", "skan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        text=make_document("Mətn", "qeyd.txt", "Şəki, İsmayıllı".encode()),
    )


@pytest.fixture
def sample_index(help_index):
    return publish_child(help_index, SampleIndexPage(title="Sənəd nümunələri", slug="numuneler"))


@pytest.fixture
def sample(sample_index, documents):
    return publish_child(
        sample_index,
        DocumentSamplePage(
            title=TITLE,
            slug="qrant-vereqesi",
            description="<p>Qrant müqaviləsini qeydiyyata aldırmazdan əvvəl doldurun.</p><ul><li>Məbləğ</li></ul>",
            filled_document=documents.filled,
            blank_document=documents.blank,
        ),
    )


def test_docx_documents_accepted(sample_index, documents):
    page = DocumentSamplePage(title="Nümunə", description="<p>x</p>", filled_document=documents.filled)
    page.clean()


def test_other_content_rejected(sample_index, documents):
    page = DocumentSamplePage(
        title="Nümunə", description="<p>x</p>", filled_document=documents.renamed, blank_document=documents.text
    )

    with pytest.raises(ValidationError) as raised:
        page.clean()
    errors = raised.value.message_dict
    assert set(errors) == {"filled_document", "blank_document"}
    assert errors["filled_document"] == [translated('“%(title)s” is not a PDF or DOCX document. Samples must be PDF or DOCX files.', title="Şəkil, adı PDF")]


def test_sample_page_downloads(sample, documents, client):
    response = client.get(SAMPLE_PATH)
    content = response.content.decode()

    assert response.status_code == 200
    assert f'href="{documents.filled.url}" download' in content
    assert f'href="{documents.blank.url}" download' in content
    assert content.count("DOCX, ") == 2
    assert "<li>Məbləğ</li>" in content


def test_sample_page_escapes_title(sample, client):
    content = client.get(SAMPLE_PATH).content.decode()

    assert "<img src=x" not in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content


def test_size_shown_in_kilobytes(sample, documents):
    size = documents.filled.file_size
    with translation.override("en"):
        html = render_to_string("help/includes/sample_downloads.html", {"sample": sample})
        label = filesizeformat(size)

    assert 20_000 < size < 100_000
    assert label.endswith("KB")
    assert f"DOCX, {label}" in html


def test_download_serves_docx(sample, documents, client):
    response = client.get(documents.filled.url)

    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"PK\x03\x04")
    assert body == FILLED.read_bytes()


def test_sample_index_lists_samples(sample, client):
    content = client.get("/komek/numuneler/").content.decode()

    assert f'href="{SAMPLE_PATH}"' in content
    assert content.count("DOCX, ") == 2
    assert 'href="/komek/numuneler/"' in client.get("/komek/").content.decode()


def test_page_for_document_in_active_language(sample, sample_index, help_index, documents):
    translate(help_index, "en", title="Help")
    translate(sample_index, "en", title="Document samples")
    english = translate(sample, "en", title="Grant sheet")

    with translation.override("az"):
        assert DocumentSamplePage.for_document(documents.blank).pk == sample.pk
    with translation.override("en"):
        assert DocumentSamplePage.for_document(documents.filled).pk == english.pk
    assert DocumentSamplePage.for_document(documents.text) is None
    assert DocumentSamplePage.for_document(None) is None


def test_field_links_sample_page(sample, documents, rf):
    class StepForm(forms.Form):
        sheet = forms.FileField(label="Məlumat vərəqəsi")

    definition = SimpleNamespace(sample_document=documents.blank, article_link="", safe_article_link="", article_label="")
    item = FieldItem(bound=StepForm()["sheet"], definition=definition)

    with translation.override("az"):
        html = render_to_string("eservices/includes/field.html", {"item": item, "request": rf.get("/")})

    assert f'href="{documents.blank.url}"' in html
    assert f'href="{SAMPLE_PATH}"' in html


def test_field_without_sample_page_has_no_link(sample, documents, rf):
    with translation.override("az"):
        html = Template("{% load help_tags %}{% sample_page_for doc as found %}[{{ found.title }}]").render(
            Context({"doc": documents.text})
        )
    assert html == "[]"


def test_site_search_contract(sample):
    assert DocumentSamplePage.site_search_kind == "sample"
    assert sample.site_search_text() == "Qrant müqaviləsini qeydiyyata aldırmazdan əvvəl doldurun. Məbləğ"


def test_api_download_details(sample, documents):
    details = download_details(sample.filled_document)

    assert details == {
        "url": documents.filled.url,
        "format": "DOCX",
        "size": FILLED.stat().st_size,
        "title": "Doldurulmuş vərəqə",
    }
    assert download_details(None) is None
