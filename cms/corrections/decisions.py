"""The ministry's decisions on a correction request: accept it, which changes the record, or reject it.

Each decision runs in one transaction. It locks the request, then the
organization and (for a filing's registration) the filing. It checks them,
changes the record, writes the history and the audit log and creates the
notifications, so a decision is saved with all of them or not at all.

Accepting refuses to change anything when the record no longer equals the
snapshot the member saw, when a requested value is no longer valid, or when
another organization or filing already has the new VÖEN or registration
number. An organization the ministry verified stays verified: the ministry
itself made the change.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from cms.organizations.models import Organization
from forms.models import Filing, FilingAction, FilingEvent

from . import audit, notices
from .choices import CorrectionStatus
from .models import CorrectionRequest
from .subjects import Target, clean_values, conflict, display_value, from_text, target_of

REVIEW_PERMISSION = "corrections.review_correction"


class DecisionError(Exception):
    """The decision cannot be made as requested. The message is for the member of staff."""


def can_review(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(REVIEW_PERMISSION))


def accept(request_id: int, *, by, note: str = "") -> CorrectionRequest:
    note = note.strip()
    with transaction.atomic():
        correction = _lock(request_id, by)
        target = _lock_target(correction)

        live = target.read_values()
        if live != correction.current_values:
            raise DecisionError(_stale_message(target, correction.current_values, live))
        try:
            values = clean_values(target, correction.requested_values)
        except ValidationError as error:
            raise DecisionError(
                gettext("The requested value is no longer valid, so nothing was changed. %(errors)s")
                % {"errors": " ".join(error.messages)}
            ) from None
        clash = conflict(target, values, for_staff=True)
        if clash is not None:
            raise DecisionError(gettext("%(clash)s Nothing was changed.") % {"clash": clash[1]})

        changes = {
            name: {"before": live[name], "after": values[name]} for name in target.fields if live[name] != values[name]
        }
        _write_record(target, values, by)
        if target.filing is None:
            audit.record_organization_change(correction, changes, by)
        else:
            audit.record_filing_change(correction, changes, by)
            FilingEvent.objects.create(
                filing=target.filing,
                user=by,
                action=FilingAction.RECORD_CORRECTED,
                from_status=target.filing.status,
                to_status=target.filing.status,
                note=note,
                details=changes,
            )

        _decide(correction, CorrectionStatus.ACCEPTED, by, note)
        audit.record_request(correction, "corrections.accepted", by, note=note)
        notices.decided(correction)
    return correction


def reject(request_id: int, *, by, reason: str) -> CorrectionRequest:
    reason = reason.strip()
    if not reason:
        raise DecisionError(gettext("Give the reason for the rejection."))
    with transaction.atomic():
        correction = _lock(request_id, by)
        _decide(correction, CorrectionStatus.REJECTED, by, reason)
        audit.record_request(correction, "corrections.rejected", by, note=reason)
        notices.decided(correction)
    return correction


# --- Shared steps ----------------------------------------------------------------------


def _lock(request_id: int, user) -> CorrectionRequest:
    if not can_review(user):
        raise DecisionError(gettext("You do not have permission to decide on correction requests."))
    correction = (
        CorrectionRequest.objects.select_for_update(of=("self",))
        .select_related("organization", "filing", "created_by")
        .filter(pk=request_id)
        .first()
    )
    if correction is None:
        raise DecisionError(gettext("Correction request No. %(number)s was not found.") % {"number": request_id})
    if not correction.is_open:
        raise DecisionError(
            gettext("This request has already been decided: %(status)s.") % {"status": correction.get_status_display()}
        )
    return correction


def _lock_target(correction: CorrectionRequest) -> Target:
    """Lock the organization, then the filing, in the order a member's submission locks them."""
    correction.organization = Organization.objects.select_for_update().get(pk=correction.organization_id)
    if correction.filing_id is not None:
        correction.filing = (
            Filing.objects.select_for_update(of=("self",)).select_related("page").get(pk=correction.filing_id)
        )
    return target_of(correction)


def _stale_message(target: Target, snapshot: dict, live: dict) -> str:
    changed = [
        gettext("%(field)s was “%(then)s” when the member asked and is “%(now)s” now.")
        % {
            "field": target.field_label(name),
            "then": display_value(name, snapshot.get(name, "")),
            "now": display_value(name, live[name]),
        }
        for name in target.fields
        if snapshot.get(name, "") != live[name]
    ]
    return " ".join(
        [
            gettext("The record has changed since the request was made, so nothing was changed."),
            *changed,
            gettext("Reject this request with that reason. The member can then ask again."),
        ]
    )


def _write_record(target: Target, values: dict, by) -> None:
    record = target.record
    for name in target.fields:
        setattr(record, name, from_text(name, values[name]))
    update_fields = list(target.fields)
    if target.filing is not None:
        record.updated_by = by
        update_fields += ["updated_by", "updated_at"]
    try:
        # The savepoint confines the failure when another transaction took a
        # unique value after the check above; DecisionError then rolls back the decision.
        with transaction.atomic():
            record.save(update_fields=update_fields)
    except IntegrityError:
        raise DecisionError(
            gettext("Another record took the new value a moment ago, so nothing was changed. Reload the page.")
        ) from None


def _decide(correction: CorrectionRequest, status: str, by, note: str) -> None:
    correction.status = status
    correction.decided_at = timezone.now()
    correction.decided_by = by
    correction.decision_note = note
    correction.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
