"""The ministry's actions on a filing: assign, accept, return for correction
and reject.

Each action locks the filing row, checks the person's permission and the
filing's status, records a FilingEvent (the history the applicant reads)
and a Wagtail log entry with what changed before and after (the audit log
staff read), and notifies the organization's members, all in one
transaction: a decision is saved with its notifications or not at all.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..field_types import LAYOUT_TYPES
from ..models import FieldCorrection, Filing, FilingAction, FilingEvent, FilingStatus, ReviewAccess
from . import access, notices

# Statuses a reviewer can act from, because the filing is with the ministry.
OPEN_FOR_REVIEW = {FilingStatus.SUBMITTED, FilingStatus.UNDER_REVIEW}
# A returned filing its applicant never corrects can still be closed by rejecting it.
OPEN_FOR_REJECTION = OPEN_FOR_REVIEW | {FilingStatus.RETURNED}

LOG_ACTIONS = {
    "eservices.assigned": (_("Assign filing"), _("Filing assigned to a reviewer")),
    "eservices.accepted": (_("Accept filing"), _("Filing accepted")),
    "eservices.returned": (_("Return filing"), _("Filing returned for correction")),
    "eservices.rejected": (_("Reject filing"), _("Filing rejected")),
    "eservices.submitted": (_("Submit filing"), _("Filing submitted")),
    "eservices.resubmitted": (_("Resubmit filing"), _("Filing resubmitted after correction")),
}


class ActionError(Exception):
    """The action is not allowed: wrong status, no permission or bad input. The message is for people."""


@dataclass
class Flag:
    """A field or document the reviewer marks as wrong."""

    field_name: str
    comment: str
    article_link: str = ""
    article_label: str = ""


def assign(filing_id: int, reviewer, *, by, note: str = "") -> Filing:
    """Give the filing to ``reviewer``; a submitted filing becomes "under review".

    The note is for the ministry: it goes to the audit log, not to the
    history the applicant reads.
    """
    with transaction.atomic():
        filing = _lock_for_action(filing_id, by)
        if reviewer is not None and not access.reviewers_for(filing).filter(pk=reviewer.pk).exists():
            raise ActionError(_("This person cannot review filings of this e-service."))
        before = {"assigned_to": _person(filing.assigned_to), "status": filing.status}
        filing.assigned_to = reviewer
        if filing.status == FilingStatus.SUBMITTED:
            filing.status = FilingStatus.UNDER_REVIEW
        internal = {"internal_note": note.strip()} if note.strip() else {}
        _finish(filing, by, FilingAction.ASSIGNED, before, "", ["assigned_to"], extra=internal)
    return filing


def accept(
    filing_id: int, *, by, registration_number: str = "", registration_date: datetime.date | None = None,
    note: str = "",
) -> Filing:
    with transaction.atomic():
        filing = _lock_for_action(filing_id, by)
        before = {"status": filing.status, "registration_number": filing.registration_number,
                  "registration_date": filing.registration_date}
        filing.status = FilingStatus.ACCEPTED
        filing.decided_at = timezone.now()
        filing.registration_number = registration_number.strip()
        filing.registration_date = registration_date
        _finish(filing, by, FilingAction.ACCEPTED, before, note,
                ["decided_at", "registration_number", "registration_date"])
    return filing


def reject(filing_id: int, *, by, reason: str) -> Filing:
    if not reason.strip():
        raise ActionError(_("Give the reason for the rejection."))
    with transaction.atomic():
        filing = _lock_for_action(filing_id, by, allowed=OPEN_FOR_REJECTION)
        before = {"status": filing.status}
        filing.status = FilingStatus.REJECTED
        filing.decided_at = timezone.now()
        _finish(filing, by, FilingAction.REJECTED, before, reason.strip(), ["decided_at"])
    return filing


def return_for_correction(filing_id: int, flags: list[Flag], *, by, note: str = "") -> Filing:
    """Send the filing back with the fields and documents to correct, each with a comment."""
    if not flags:
        raise ActionError(_("Mark at least one field or document to correct."))
    if any(not flag.comment.strip() for flag in flags):
        raise ActionError(_("Say what to correct in each marked field."))
    # A field is flagged once, whatever a crafted form repeats: the first flag counts.
    unique: dict[str, Flag] = {}
    for flag in flags:
        unique.setdefault(flag.field_name, flag)
    flags = list(unique.values())
    with transaction.atomic():
        filing = _lock_for_action(filing_id, by)
        labels = field_labels(filing)
        unknown = [flag.field_name for flag in flags if flag.field_name not in labels]
        if unknown:
            raise ActionError(_("This form has no field %(name)s.") % {"name": unknown[0]})

        before = {"status": filing.status}
        filing.status = FilingStatus.RETURNED
        FieldCorrection.objects.bulk_create(
            FieldCorrection(
                filing=filing,
                submission_number=filing.submission_count,
                field_name=flag.field_name,
                field_label=labels[flag.field_name],
                comment=flag.comment.strip(),
                article_link=flag.article_link.strip(),
                article_label=flag.article_label.strip(),
                created_by=by,
            )
            for flag in flags
        )
        corrections = [{"field": flag.field_name, "comment": flag.comment.strip()} for flag in flags]
        _finish(filing, by, FilingAction.RETURNED, before, note.strip(), [], extra={"corrections": corrections})
    return filing


def field_labels(filing: Filing) -> dict[str, str]:
    """The filing's answer fields by name, with their labels in the service's own language."""
    fields = filing.page.specific.get_form_fields()
    return {field.clean_name: field.label for field in fields if field.field_type not in LAYOUT_TYPES}


# --- Shared steps ----------------------------------------------------------------


def _lock_for_action(filing_id: int, user, allowed=OPEN_FOR_REVIEW) -> Filing:
    filing = (
        Filing.objects.select_for_update(of=("self",))
        .select_related("page", "organization", "assigned_to")
        .get(pk=filing_id)
    )
    if not access.reviewable_filings(user, ReviewAccess.DECIDE).filter(pk=filing.pk).exists():
        raise ActionError(_("You do not have permission to act on filings of this e-service."))
    if filing.status not in allowed:
        raise ActionError(
            _("This cannot be done while the filing's status is “%(status)s”.")
            % {"status": filing.get_status_display()}
        )
    return filing


def _finish(filing, by, action, before: dict, note: str, changed_fields: list[str], extra=None) -> FilingEvent:
    filing.updated_by = by
    filing.save(update_fields=["status", "updated_by", "updated_at", *changed_fields])
    after = {key: _value(filing, key) for key in before}
    details = {
        key: {"before": _as_text(before[key]), "after": _as_text(after[key])}
        for key in before
        if _as_text(before[key]) != _as_text(after[key])
    }
    details.update(extra or {})
    event = FilingEvent.objects.create(
        filing=filing, user=by, action=action, from_status=before.get("status", filing.status),
        to_status=filing.status, note=note, details=details,
    )
    log(instance=filing, action=f"eservices.{action}", user=by, data={"note": note, **details})
    notices.status_changed(event)
    return event


def _value(filing, key):
    value = getattr(filing, key)
    return _person(value) if key == "assigned_to" else value


def _person(user) -> str:
    return "" if user is None else user.get_full_name() or user.email


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
