"""Staff previews of a filing's images and PDFs, shown inside the review page.

A preview is served inline, only to people who may see the filing, only
for files the applicant has sent (forms.downloads.sent_for_review), and only
for the types a browser shows without running the file: JPEG, PNG and PDF.
The stored type comes from sniffing the bytes at upload (forms.sniffing)
and ``nosniff`` keeps the browser to it, so a file cannot be read as HTML.
"""

import logging

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from ...downloads import sent_for_review
from ...models import FilingFile

logger = logging.getLogger(__name__)

IMAGE_TYPES = {"image/jpeg", "image/png"}
PDF_TYPE = "application/pdf"
PREVIEW_TYPES = IMAGE_TYPES | {PDF_TYPE}

# An image document needs nothing but the image. "sandbox" also blocks
# scripts and plugins, in case a browser ever treats the response as a page.
IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"
# Browsers' PDF viewers do not start in a sandboxed document (reported for
# Chrome and Firefox in PrivateBin pull request 1552, for Safari in Adobe's
# aem-core-wcm-components issue 2839). So a PDF gets every other restriction:
# no page scripts, the viewer's <embed> from this origin only, and framing by
# this site only.
PDF_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"


def can_preview(file_row: FilingFile) -> bool:
    return file_row.content_type in PREVIEW_TYPES


def previewable_files(user):
    """Return the images and PDFs that ``user`` may review and the applicant has sent, as staff downloads are."""
    return FilingFile.objects.filter(sent_for_review(user), content_type__in=PREVIEW_TYPES)


@require_safe
@xframe_options_sameorigin
def file_preview(request, file_id: int):
    row = get_object_or_404(previewable_files(request.user), pk=file_id)
    try:
        handle = row.file.storage.open(row.file.name, "rb")
    except FileNotFoundError:
        logger.error("Stored file missing: FilingFile %s at %s", row.pk, row.file.name)
        raise Http404 from None

    response = FileResponse(handle, as_attachment=False, filename=row.original_name, content_type=row.content_type)
    response["Content-Security-Policy"] = PDF_POLICY if row.content_type == PDF_TYPE else IMAGE_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response
