"""Uploads to filings: content checks, size limits, storing, reuse and private downloads.

Every file here is a real document (or a real impostor) made by
tests/eservices/files.py; stored files land in settings.PRIVATE_MEDIA_ROOT
and are removed after each test. People, the organization and the service
page come from tests/eservices/conftest.py.
"""

import datetime
import hashlib
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import timezone
from django.urls import path, reverse
from django.utils import translation

from cms import urls as site_urls
from forms.models import Filing, FilingFile
from forms.uploads import (
    REUSE_CHOSEN,
    UploadField,
    add_reuse_choice,
    describe,
    display_name,
    download_url,
    forget_unreferenced,
    resolve_reuse,
    reusable_files,
    store,
)
from forms.sniffing import DOCX, JPG, PDF, PNG, XLSX

from . import files
from .conftest import SERVICE_PATH
from tests.accounts.people import translated

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

MEGABYTE = 1024 * 1024
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- A tiny view that takes an upload the way the flow does --------------------


class DocumentForm(forms.Form):
    document = UploadField(allowed_types=["pdf", "jpg", "png"], max_size_mb=10)


def upload_view(request):
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    upload = form.cleaned_data["document"]
    filing = Filing.objects.for_user(request.user).get(pk=request.POST["filing"])
    row = store(filing, "document", upload, request.user)
    return JsonResponse({"upload_class": type(upload).__name__, "file": row.pk})


urlpatterns = [path("sinaq-yukleme/", upload_view)] + site_urls.urlpatterns


# --- Fixtures -----------------------------------------------------------------


@pytest.fixture(autouse=True)
def english():
    """Messages in English, so assertions do not depend on the translations."""
    with translation.override("en"):
        yield


@pytest.fixture
def filing(service_page, member, organization):
    return Filing.objects.create(page=service_page, organization=organization, created_by=member, updated_by=member)


@pytest.fixture
def other_filing(service_page, outsider):
    organization = outsider.memberships.get().organization
    return Filing.objects.create(page=service_page, organization=organization, created_by=outsider, updated_by=outsider)


def staff_user(django_user_model, username, *permissions):
    user = django_user_model.objects.create_user(username=username, email=f"{username}@justice.example.az", password="x")
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="eservices", codename=codename))
    return user


def upload(data: bytes, name: str = "sened.pdf", content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def temporary_upload(data: bytes, name: str = "boyuk.pdf") -> TemporaryUploadedFile:
    """An upload kept on disk, as Django makes for files over FILE_UPLOAD_MAX_MEMORY_SIZE."""
    uploaded = TemporaryUploadedFile(name, "application/pdf", len(data), None)
    uploaded.write(data)
    uploaded.seek(0)
    return uploaded


def field(types=("pdf", "jpg", "png"), max_size_mb=10, **options) -> UploadField:
    return UploadField(allowed_types=list(types), max_size_mb=max_size_mb, **options)


def error_of(upload_field, value) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        upload_field.clean(value)
    return raised.value.messages


def stored_path(row: FilingFile) -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT) / row.file.name


# --- Content checks -----------------------------------------------------------

REAL_DOCUMENTS = [
    (files.pdf_bytes, "sened.pdf", PDF),
    (files.png_bytes, "sekil.png", PNG),
    (files.jpeg_bytes, "sekil.jpg", JPG),
    (files.docx_bytes, "muqavile.docx", DOCX),
    (files.xlsx_bytes, "hesabat.xlsx", XLSX),
]


@pytest.mark.parametrize(("make", "name", "kind"), REAL_DOCUMENTS)
def test_field_accepts_real_documents(make, name, kind):
    upload_field = field(types=["pdf", "jpg", "png", "docx", "xlsx"])

    cleaned = upload_field.clean(upload(make(), name, content_type="application/octet-stream"))

    assert cleaned.sniffed_kind == kind
    assert cleaned.display_name == name


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (files.html_bytes, "sened.pdf"),
        (files.zip_bytes, "sened.pdf"),
        (files.docx_bytes, "sened.pdf"),
        (lambda: b"Just some text that claims to be a PDF.\n%%EOF\n", "sened.pdf"),
        (lambda: files.pdf_bytes().replace(b"%%EOF", b"%%EOX"), "kesik.pdf"),
        (lambda: files.png_bytes()[:40], "kesik.png"),
        (lambda: files.png_bytes()[:-5] + b"XXXXX", "pozuq.png"),
        (lambda: b"\xff\xd8\xff" + b"not a jpeg" * 10, "pozuq.jpg"),
    ],
)
def test_field_rejects_disguised_files(make, name):
    message = error_of(field(), upload(make(), name))

    assert message == ["The selected file must be a PDF, JPG or PNG"]


@pytest.mark.parametrize(
    "make",
    [files.macro_docx_bytes, files.docx_bomb_bytes, files.docx_understating_bytes, files.zip_bytes, files.xlsx_bytes],
)
def test_field_rejects_unsafe_office_files(make):
    message = error_of(field(types=["pdf", "docx"]), upload(make(), "muqavile.docx"))

    assert message == ["The selected file must be a PDF or DOCX"]


def test_field_rejects_allowed_content_of_another_field_type():
    message = error_of(field(types=["pdf"]), upload(files.png_bytes(), "sened.pdf"))

    assert message == ["The selected file must be a PDF"]


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["xlsx"], "The selected file must be an XLSX"),
        (["pdf", "jpg", "png", "docx"], "The selected file must be a PDF, JPG, PNG or DOCX"),
        (["docx", "xlsx"], "The selected file must be a DOCX or XLSX"),
    ],
)
def test_wrong_type_message_lists_allowed_types(types, expected):
    assert error_of(field(types=types), upload(files.html_bytes(), "x.html")) == [expected]


def test_pdf_with_leading_bom_and_whitespace_accepted():
    data = b"\xef\xbb\xbf \r\n" + files.pdf_bytes()

    assert field().clean(upload(data)).sniffed_kind == PDF


def test_empty_file_rejected():
    assert error_of(field(), upload(b"", "bos.pdf")) == ["The file is empty"]


def test_missing_required_file_rejected():
    assert error_of(field(), None) == ["Select a file"]


def test_size_limit_is_inclusive():
    exactly = files.pdf_bytes(size=MEGABYTE)

    cleaned = field(max_size_mb=1).clean(upload(exactly))

    assert cleaned.size == MEGABYTE
    assert cleaned.sniffed_kind == PDF


def test_size_limit_over_by_one_byte():
    one_byte_over = files.pdf_bytes(size=MEGABYTE + 1)

    assert error_of(field(max_size_mb=1), upload(one_byte_over)) == ["The file must be smaller than 1 MB"]


def test_size_checked_before_content():
    # Not a document at all, but too large: the size message comes first.
    assert error_of(field(max_size_mb=1), upload(b"x" * (MEGABYTE + 1))) == ["The file must be smaller than 1 MB"]


def test_size_message_names_field_limit():
    too_large = files.pdf_bytes(size=10 * MEGABYTE + 1)

    assert error_of(field(max_size_mb=10), upload(too_large)) == ["The file must be smaller than 10 MB"]


def test_widget_has_accept_attribute():
    class Form(forms.Form):
        document = field(types=["pdf", "jpg", "png"])

    html = str(Form()["document"])

    assert 'type="file"' in html
    assert 'accept=".pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png"' in html
    assert "required" in html
    assert "<script" not in html


def test_widget_shows_current_file(filing, member):
    row = store(filing, "document", upload(files.pdf_bytes(), "Qrant müqaviləsi.pdf"), member)

    class Form(forms.Form):
        document = field()

    html = str(Form(initial={"document": describe(row)})["document"])

    assert f'<a href="{download_url(row)}">Qrant müqaviləsi.pdf</a>' in html
    # A file is already there, so the browser must not demand another.
    assert "required" not in html


# --- File names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\hesabat.pdf", "hesabat.pdf"),
        ("Qrant müqaviləsi.pdf", "Qrant müqaviləsi.pdf"),
        (unicodedata.normalize("NFD", "Şəhər üçün.pdf"), "Şəhər üçün.pdf"),
        ("ÇĞİÖŞÜƏ çğıöşüə.pdf", "ÇĞİÖŞÜƏ çğıöşüə.pdf"),
        ("akt\x00\x1b[31m.pdf", "akt[31m.pdf"),
        ("qaimə\u202efdp.exe.pdf", "qaiməfdp.exe.pdf"),
        ("  boşluqlar \t arası .pdf", "boşluqlar arası.pdf"),
        ("skan.PDF", "skan.PDF"),
        ("sekil.png", "sekil.png.pdf"),
        ("muqavile", "muqavile.pdf"),
        ("", "document.pdf"),
        ("../..", "document.pdf"),
    ],
)
def test_display_name_is_cleaned(name, expected):
    assert display_name(name, PDF) == expected


def test_display_name_capped_at_255_characters():
    name = display_name("ə" * 400 + ".pdf", PDF)

    assert len(name) == 255
    assert name.endswith("ə.pdf")


def test_display_name_keeps_jpeg_extension():
    assert display_name("foto.jpeg", JPG) == "foto.jpeg"


def test_field_keeps_only_the_file_name():
    cleaned = field().clean(upload(files.pdf_bytes(), "../../etc/passwd.pdf"))

    assert cleaned.display_name == "passwd.pdf"


# --- Large files on disk ------------------------------------------------------


def test_temporary_upload_cleaned_and_stored_in_chunks(filing, member):
    data = files.pdf_bytes(size=5 * MEGABYTE)
    uploaded = temporary_upload(data, "Qrant müqaviləsi.pdf")

    tracemalloc.start()
    try:
        cleaned = field().clean(uploaded)
        row = store(filing, "document", cleaned, member)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert cleaned.sniffed_kind == PDF
    assert row.size == 5 * MEGABYTE
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    assert stored_path(row).read_bytes() == data
    # Reading the 5 MB file whole would allocate at least 5 MB.
    assert peak < MEGABYTE
    uploaded.close()


@pytest.mark.urls(__name__)
def test_large_upload_posted_through_client_is_on_disk(member_client, filing):
    data = files.pdf_bytes(size=5 * MEGABYTE)
    assert len(data) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE

    response = member_client.post(
        "/sinaq-yukleme/", {"filing": filing.pk, "document": upload(data, "Qrant müqaviləsi.pdf")}
    )

    body = response.json()
    assert response.status_code == 200
    assert body["upload_class"] == "TemporaryUploadedFile"

    download = member_client.get(reverse("eservices:download", kwargs={"file_id": body["file"]}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == data


def test_large_upload_through_flow_step(member_client, filing):
    data = files.pdf_bytes(size=5 * MEGABYTE)
    Filing.objects.filter(pk=filing.pk).update(completed_step=2)
    step_url = f"{SERVICE_PATH}{filing.pk}/addim-3/"

    response = member_client.post(step_url, {"qrant_muqavilesi": upload(data, "Qrant müqaviləsi.pdf"), "tesdiq": "on"})

    filing.refresh_from_db()
    row = FilingFile.objects.get(filing=filing)
    assert response.status_code == 302
    assert response["Location"] == f"{SERVICE_PATH}{filing.pk}/yoxla/"
    assert filing.form_data["qrant_muqavilesi"] == describe(row)
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    assert b"".join(member_client.get(download_url(row)).streaming_content) == data


@pytest.mark.urls(__name__)
def test_disguised_upload_posted_through_client_rejected(member_client, filing):
    response = member_client.post(
        "/sinaq-yukleme/",
        {"filing": filing.pk, "document": upload(files.html_bytes(), "sened.pdf")},
    )

    assert response.status_code == 400
    listed = translated("%(first)s or %(last)s", first="PDF, JPG", last="PNG")
    expected = translated("The selected file must be a %(types)s", types=listed)
    assert response.json() == {"errors": {"document": [expected]}}
    assert FilingFile.objects.count() == 0


# --- Storing ------------------------------------------------------------------


def test_store_saves_private_file_and_row(filing, member):
    data = files.docx_bytes()

    cleaned = field(types=["docx"]).clean(upload(data, "Qrant müqaviləsi.docx", content_type="text/html"))
    row = store(filing, "muqavile", cleaned, member)

    row.refresh_from_db()
    assert row.filing == filing
    assert row.field_name == "muqavile"
    assert row.original_name == "Qrant müqaviləsi.docx"
    assert row.content_type == DOCX_TYPE
    assert row.size == len(data)
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    assert row.uploaded_by == member
    assert row.file.name.startswith(f"filings/{filing.pk}/")
    assert "müqavil" not in row.file.name
    assert stored_path(row).read_bytes() == data
    assert not (Path(settings.MEDIA_ROOT) / row.file.name).exists()


def test_store_sniffs_unchecked_upload(filing, member):
    row = store(filing, "hesabat", upload(files.xlsx_bytes(), "../hesabat.xlsx"), member)

    assert row.content_type == XLSX_TYPE
    assert row.original_name == "hesabat.xlsx"


def test_store_rejects_unknown_content(filing, member):
    with pytest.raises(ValueError):
        store(filing, "document", upload(files.html_bytes(), "sened.pdf"), member)

    assert FilingFile.objects.count() == 0


def test_describe_gives_form_data_value(filing, member):
    data = files.pdf_bytes()
    row = store(filing, "document", field().clean(upload(data, "Qrant müqaviləsi.pdf")), member)

    assert describe(row) == {
        "file": row.pk,
        "name": "Qrant müqaviləsi.pdf",
        "size": len(data),
        "content_type": "application/pdf",
    }


def test_replaced_file_forgotten(filing, member, django_capture_on_commit_callbacks):
    old = store(filing, "nizamname", upload(files.pdf_bytes(), "kohne.pdf"), member)
    filing.form_data = {"nizamname": describe(old)}
    filing.save()
    new = store(filing, "nizamname", upload(files.pdf_bytes(text="Yeni"), "yeni.pdf"), member)
    filing.form_data = {"nizamname": describe(new)}
    filing.save()

    with django_capture_on_commit_callbacks(execute=True):
        forgotten = forget_unreferenced(filing)

    assert forgotten == [old.pk]
    assert list(filing.files.values_list("pk", flat=True)) == [new.pk]
    assert not stored_path(old).exists()
    assert stored_path(new).exists()


def test_file_reused_in_another_field_kept(filing, member, django_capture_on_commit_callbacks):
    shared = store(filing, "nizamname", upload(files.pdf_bytes(), "nizamname.pdf"), member)
    filing.form_data = {"nizamname": describe(shared), "elave": describe(shared)}
    filing.save()
    replacement = store(filing, "nizamname", upload(files.pdf_bytes(text="Yeni"), "yeni.pdf"), member)
    filing.form_data = {"nizamname": describe(replacement), "elave": describe(shared), "ad": "Birlik"}
    filing.save()

    with django_capture_on_commit_callbacks(execute=True):
        forgotten = forget_unreferenced(filing)

    assert forgotten == []
    assert set(filing.files.values_list("pk", flat=True)) == {shared.pk, replacement.pk}
    assert stored_path(shared).exists()


def test_forget_reads_saved_form_data(filing, member, django_capture_on_commit_callbacks):
    row = store(filing, "nizamname", upload(files.pdf_bytes()), member)
    Filing.objects.filter(pk=filing.pk).update(form_data={"nizamname": describe(row)})

    # The in-memory filing is stale; the saved answers still point at the file.
    with django_capture_on_commit_callbacks(execute=True):
        forgotten = forget_unreferenced(filing)

    assert forgotten == []
    assert stored_path(row).exists()


def test_forget_leaves_other_filings_alone(filing, other_filing, member, outsider):
    store(filing, "nizamname", upload(files.pdf_bytes()), member)
    theirs = store(other_filing, "nizamname", upload(files.pdf_bytes()), outsider)

    forget_unreferenced(filing)

    assert FilingFile.objects.filter(filing=filing).count() == 0
    assert FilingFile.objects.filter(pk=theirs.pk).exists()


# --- Reusing an earlier upload ------------------------------------------------


class TwoDocumentsForm(forms.Form):
    nizamname = UploadField(allowed_types=["pdf", "jpg", "png"], max_size_mb=10)
    elave = UploadField(allowed_types=["pdf"], max_size_mb=1)


@pytest.fixture
def uploaded(filing, member):
    """A PDF and a PNG the applicant uploaded earlier, both in answers."""
    pdf = store(filing, "nizamname", upload(files.pdf_bytes(), "nizamname.pdf"), member)
    png = store(filing, "sekil", upload(files.png_bytes(), "sekil.png", "image/png"), member)
    filing.form_data = {"nizamname": describe(pdf), "sekil": describe(png)}
    filing.save()
    return pdf, png


def reuse_form(filing, data=None, files_data=None, field_name="elave"):
    form = TwoDocumentsForm(data, files_data)
    add_reuse_choice(form, field_name, reusable_files(filing, exclude_field=field_name))
    return form


def test_reusable_files_exclude_current_file(filing, uploaded):
    pdf, png = uploaded

    assert list(reusable_files(filing)) == [pdf, png]
    assert list(reusable_files(filing, exclude_field="nizamname")) == [png]


def test_reuse_choice_offers_fitting_files(filing, uploaded):
    pdf, _png = uploaded

    form = reuse_form(filing)

    reuse = form.fields["elave__reuse"]
    assert list(form.fields) == ["nizamname", "elave", "elave__reuse"]
    # The PNG is not a PDF, so the PDF-only field does not offer it.
    assert [choice[0] for choice in reuse.choices] == ["", pdf.pk]
    assert [str(choice[1]) for choice in reuse.choices] == ["None of these", "nizamname.pdf (597\xa0bytes)"]


def test_reuse_choice_skips_files_over_field_limit(filing, member):
    large = store(filing, "nizamname", upload(files.pdf_bytes(size=MEGABYTE + 1)), member)

    form = TwoDocumentsForm()

    assert add_reuse_choice(form, "elave", [large]) is None
    assert "elave__reuse" not in form.fields


def test_reuse_choice_renders_radios_without_required(filing, uploaded):
    html = str(reuse_form(filing)["elave"]) + str(reuse_form(filing)["elave__reuse"])

    assert 'type="radio"' in html
    assert 'name="elave__reuse"' in html
    assert str(reuse_form(filing).fields["elave__reuse"].label) == "Use a file you already uploaded"
    assert "required" not in html


def test_chosen_file_resolved(filing, uploaded):
    pdf, _png = uploaded
    form = reuse_form(filing, {"elave__reuse": str(pdf.pk)}, {"nizamname": upload(files.pdf_bytes())})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["elave"] is REUSE_CHOSEN
    assert resolve_reuse(form, "elave", filing) == pdf
    assert form.is_valid()


def test_new_upload_wins_over_choice(filing, uploaded):
    pdf, _png = uploaded
    new_file = upload(files.pdf_bytes(text="Yeni"), "yeni.pdf")
    form = reuse_form(filing, {"elave__reuse": str(pdf.pk)}, {"nizamname": upload(files.pdf_bytes()), "elave": new_file})

    assert form.is_valid(), form.errors
    assert resolve_reuse(form, "elave", filing) is None
    assert form.cleaned_data["elave"].display_name == "yeni.pdf"


def test_no_choice_and_no_file_required(filing, uploaded):
    form = reuse_form(filing, {"elave__reuse": ""}, {"nizamname": upload(files.pdf_bytes())})

    assert not form.is_valid()
    assert form.errors == {"elave": ["Select a file"]}


def test_tampered_choice_rejected(filing, other_filing, uploaded, outsider):
    theirs = store(other_filing, "elave", upload(files.pdf_bytes()), outsider)
    form = reuse_form(filing, {"elave__reuse": str(theirs.pk)}, {"nizamname": upload(files.pdf_bytes())})

    assert not form.is_valid()
    assert form.errors == {"elave__reuse": ["Choose one of the files listed"]}
    assert resolve_reuse(form, "elave", filing) is None


def test_choice_of_unoffered_own_file_rejected(filing, uploaded):
    _pdf, png = uploaded
    form = reuse_form(filing, {"elave__reuse": str(png.pk)}, {"nizamname": upload(files.pdf_bytes())})

    assert not form.is_valid()
    assert form.errors == {"elave__reuse": ["Choose one of the files listed"]}


def test_resolve_checks_filing(filing, other_filing, uploaded):
    pdf, _png = uploaded
    form = reuse_form(filing, {"elave__reuse": str(pdf.pk)}, {"nizamname": upload(files.pdf_bytes())})
    assert form.is_valid(), form.errors

    assert resolve_reuse(form, "elave", other_filing) is None
    assert form.errors == {"elave__reuse": ["Choose one of the files listed"]}


def test_reuse_ignored_unless_offered(filing, uploaded):
    pdf, _png = uploaded
    form = TwoDocumentsForm({"elave__reuse": str(pdf.pk)}, {"nizamname": upload(files.pdf_bytes())})

    assert not form.is_valid()
    assert form.errors == {"elave": ["Select a file"]}
    assert resolve_reuse(form, "elave", filing) is None


# --- Downloads ----------------------------------------------------------------


@pytest.fixture
def stored(filing, member):
    data = files.pdf_bytes()
    row = store(filing, "document", field().clean(upload(data, "Qrant müqaviləsi.pdf")), member)
    return row, data


def test_download_url_under_muracietler(stored):
    row, _data = stored

    assert download_url(row) == f"/en/muracietler/fayl/{row.pk}/"
    with translation.override("az"):
        assert download_url(row) == f"/muracietler/fayl/{row.pk}/"


def test_member_downloads_file(member_client, stored):
    row, data = stored

    response = member_client.get(download_url(row))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(data))
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Qrant%20m%C3%BCqavil%C9%99si.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_member_downloads_in_other_languages(member_client, stored):
    row, data = stored

    response = member_client.get(f"/ru/muracietler/fayl/{row.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data


def test_docx_download_keeps_type(member_client, filing, member):
    row = store(filing, "muqavile", upload(files.docx_bytes(), "müqavilə.docx"), member)

    response = member_client.get(download_url(row))

    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''m%C3%BCqavil%C9%99.docx"


def test_download_of_submitted_filing(member_client, stored, filing):
    row, _data = stored
    Filing.objects.filter(pk=filing.pk).update(status="accepted")

    assert member_client.get(download_url(row)).status_code == 200


def test_other_organization_gets_404(client, outsider, stored):
    row, _data = stored
    client.force_login(outsider)

    assert client.get(download_url(row)).status_code == 404


def test_anonymous_gets_404(client, stored):
    row, _data = stored

    response = client.get(download_url(row))

    assert response.status_code == 404


def test_staff_with_review_permission_downloads(client, django_user_model, stored, filing):
    row, data = stored
    Filing.objects.filter(pk=filing.pk).update(status="submitted", submitted_at=timezone.now())
    client.force_login(staff_user(django_user_model, "nigar", "review_filing"))

    response = client.get(download_url(row))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data


def test_staff_never_download_drafts(client, django_user_model, stored):
    row, _data = stored
    client.force_login(staff_user(django_user_model, "aynur", "review_filing"))

    assert client.get(download_url(row)).status_code == 404


def test_staff_never_download_unsent_corrections(client, django_user_model, stored, filing, member):
    row, _data = stored
    Filing.objects.filter(pk=filing.pk).update(
        status="returned", submitted_at=timezone.now() - datetime.timedelta(days=1)
    )
    FilingFile.objects.filter(pk=row.pk).update(uploaded_at=timezone.now() - datetime.timedelta(days=2))
    unsent = store(filing, "document", upload(files.pdf_bytes(text="Duzelis")), member)
    client.force_login(staff_user(django_user_model, "aynur", "review_filing"))

    assert client.get(download_url(row)).status_code == 200
    assert client.get(download_url(unsent)).status_code == 404


def test_staff_without_view_permission_gets_404(client, django_user_model, stored):
    row, _data = stored
    client.force_login(staff_user(django_user_model, "elvin", "change_filing"))

    assert client.get(download_url(row)).status_code == 404


def test_superuser_downloads(client, django_user_model, stored, filing):
    row, _data = stored
    Filing.objects.filter(pk=filing.pk).update(status="submitted", submitted_at=timezone.now())
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@justice.example.az", "x"))

    assert client.get(download_url(row)).status_code == 200


def test_guessed_ids_across_organizations_404(client, outsider, other_filing, stored):
    row, _data = stored
    theirs = store(other_filing, "document", upload(files.pdf_bytes()), outsider)
    client.force_login(outsider)

    assert client.get(download_url(theirs)).status_code == 200
    for guess in (row.pk, row.pk + 1000, 0):
        response = client.get(f"/muracietler/fayl/{guess}/")
        assert response.status_code == 404, guess


def test_download_rejects_post(member_client, stored):
    row, _data = stored

    assert member_client.post(download_url(row)).status_code == 405


def test_missing_stored_file_gives_404(member_client, stored):
    row, _data = stored
    stored_path(row).unlink()

    assert member_client.get(download_url(row)).status_code == 404
