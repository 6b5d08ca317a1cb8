"""Readable audit log entries for the steps of a claim.

cms.claims.audit stores each step's details in the entry's ``data``. The
formatter here appends them to the action's message, so the organization's
history in the admin shows whose claim it was and what happened.
"""

from django.utils.translation import gettext, ngettext
from wagtail.log_actions import LogFormatter

from cms.organizations.admin.log_details import role_label

from ..models import ClaimStatus
from ..rules import CODE_ROUTE_CLOSED


def describe_claim_data(data: dict) -> str:
    """Describe a claim entry's ``data`` in one line; unknown keys are listed as they are."""
    remaining = dict(data or {})
    parts = []

    if "claim" in remaining:
        parts.append(gettext("claim %(id)s") % {"id": remaining.pop("claim")})
    if "email" in remaining:
        parts.append(str(remaining.pop("email")))
    if "sent_to" in remaining:
        parts.append(gettext("code sent to %(address)s") % {"address": remaining.pop("sent_to")})
    if "attempts_left" in remaining:
        left = int(remaining.pop("attempts_left"))
        parts.append(ngettext("%(count)d attempt left", "%(count)d attempts left", left) % {"count": left})
    if "attempts" in remaining:
        attempts = int(remaining.pop("attempts"))
        parts.append(ngettext("after %(count)d wrong attempt", "after %(count)d wrong attempts", attempts) % {"count": attempts})
    if "reason" in remaining:
        reason = remaining.pop("reason")
        parts.append(str(CODE_ROUTE_CLOSED.get(reason, reason)))
    if "documents" in remaining:
        parts.append(gettext("documents: %(names)s") % {"names": ", ".join(remaining.pop("documents") or [])})
    if "role" in remaining:
        parts.append(gettext("role: %(role)s") % {"role": role_label(remaining.pop("role"))})
    if "status" in remaining:
        status = remaining.pop("status")
        label = ClaimStatus(status).label if status in ClaimStatus.values else status
        parts.append(gettext("status was: %(status)s") % {"status": label})
    if remaining.get("note"):
        parts.append(gettext("note: %(note)s") % {"note": remaining.pop("note")})
    remaining.pop("note", None)

    parts.extend(f"{key}: {value}" for key, value in remaining.items())
    return "; ".join(part for part in parts if part)


class ClaimLogFormatter(LogFormatter):
    """The action's message, then the details from the entry's ``data``."""

    def format_message(self, log_entry):
        details = describe_claim_data(log_entry.data)
        if not details:
            return self.message
        return gettext("%(message)s: %(details)s") % {"message": self.message, "details": details}


def formatter_class(label, message) -> type[ClaimLogFormatter]:
    """Return a formatter class for one action, as Wagtail's ``register_action`` decorator takes."""
    return type("ClaimLogFormatter", (ClaimLogFormatter,), {"label": label, "message": message})
