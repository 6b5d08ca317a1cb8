"""The documents route: uploads checked by content, kept privately, served to the claimant and reviewers only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.claims import actions
from cms.claims.forms import DOCUMENT_MAX_SIZE_MB, DOCUMENT_TYPES
from cms.claims.models import ClaimDocument, ClaimStatus, DocumentKind
from tests.accounts.people import translated
from forms.uploads import UploadField
from tests.eservices.files import MEGABYTE, html_bytes, jpeg_bytes, pdf_bytes, png_bytes

from .conftest import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

NOTE = "İdarə heyətinin sədriyəm, 2021-ci ildə ümumi yığıncaq tərəfindən seçilmişəm."


@pytest.fixture
def claim(claimant, organization):
    return actions.start_claim(organization, claimant)


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def wrong_type_message() -> str:
    """The error the site gives, in Azerbaijani, for a file that is not a PDF, JPG or PNG."""
    field = UploadField(allowed_types=DOCUMENT_TYPES, max_size_mb=DOCUMENT_MAX_SIZE_MB)
    with translation.override("az"):
        return field._wrong_type_message()


def post_documents(client, claim, **data):
    return client.post(reverse("claims:documents", args=[claim.pk]), data)


def test_documents_sent_to_ministry(claimant_client, claim, organization, private_media_root):
    response = post_documents(
        claimant_client,
        claim,
        charter=upload("nizamnamə.pdf", pdf_bytes(text="Nizamname")),
        authority=upload("etibarnamə.png", png_bytes(), "image/png"),
        note=NOTE,
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("claims:detail", args=[claim.pk])
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.note == NOTE
    documents = {document.kind: document for document in claim.documents.all()}
    assert documents[DocumentKind.CHARTER].original_name == "nizamnamə.pdf"
    assert documents[DocumentKind.CHARTER].content_type == "application/pdf"
    assert documents[DocumentKind.AUTHORITY].content_type == "image/png"
    stored = Path(documents[DocumentKind.CHARTER].file.path)
    assert stored.is_relative_to(private_media_root)
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "nizam" not in stored.name
    entry = ModelLogEntry.objects.get(action="claims.documents_submitted", object_id=str(organization.pk))
    assert entry.data["documents"] == ["nizamnamə.pdf", "etibarnamə.png"]
    assert entry.data["note"] == NOTE


def test_wrong_content_type_rejected_good_file_kept(claimant_client, claim):
    response = post_documents(
        claimant_client,
        claim,
        charter=upload("nizamname.pdf", html_bytes()),
        authority=upload("etibarname.jpg", jpeg_bytes(), "image/jpeg"),
        note=NOTE,
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "data-error-summary" in page
    assert wrong_type_message() in page
    assert list(claim.documents.values_list("kind", flat=True)) == [DocumentKind.AUTHORITY]
    assert "etibarname.jpg" in page
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN

    # Only the missing file is sent again; the kept one counts.
    again = post_documents(claimant_client, claim, charter=upload("nizamname.pdf", pdf_bytes()), note=NOTE)

    assert again.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_file_name_lies_about_type(claimant_client, claim):
    response = post_documents(
        claimant_client,
        claim,
        charter=upload("nizamname.png", pdf_bytes(), "image/png"),
        authority=upload("etibarname.exe", png_bytes(), "application/x-msdownload"),
        note=NOTE,
    )

    assert response.status_code == 302
    names = dict(claim.documents.values_list("kind", "original_name"))
    assert names == {DocumentKind.CHARTER: "nizamname.png.pdf", DocumentKind.AUTHORITY: "etibarname.exe.png"}


def test_oversized_file_rejected(claimant_client, claim):
    response = post_documents(
        claimant_client,
        claim,
        charter=upload("boyuk.pdf", pdf_bytes(size=10 * MEGABYTE + 1)),
        authority=upload("etibarname.png", png_bytes(), "image/png"),
        note=NOTE,
    )

    assert response.status_code == 200
    assert translated("The file must be smaller than %(size)s MB", size=10) in response.content.decode()
    assert not claim.documents.filter(kind=DocumentKind.CHARTER).exists()


def test_missing_fields_get_errors(claimant_client, claim):
    for data in ({}, {"note": ""}, {"note": "   "}, {"note": "a\x00b"}):
        response = post_documents(claimant_client, claim, **data)

        assert response.status_code == 200, data
        assert "data-error-summary" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert not claim.documents.exists()


def test_note_keeps_only_visible_text(claimant_client, claim):
    post_documents(
        claimant_client,
        claim,
        charter=upload("n.pdf", pdf_bytes()),
        authority=upload("e.pdf", pdf_bytes()),
        note="Sədr\u202e gizli\u200b\r\nikinci sətir",
    )

    claim.refresh_from_db()
    assert claim.note == "Sədr gizli\nikinci sətir"


@pytest.fixture
def submitted(claimant_client, claim):
    post_documents(
        claimant_client,
        claim,
        charter=upload("nizamname.pdf", pdf_bytes()),
        authority=upload("etibarname.png", png_bytes(), "image/png"),
        note=NOTE,
    )
    claim.refresh_from_db()
    return claim


def test_claimant_downloads_own_document(claimant_client, submitted):
    document = submitted.documents.get(kind=DocumentKind.CHARTER)

    response = claimant_client.get(reverse("claims:document", args=[submitted.pk, document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_documents_hidden_from_others(client, submitted, rival, officer):
    document = submitted.documents.first()
    site_url = reverse("claims:document", args=[submitted.pk, document.pk])
    preview_url = reverse("claim_review:file_preview", args=[document.pk])
    download_url = reverse("claim_review:file_download", args=[document.pk])

    assert signed_in(rival).get(site_url).status_code == 404
    assert signed_in(officer).get(site_url).status_code == 404
    assert signed_in(officer).get(preview_url).status_code == 404
    assert signed_in(officer).get(download_url).status_code == 404
    assert signed_in(rival).get(download_url).status_code in (302, 404)
    assert client.get(site_url).status_code == 302
    assert client.get(download_url).status_code == 302


def test_document_of_another_claim_not_served(claimant_client, submitted, claimant):
    from .conftest import imported_organization

    other_organization = imported_organization(name="“Başqa” Birliyi", voen="1500000202", registration_number="1400000202")
    other = actions.start_claim(other_organization, claimant)
    document = submitted.documents.first()

    response = claimant_client.get(reverse("claims:document", args=[other.pk, document.pk]))

    assert response.status_code == 404


def test_reviewer_previews_documents(submitted, reviewer):
    reviewer_client = signed_in(reviewer)
    pdf = submitted.documents.get(kind=DocumentKind.CHARTER)
    image = submitted.documents.get(kind=DocumentKind.AUTHORITY)

    pdf_preview = reviewer_client.get(reverse("claim_review:file_preview", args=[pdf.pk]))
    image_preview = reviewer_client.get(reverse("claim_review:file_preview", args=[image.pk]))
    download = reviewer_client.get(reverse("claim_review:file_download", args=[pdf.pk]))

    assert pdf_preview.status_code == 200
    assert pdf_preview["Content-Disposition"].startswith("inline")
    assert "frame-ancestors 'self'" in pdf_preview["Content-Security-Policy"]
    assert image_preview["Content-Type"] == "image/png"
    assert "sandbox" in image_preview["Content-Security-Policy"]
    assert download["Content-Disposition"].startswith("attachment")


def test_submitted_claim_no_longer_takes_documents(claimant_client, submitted):
    response = post_documents(claimant_client, submitted, charter=upload("yeni.pdf", pdf_bytes()), note=NOTE)

    assert response["Location"] == reverse("claims:detail", args=[submitted.pk])
    assert not ClaimDocument.objects.filter(original_name="yeni.pdf").exists()


def test_replaced_document_leaves_storage(claimant_client, claim, private_media_root, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_documents(claimant_client, claim, charter=upload("birinci.pdf", pdf_bytes()), note="")
    first = Path(claim.documents.get().file.path)

    with django_capture_on_commit_callbacks(execute=True):
        post_documents(claimant_client, claim, charter=upload("ikinci.pdf", pdf_bytes(text="Ikinci")), note="")

    assert not first.exists()
    assert claim.documents.get().original_name == "ikinci.pdf"
