"""Notifications to the organization's members when a filing changes status.

Every status change notifies every member on the site. Decisions (accepted,
returned, rejected) are also e-mailed to every member; a submission is
e-mailed to the person who submitted, with the reference number.
Notifications point at the FilingEvent, so an e-mail sent after a retry
still tells of the change that caused it, not of a later one.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.accounts.mail import absolute_url
from cms.notifications import kinds
from cms.notifications.notify import notify

from ..models import FilingAction, FilingEvent


def _filing_url(event: FilingEvent) -> str:
    return reverse("eservices:filing_detail", args=[event.filing_id])


def _name(event: FilingEvent) -> str:
    filing = event.filing
    return filing.reference or filing.page.localized.title


def _context(event: FilingEvent) -> dict:
    from ..flow_submit import page_in_language, rich_text_to_plain

    filing = event.filing
    service = page_in_language(filing.page.specific, translation.get_language())
    return {
        "event": event,
        "filing": filing,
        "reference": filing.reference,
        "service_title": service.title,
        "organization": filing.organization,
        "what_happens_next": rich_text_to_plain(service.what_happens_next),
        "decision_days": service.decision_days,
        "corrections": _corrections(event, service),
        "url": absolute_url(_filing_url(event)),
    }


def _corrections(event: FilingEvent, service) -> list:
    """Return the reviewer's notes that ``event`` sent, labelled in the language of ``service``.

    A return lists the corrections it made, which carry the number of the
    submission the reviewer read: the last one before the event. So an
    e-mail sent after the applicant resubmitted still lists them. Other
    events list the corrections open at sending time.
    """
    from ..correction import correction_notes, field_labels

    filing = event.filing
    corrections = filing.corrections.filter(resolved_at=None)
    if event.action == FilingAction.RETURNED:
        number = (
            filing.submissions.filter(submitted_at__lte=event.time)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        if number is not None:
            corrections = filing.corrections.filter(submission_number=number)

    notes = correction_notes(corrections, field_labels(service))
    for note in notes:
        # E-mails need whole addresses; links into the site's library are paths.
        if note.article_url.startswith("/"):
            note.article_url = absolute_url(note.article_url)
    return notes


TITLES = {
    "filing.submitted": lambda event: _("Application %(name)s has been submitted") % {"name": _name(event)},
    "filing.resubmitted": lambda event: _("Corrected application %(name)s has been submitted")
    % {"name": _name(event)},
    "filing.under_review": lambda event: _("Application %(name)s is under review") % {"name": _name(event)},
    "filing.accepted": lambda event: _("Application %(name)s has been accepted") % {"name": _name(event)},
    "filing.returned": lambda event: _("Application %(name)s has been returned for correction")
    % {"name": _name(event)},
    "filing.rejected": lambda event: _("Application %(name)s has been rejected") % {"name": _name(event)},
}

EMAIL_TEMPLATES = {
    "filing.submitted": "eservices/email/filing_submitted",
    "filing.resubmitted": "eservices/email/filing_submitted",
    "filing.accepted": "eservices/email/filing_accepted",
    "filing.returned": "eservices/email/filing_returned",
    "filing.rejected": "eservices/email/filing_rejected",
}

# The notification each action sends.
KIND_OF_ACTION = {
    FilingAction.SUBMITTED: "filing.submitted",
    FilingAction.RESUBMITTED: "filing.resubmitted",
    FilingAction.ACCEPTED: "filing.accepted",
    FilingAction.RETURNED: "filing.returned",
    FilingAction.REJECTED: "filing.rejected",
}

# Submissions are e-mailed to the person who submitted only.
EMAILED_TO_SUBMITTER_ONLY = {"filing.submitted", "filing.resubmitted"}


def register_kinds() -> None:
    kinds.register_target_queryset(FilingEvent.objects.select_related("filing__page", "filing__organization"))
    for name, title in TITLES.items():
        template = EMAIL_TEMPLATES.get(name)
        kinds.register(
            kinds.Kind(
                name=name,
                title=title,
                url=_filing_url,
                email_template=template,
                email_context=_context if template else None,
            )
        )


def status_changed(event: FilingEvent) -> None:
    """Notify the organization's members of ``event``. Call inside its transaction."""
    kind = KIND_OF_ACTION.get(event.action)
    if event.action == FilingAction.ASSIGNED and event.from_status != event.to_status:
        kind = "filing.under_review"
    if kind is None:
        return

    members = [membership.user for membership in event.filing.organization.memberships.select_related("user")]
    if kind in EMAILED_TO_SUBMITTER_ONLY:
        notify([event.user] if event.user else [], kind, event)
        notify([person for person in members if person != event.user], kind, event, email=False)
    else:
        notify(members, kind, event)
