"""Claim documents for staff: previews inside the review page and downloads.

Only staff who may review claims get a file; everyone else gets 404, so a
document id reveals nothing.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from .. import downloads
from ..models import ClaimDocument
from .access import can_review

PREVIEW_TYPES = downloads.IMAGE_TYPES | {downloads.PDF_TYPE}


def _document_for(user, file_id: int) -> ClaimDocument:
    if not can_review(user):
        raise Http404
    return get_object_or_404(ClaimDocument, pk=file_id)


@require_safe
@xframe_options_sameorigin
def file_preview(request, file_id: int):
    document = _document_for(request.user, file_id)
    if document.content_type not in PREVIEW_TYPES:
        raise Http404
    return downloads.serve(document, inline=True)


@require_safe
def file_download(request, file_id: int):
    return downloads.serve(_document_for(request.user, file_id))
