"""The audit log of correction requests, in Wagtail's log entries.

Three records get entries:

- the request itself: submitted, accepted, rejected (who and when, the note);
- the organization, when an accepted request changes it: ``changes`` with
  each field's value before and after, the request's number and the member
  who asked, so it shows in the organization's history beside staff edits;
- the filing, when an accepted request changes its registration record.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from cms.organizations.admin.log_details import describe_log_data as describe_organization_data
from forms.review.log_details import describe_change as describe_filing_change

REQUEST_ACTIONS = {
    "corrections.submitted": (_("Request a correction"), _("Correction requested")),
    "corrections.accepted": (_("Accept correction request"), _("Correction request accepted")),
    "corrections.rejected": (_("Reject correction request"), _("Correction request rejected")),
}
ORGANIZATION_CORRECTED = "corrections.organization_corrected"
FILING_CORRECTED = "corrections.filing_corrected"
RECORD_ACTIONS = {
    ORGANIZATION_CORRECTED: (_("Correct organization's data"), _("Corrected at a member's request")),
    FILING_CORRECTED: (_("Correct registration record"), _("Registration record corrected at a member's request")),
}


def record_request(correction, action: str, user, **data) -> None:
    assert action in REQUEST_ACTIONS, action
    log(instance=correction, action=action, user=user, data=data)


def record_organization_change(correction, changes: dict, user) -> None:
    log(
        instance=correction.organization,
        action=ORGANIZATION_CORRECTED,
        user=user,
        data={"changes": changes, "correction_request": correction.pk, "member": _requester(correction)},
    )


def record_filing_change(correction, changes: dict, user) -> None:
    log(
        instance=correction.filing,
        action=FILING_CORRECTED,
        user=user,
        data={**changes, "correction_request": correction.pk, "member": _requester(correction)},
    )


def _requester(correction) -> str:
    return correction.created_by.email if correction.created_by else ""


def request_number(number) -> str:
    return gettext("correction request No. %(number)s") % {"number": number}


class RequestLogFormatter(LogFormatter):
    """The action's message, then the note kept with it."""

    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note", "")
        if not note:
            return self.message
        return gettext("%(message)s: %(details)s") % {"message": self.message, "details": note}


class OrganizationChangeFormatter(LogFormatter):
    """The message, the request's number, then each field's value before and after."""

    def format_message(self, log_entry):
        details = describe_organization_data(log_entry.data)
        return gettext("%(message)s: %(details)s") % {"message": self.message, "details": details}


class FilingChangeFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = dict(log_entry.data or {})
        parts = [request_number(data.pop("correction_request", ""))]
        member = data.pop("member", "")
        if member:
            parts.append(member)
        parts.extend(describe_filing_change(name, change) for name, change in data.items() if isinstance(change, dict))
        return gettext("%(message)s: %(details)s") % {"message": self.message, "details": "; ".join(parts)}


def formatter_class(base, label, message) -> type[LogFormatter]:
    """Return a formatter class for one action, as Wagtail's ``register_action`` decorator takes."""
    return type(base.__name__, (base,), {"label": label, "message": message})


def register_actions(actions) -> None:
    for action, (label, message) in REQUEST_ACTIONS.items():
        actions.register_action(action)(formatter_class(RequestLogFormatter, label, message))
    label, message = RECORD_ACTIONS[ORGANIZATION_CORRECTED]
    actions.register_action(ORGANIZATION_CORRECTED)(formatter_class(OrganizationChangeFormatter, label, message))
    label, message = RECORD_ACTIONS[FILING_CORRECTED]
    actions.register_action(FILING_CORRECTED)(formatter_class(FilingChangeFormatter, label, message))
