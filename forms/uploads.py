"""Uploaded documents: checked by their content, limited in size, kept private.

A step form's file field is an ``UploadField``. After the form validates,
the flow stores a new upload with ``store()`` and keeps ``describe(row)`` in
``filing.form_data[field_name]``. A field can also offer the filing's earlier
uploads ("use a file you already uploaded")::

    form = FormClass(request.POST or None, request.FILES or None, initial=...)
    add_reuse_choice(form, "nizamname", reusable_files(filing, exclude_field="nizamname"))
    if form.is_valid():
        reused = resolve_reuse(form, "nizamname", filing)
    if form.is_valid():  # resolve_reuse may have added an error
        value = form.cleaned_data["nizamname"]
        if reused is not None:
            filing.form_data["nizamname"] = describe(reused)
        elif isinstance(value, UploadedFile):
            filing.form_data["nizamname"] = describe(store(filing, "nizamname", value, request.user))
        # Otherwise value is the initial describe() dict: the current file stays.
        filing.save()
        forget_unreferenced(filing)

Call ``add_reuse_choice`` with the same files on GET and POST, so the
choices a POST is checked against are the ones that were shown.
"""

import hashlib
import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .downloads import download_url, download_url_for_id
from .models import Filing, FilingFile
from .sniffing import KINDS, FileKind, detect_kind, kinds_for

__all__ = [
    "REUSE_CHOSEN",
    "UploadField",
    "add_reuse_choice",
    "describe",
    "display_name",
    "download_url",
    "forget_unreferenced",
    "referenced_file_ids",
    "resolve_reuse",
    "reusable_files",
    "reuse_field_name",
    "store",
    "submitted_file_ids",
]

MEGABYTE = 1024 * 1024
MAX_NAME_LENGTH = 255
FALLBACK_STEM = "document"


class _ReuseChosen:
    """The value of an UploadField whose applicant picked an earlier upload instead."""

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return "REUSE_CHOSEN"


REUSE_CHOSEN = _ReuseChosen()


def reuse_field_name(field_name: str) -> str:
    return f"{field_name}__reuse"


# --- The field ----------------------------------------------------------------


class UploadWidget(forms.FileInput):
    """<input type="file">, with the current file (a describe() dict) shown above it."""

    template_name = "eservices/uploads/file_input.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        # Set by add_reuse_choice when the form offers earlier uploads.
        self.offers_reuse = False

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if upload is None and self.offers_reuse and data.get(reuse_field_name(name)):
            return REUSE_CHOSEN
        return upload

    def use_required_attribute(self, initial):
        # With earlier uploads on offer, picking one of them is enough, so the
        # browser must not insist on a new file.
        return super().use_required_attribute(initial) and not self.offers_reuse

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, dict) and isinstance(value.get("file"), int):
            context["widget"]["current_file"] = {**value, "url": download_url_for_id(value["file"])}
        return context


class UploadField(forms.FileField):
    """A file whose content must be one of ``allowed_types`` (keys such as "pdf"),
    at most ``max_size_mb`` megabytes (MiB).

    For a new upload, ``clean`` returns the UploadedFile with two attributes
    added: ``sniffed_kind`` (a forms.sniffing.FileKind) and ``display_name``.
    When nothing new was sent it returns the initial value, and when the
    applicant picked an earlier upload it returns REUSE_CHOSEN (see
    add_reuse_choice).
    """

    widget = UploadWidget
    default_error_messages = {
        "required": _("Select a file"),
        "empty": _("The file is empty"),
    }

    def __init__(self, *, allowed_types, max_size_mb, **kwargs):
        self.allowed_types = list(allowed_types)
        self.kinds = kinds_for(self.allowed_types)
        self.max_size_mb = max_size_mb
        super().__init__(**kwargs)

    @property
    def max_size_bytes(self) -> int:
        return self.max_size_mb * MEGABYTE

    @property
    def content_types(self) -> set[str]:
        return {kind.content_type for kind in self.kinds}

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(token for kind in self.kinds for token in kind.accept)
        return attrs

    def clean(self, data, initial=None):
        if data is REUSE_CHOSEN:
            return REUSE_CHOSEN
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            self._check_upload(value)
        return value

    def _check_upload(self, upload: UploadedFile) -> None:
        # The size comes from the upload handler, so an oversized file is
        # rejected before any of its content is read.
        if upload.size > self.max_size_bytes:
            raise ValidationError(
                gettext("The file must be smaller than %(size)s MB") % {"size": self.max_size_mb},
                code="too_large",
            )

        kind = detect_kind(upload, self.kinds)
        if kind is None:
            raise ValidationError(self._wrong_type_message(), code="wrong_type")

        upload.sniffed_kind = kind
        upload.display_name = display_name(upload.name, kind)

    def _wrong_type_message(self) -> str:
        labels = [kind.label for kind in self.kinds]
        if len(labels) == 1:
            listed = labels[0]
        else:
            listed = gettext("%(first)s or %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}
        if self.kinds[0].label_takes_an:
            return gettext("The selected file must be an %(types)s") % {"types": listed}
        return gettext("The selected file must be a %(types)s") % {"types": listed}


def display_name(name: str, kind: FileKind) -> str:
    """Make the applicant's file name safe to show and to offer as a download name.

    Drops folders and control and formatting characters (which can disguise
    an extension), keeps every letter, ends the name with an extension of
    ``kind`` and caps it at 255 characters.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = re.split(r"[/\\]", text)[-1]
    text = "".join(char for char in text if not unicodedata.category(char).startswith("C"))
    text = " ".join(text.split()).strip(" .")

    stem, dot, extension = text.rpartition(".")
    if not dot or extension.lower() not in kind.extensions:
        stem, extension = text, kind.extensions[0]
    stem = (stem or FALLBACK_STEM)[: MAX_NAME_LENGTH - len(extension) - 1].rstrip(" .")
    return f"{stem or FALLBACK_STEM}.{extension}"


# --- Storing ------------------------------------------------------------------


def store(filing: Filing, field_name: str, uploaded_file, user) -> FilingFile:
    """Save ``uploaded_file`` to private storage as a file of ``filing``.

    The upload should have passed UploadField.clean; a file that did not is
    sniffed here against every known type, and ValueError is raised if it is
    none of them.
    """
    kind = getattr(uploaded_file, "sniffed_kind", None) or detect_kind(uploaded_file, list(KINDS.values()))
    if kind is None:
        raise ValueError(f"{uploaded_file.name!r} is not a document of a known type. Check it with UploadField before store().")

    sha256, size = _digest(uploaded_file)
    row = FilingFile(
        filing=filing,
        field_name=field_name,
        original_name=getattr(uploaded_file, "display_name", None) or display_name(uploaded_file.name, kind),
        content_type=kind.content_type,
        size=size,
        sha256=sha256,
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )

    # FileSystemStorage moves a TemporaryUploadedFile into place rather than
    # copying it, and writes an in-memory one in chunks.
    # NOTE: if the caller's transaction rolls back after this, the stored file
    # stays on disk without a row.
    row.file.save(row.original_name, uploaded_file, save=False)
    try:
        row.save()
    except Exception:
        row.file.storage.delete(row.file.name)
        raise
    return row


def _digest(uploaded_file) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
        size += len(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest(), size


def describe(file_row: FilingFile) -> dict:
    """Return the value form_data keeps for a file field."""
    return {
        "file": file_row.pk,
        "name": file_row.original_name,
        "size": file_row.size,
        "content_type": file_row.content_type,
    }


def referenced_file_ids(form_data: dict) -> set[int]:
    """Ids of the FilingFiles that the answers in ``form_data`` point at."""
    ids = set()
    for value in form_data.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("file"), int):
                ids.add(item["file"])
    return ids


def submitted_file_ids(filing: Filing) -> set[int]:
    """Ids of the FilingFiles that any submission of ``filing`` sent to the ministry."""
    ids = set()
    for files in filing.submissions.values_list("files", flat=True):
        ids.update(item["id"] for item in files or [] if isinstance(item, dict) and isinstance(item.get("id"), int))
    return ids


@transaction.atomic
def forget_unreferenced(filing: Filing) -> list[int]:
    """Delete the filing's files that no answer points at any more; return their ids.

    Files that a submission sent are kept even when a correction replaced
    them, because the ministry must still be able to open what it received.
    Reads form_data from the database with the filing row locked, so call it
    after saving form_data. The stored files are deleted when the transaction
    commits. Two requests editing one filing at once can still lose a file:
    one stores it, the other forgets it before the first saves form_data,
    unless the caller locks the filing row (select_for_update) before store().
    """
    form_data = Filing.objects.select_for_update().values_list("form_data", flat=True).get(pk=filing.pk)
    kept_ids = referenced_file_ids(form_data) | submitted_file_ids(filing)
    deleted = []
    for row in filing.files.exclude(pk__in=kept_ids):
        deleted.append(row.pk)
        _delete_file(row)
    return deleted


def _delete_file(row: FilingFile) -> None:
    # forms.signals removes the stored file once the deletion commits.
    row.delete()


# --- Reusing an earlier upload ------------------------------------------------


def reusable_files(filing: Filing, exclude_field: str | None = None):
    """Return the filing's files, oldest first, minus the one ``exclude_field`` refers to now."""
    rows = filing.files.all()
    if exclude_field:
        current = referenced_file_ids({exclude_field: filing.form_data.get(exclude_field)})
        rows = rows.exclude(pk__in=current)
    return rows


class ReuseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.original_name} ({filesizeformat(obj.size)})"


def add_reuse_choice(form, field_name: str, files) -> ReuseChoiceField | None:
    """Offer ``files`` that fit the UploadField ``field_name`` as radio buttons
    in a field named reuse_field_name(field_name), placed right after it.

    Files of another type or over the field's size limit are left out; with
    none left, nothing is added and None is returned.
    """
    upload_field = form.fields[field_name]
    offered = [
        row.pk
        for row in files
        if row.content_type in upload_field.content_types and row.size <= upload_field.max_size_bytes
    ]
    if not offered:
        return None

    reuse_field = ReuseChoiceField(
        queryset=FilingFile.objects.filter(pk__in=offered).order_by("uploaded_at", "pk"),
        required=False,
        blank=True,
        widget=forms.RadioSelect,
        empty_label=_("None of these"),
        label=_("Use a file you already uploaded"),
        help_text=_("If you choose a new file as well, the new file is used."),
        error_messages={"invalid_choice": _("Choose one of the files listed")},
    )
    upload_field.widget.offers_reuse = True
    form.fields = _insert_after(form.fields, field_name, reuse_field_name(field_name), reuse_field)
    return reuse_field


def _insert_after(fields: dict, anchor: str, name: str, field) -> dict:
    ordered = {}
    for key, value in fields.items():
        ordered[key] = value
        if key == anchor:
            ordered[name] = field
    return ordered


def resolve_reuse(form, field_name: str, filing: Filing) -> FilingFile | None:
    """Return the earlier upload the applicant picked for ``field_name``, or None.

    Call after form.is_valid(). A choice that is not a file of ``filing``
    adds a form error and returns None.
    """
    if form.cleaned_data.get(field_name) is not REUSE_CHOSEN:
        return None

    reuse_name = reuse_field_name(field_name)
    row = form.cleaned_data.get(reuse_name)
    if row is None or row.filing_id != filing.pk:
        if not form.has_error(reuse_name):
            form.add_error(reuse_name, ValidationError(gettext("Choose one of the files listed"), code="invalid_choice"))
        return None
    return row
