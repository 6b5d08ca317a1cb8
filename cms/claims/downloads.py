"""Serving a claim's documents: to the claimant on the site, to claim reviewers in the admin.

The callers decide who may see a document. This module only streams it,
with headers that keep the browser from reading it as a page of this site.
"""

import logging

from django.http import FileResponse, Http404

from .models import ClaimDocument

logger = logging.getLogger(__name__)

IMAGE_TYPES = {"image/jpeg", "image/png"}
PDF_TYPE = "application/pdf"

# As for filings' previews (forms.review.admin.previews): an image needs
# nothing but itself, and a PDF viewer does not start in a sandbox, so a PDF
# gets every other restriction.
IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"
PDF_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
ATTACHMENT_POLICY = "default-src 'none'; sandbox"


def serve(document: ClaimDocument, *, inline: bool = False) -> FileResponse:
    """Stream ``document``: inline for a preview, else as a download. Raises Http404 when the file is gone."""
    try:
        handle = document.file.storage.open(document.file.name, "rb")
    except FileNotFoundError:
        logger.error("Stored file missing: ClaimDocument %s at %s", document.pk, document.file.name)
        raise Http404 from None

    response = FileResponse(
        handle, as_attachment=not inline, filename=document.original_name, content_type=document.content_type
    )
    if inline:
        response["Content-Security-Policy"] = PDF_POLICY if document.content_type == PDF_TYPE else IMAGE_POLICY
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        response["Referrer-Policy"] = "no-referrer"
    else:
        response["Content-Security-Policy"] = ATTACHMENT_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
