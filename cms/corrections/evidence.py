"""Evidence files: checked by content, limited in number and size, kept in private storage.

Each file is checked as an e-service upload is (forms.uploads.UploadField:
size first, then the bytes must be a PDF, JPEG or PNG). Files that pass are
stored at once, even when another field of the form is wrong, and the form
carries their ids, so a member who fixes a typo does not choose the files
again. Such files belong to no request yet; ``delete_abandoned`` removes
them once nobody can still be filling in the form.
"""

import hashlib
import logging
from datetime import timedelta

from django import forms
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext

from forms.uploads import UploadField

from .models import CorrectionEvidence

logger = logging.getLogger(__name__)

ALLOWED_TYPES = ["pdf", "jpg", "png"]
MAX_FILE_SIZE_MB = 10
MAX_FILES = 5
# Files stored for a form that was never sent are deleted after this long.
ABANDONED_AFTER = timedelta(days=1)

PREVIEW_TYPES = {"application/pdf", "image/jpeg", "image/png"}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files in one input; ``clean`` returns the list of uploads, each checked by content."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        self.checker = UploadField(allowed_types=ALLOWED_TYPES, max_size_mb=MAX_FILE_SIZE_MB, required=False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(token for kind in self.checker.kinds for token in kind.accept)
        return attrs

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, (list, tuple)) else [data]
        return [upload for upload in uploads if upload]


def check_uploads(uploads) -> tuple[list, list[str]]:
    """Split ``uploads`` into the files that pass the checks and messages naming each file that does not."""
    checker = UploadField(allowed_types=ALLOWED_TYPES, max_size_mb=MAX_FILE_SIZE_MB, required=False)
    accepted, errors = [], []
    for upload in uploads:
        try:
            checker.clean(upload)
        except forms.ValidationError as error:
            name = getattr(upload, "name", "") or "?"
            errors.extend(
                gettext("%(name)s: %(message)s") % {"name": name, "message": message} for message in error.messages
            )
        else:
            accepted.append(upload)
    return accepted, errors


def store(upload, organization, user, correction=None) -> CorrectionEvidence:
    """Save an upload that passed ``check_uploads`` to private storage."""
    digest = hashlib.sha256()
    size = 0
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)

    row = CorrectionEvidence(
        request=correction,
        organization=organization,
        original_name=upload.display_name,
        content_type=upload.sniffed_kind.content_type,
        size=size,
        sha256=digest.hexdigest(),
        uploaded_by=user,
    )
    row.file.save(row.original_name, upload, save=False)
    try:
        row.save()
    except Exception:
        row.file.storage.delete(row.file.name)
        raise
    return row


def pending_for(organization, user):
    """Return the files ``user`` stored for a request to ``organization`` that is not sent yet."""
    return CorrectionEvidence.objects.filter(organization=organization, uploaded_by=user, request__isnull=True)


def delete_abandoned(now=None) -> int:
    """Delete files stored for forms that were never sent; return how many."""
    cutoff = (now or timezone.now()) - ABANDONED_AFTER
    abandoned = list(CorrectionEvidence.objects.filter(request__isnull=True, uploaded_at__lt=cutoff))
    for row in abandoned:
        row.delete()
    if abandoned:
        logger.info("Deleted %s evidence files of correction requests that were never sent", len(abandoned))
    return len(abandoned)


@receiver(post_delete, sender=CorrectionEvidence)
def delete_stored_file(sender, instance, **kwargs):
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def file_response(row: CorrectionEvidence, *, inline: bool = False) -> FileResponse:
    """Serve a stored evidence file, as an attachment or (for staff previews) inline."""
    try:
        handle = row.file.storage.open(row.file.name, "rb")
    except FileNotFoundError:
        logger.error("Stored file missing: CorrectionEvidence %s at %s", row.pk, row.file.name)
        raise Http404 from None

    response = FileResponse(handle, as_attachment=not inline, filename=row.original_name, content_type=row.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    if not inline:
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
