"""Notifications of the ministry's decision on a correction request.

The member who asked (while still a member) and every owner of the
organization are notified on the site and by e-mail, in their own language.
The notification points at the request, so the e-mail, even when sent
after a retry, shows the decision and the values of that request.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.accounts.mail import absolute_url
from cms.notifications import kinds
from cms.notifications.notify import notify
from cms.organizations.choices import Role

from .choices import CorrectionStatus
from .models import CorrectionRequest
from .subjects import target_of, value_rows

KIND_OF_STATUS = {
    CorrectionStatus.ACCEPTED: "correction.accepted",
    CorrectionStatus.REJECTED: "correction.rejected",
}

TITLES = {
    "correction.accepted": lambda correction: _("Correction request No. %(number)s (%(subject)s) has been accepted")
    % {"number": correction.pk, "subject": target_of(correction).label()},
    "correction.rejected": lambda correction: _("Correction request No. %(number)s (%(subject)s) has been rejected")
    % {"number": correction.pk, "subject": target_of(correction).label()},
}

EMAIL_TEMPLATES = {
    "correction.accepted": "corrections/email/correction_accepted",
    "correction.rejected": "corrections/email/correction_rejected",
}


def request_url(correction: CorrectionRequest) -> str:
    return reverse("corrections:detail", args=[correction.organization_id, correction.pk])


def _context(correction: CorrectionRequest) -> dict:
    target = target_of(correction)
    return {
        "correction": correction,
        "organization": correction.organization,
        "subject": target.label(),
        "rows": value_rows(target, correction.current_values, correction.requested_values),
        "note": correction.decision_note,
        "url": absolute_url(request_url(correction)),
    }


def register_kinds() -> None:
    kinds.register_target_queryset(CorrectionRequest.objects.select_related("organization", "filing"))
    for name, title in TITLES.items():
        kinds.register(
            kinds.Kind(
                name=name,
                title=title,
                url=request_url,
                email_template=EMAIL_TEMPLATES[name],
                email_context=_context,
            )
        )


def recipients(correction: CorrectionRequest) -> list:
    """Return the organization's owners and, if still a member, the person who asked."""
    memberships = correction.organization.memberships.select_related("user")
    people = [membership.user for membership in memberships if membership.role == Role.OWNER]
    requester = next(
        (membership.user for membership in memberships if membership.user_id == correction.created_by_id), None
    )
    if requester is not None:
        people.append(requester)
    return people


def decided(correction: CorrectionRequest) -> None:
    """Notify the people concerned of the decision on ``correction``. Call inside its transaction."""
    notify(recipients(correction), KIND_OF_STATUS[correction.status], correction)
