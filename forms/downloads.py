"""Downloads of applicants' documents, served only after a permission check.

Members of the filing's organization get the file, and so do ministry staff
who may review the filing (forms.review.access: by service, never for a
draft). Everyone else, signed in or not, gets 404, so a file id reveals
nothing about whether the file exists.
"""

import logging

from django.db.models import F, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from cms.organizations.models import Membership

from .models import FilingFile
from .review import access

logger = logging.getLogger(__name__)


def download_url_for_id(file_id: int) -> str:
    return reverse("eservices:download", kwargs={"file_id": file_id})


def download_url(file_row: FilingFile) -> str:
    return download_url_for_id(file_row.pk)


def sent_for_review(user) -> Q:
    """Select the files of filings ``user`` may review that the applicant has sent.

    A file the applicant uploaded while correcting a returned filing stays
    private until it is sent. The admin's previews use the same rule.
    """
    return Q(filing__in=access.reviewable_filings(user).values("pk")) & Q(uploaded_at__lte=F("filing__submitted_at"))


def visible_files(user):
    """Return the FilingFiles ``user`` may download."""
    if not user.is_authenticated:
        return FilingFile.objects.none()
    own_organizations = Membership.objects.filter(user=user).values("organization")
    own = Q(filing__organization__in=own_organizations)
    if not access.is_reviewer(user):
        return FilingFile.objects.filter(own)
    return FilingFile.objects.filter(own | sent_for_review(user))


def requesting_user(request):
    """Return the signed-in person, or the owner of a bearer token, because apps
    download the files that /api/v1/filings/ lists with the token they used there."""
    from rest_framework.exceptions import AuthenticationFailed

    from cms.api.authentication import BearerTokenAuthentication

    try:
        found = BearerTokenAuthentication().authenticate(request)
    except AuthenticationFailed:
        raise Http404 from None
    return found[0] if found else request.user


@require_safe
def download(request, file_id: int):
    row = get_object_or_404(visible_files(requesting_user(request)), pk=file_id)
    try:
        handle = row.file.storage.open(row.file.name, "rb")
    except FileNotFoundError:
        logger.error("Stored file missing: FilingFile %s at %s", row.pk, row.file.name)
        raise Http404 from None

    response = FileResponse(handle, as_attachment=True, filename=row.original_name, content_type=row.content_type)
    # The browser should save the file rather than render it as a page of this site.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
