"""Sending a correction request: one transaction that checks the record again and saves the request with its files."""

import logging

from django.db import transaction
from django.utils.translation import gettext

from cms.organizations.models import Membership, Organization
from forms.models import Filing, FilingStatus

from . import audit, evidence
from .choices import CorrectionStatus
from .models import CorrectionRequest
from .subjects import REGISTERED_SERVICE_PREFIXES, Target, conflict

logger = logging.getLogger(__name__)


class SubmitError(Exception):
    """The request cannot be sent as it is; the message is for the member."""


def submit(
    target: Target, values: dict[str, str], reason: str, *, by, seen_values: dict, kept_files=(), uploads=()
) -> CorrectionRequest:
    """Save a request to change ``target``'s fields to ``values``.

    ``seen_values`` are the record's values the form showed; if the record
    changed since, nothing is saved. ``kept_files`` are evidence rows the
    member uploaded on an earlier try, ``uploads`` the files of this one,
    already checked by evidence.check_uploads.
    """
    with transaction.atomic():
        # Locking the organization makes two clicks on "Send" queue up, so
        # the second finds the first's open request.
        organization = Organization.objects.select_for_update().get(pk=target.organization.pk)
        if not Membership.objects.filter(organization=organization, user=by).exists():
            raise SubmitError(gettext("You are no longer a member of this organization."))
        target = _locked_target(target, organization)

        if target.read_values() != seen_values:
            raise SubmitError(
                gettext(
                    "The ministry's record changed while you were filling in the form. Check the value it has now "
                    "and your answer, then send the request again."
                )
            )
        _reject_duplicate(target)
        clash = conflict(target, values)
        if clash is not None:
            raise SubmitError(clash[1])

        correction = CorrectionRequest.objects.create(
            organization=organization,
            filing=target.filing,
            subject=target.subject,
            current_values=seen_values,
            requested_values=values,
            reason=reason.strip(),
            created_by=by,
        )
        kept_ids = [row.pk for row in kept_files]
        attached = evidence.pending_for(organization, by).filter(pk__in=kept_ids).update(request=correction)
        if attached != len(kept_ids):
            raise SubmitError(gettext("A file you uploaded earlier is no longer available. Choose it again."))
        for upload in uploads:
            evidence.store(upload, organization, by, correction)
        audit.record_request(correction, "corrections.submitted", by)

    transaction.on_commit(evidence.delete_abandoned)
    return correction


def _locked_target(target: Target, organization: Organization) -> Target:
    if target.filing is None:
        return Target(subject=target.subject, organization=organization)
    filing = (
        Filing.objects.select_for_update(of=("self",))
        .select_related("page")
        .filter(pk=target.filing.pk, organization=organization)
        .first()
    )
    if (
        filing is None
        or filing.status != FilingStatus.ACCEPTED
        or filing.page.reference_prefix not in REGISTERED_SERVICE_PREFIXES
    ):
        raise SubmitError(gettext("This filing's registration can no longer be corrected here. Contact the ministry."))
    return Target(subject=target.subject, organization=organization, filing=filing)


def _reject_duplicate(target: Target) -> None:
    """Allow one open request per field of the organization, or per filing."""
    open_requests = CorrectionRequest.objects.filter(
        organization=target.organization, subject=target.subject, filing=target.filing, status=CorrectionStatus.SUBMITTED
    )
    existing = open_requests.first()
    if existing is not None:
        raise SubmitError(
            gettext(
                "Your organization already asked to correct this, in request No. %(number)s. Wait for the "
                "ministry's decision on it before asking again."
            )
            % {"number": existing.pk}
        )
