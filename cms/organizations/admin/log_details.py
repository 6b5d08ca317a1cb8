"""Readable audit log entries for organizations.

cms.organizations.audit stores the details of each action in the entry's
``data`` (the member concerned, roles before and after, notes). The
formatter here appends them to the action's message, so Wagtail's history
views and the organization's inspect page show what changed, not only that
something did.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext
from wagtail.log_actions import LogFormatter

from cms.aztext import capfirst

from ..choices import REGION_NAMES, LegalForm, RegisterStatus, Role, Sphere
from ..models import Organization

# Fields that store a code; the log shows its label instead.
CHOICE_LABELS = {
    "legal_form": dict(LegalForm.choices),
    "region": REGION_NAMES,
    "sphere": dict(Sphere.choices),
    "register_status": dict(RegisterStatus.choices),
}


def role_label(value: str) -> str:
    """Return the label of a role code; anything else (an e-mail address) unchanged."""
    return str(Role(value).label) if value in Role.values else value


def field_label(field_name: str) -> str:
    try:
        return capfirst(Organization._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        return field_name


def field_value_label(field_name: str, value) -> str:
    value = CHOICE_LABELS.get(field_name, {}).get(value, value)
    return str(value) if value not in ("", None) else gettext("(empty)")


def describe_changes(changes: dict) -> str:
    """``{"phone": {"before": …, "after": …}}`` → ``Contact phone: “…” → “…”``."""
    parts = []
    for field_name, change in changes.items():
        parts.append(
            gettext("%(field)s: “%(before)s” → “%(after)s”")
            % {
                "field": field_label(field_name),
                "before": field_value_label(field_name, change.get("before")),
                "after": field_value_label(field_name, change.get("after")),
            }
        )
    return "; ".join(parts)


def describe_log_data(data: dict) -> str:
    """Describe an entry's ``data`` in one line; keys this function does not know are listed as they are."""
    remaining = dict(data or {})
    parts = []

    if "correction_request" in remaining:
        parts.append(gettext("correction request No. %(number)s") % {"number": remaining.pop("correction_request")})
    for key in ("member", "email"):
        if key in remaining:
            parts.append(str(remaining.pop(key)))
    if "role" in remaining:
        parts.append(role_label(remaining.pop("role")))
    if "before" in remaining or "after" in remaining:
        before = role_label(str(remaining.pop("before", "")))
        after = role_label(str(remaining.pop("after", "")))
        parts.append(f"{before} → {after}")
    if "changes" in remaining:
        parts.append(describe_changes(remaining.pop("changes") or {}))
    if "voen" in remaining:
        parts.append(gettext("VÖEN %(voen)s") % {"voen": remaining.pop("voen")})
    if "note" in remaining:
        parts.append(gettext("note: %(note)s") % {"note": remaining.pop("note")})
    if "identity_check" in remaining:
        parts.append(gettext("identity check: %(text)s") % {"text": remaining.pop("identity_check")})

    parts.extend(f"{key}: {value}" for key, value in remaining.items())
    return "; ".join(part for part in parts if part)


class OrganizationLogFormatter(LogFormatter):
    """The action's message, then the details from the entry's ``data``."""

    def format_message(self, log_entry):
        details = describe_log_data(log_entry.data)
        if not details:
            return self.message
        return gettext("%(message)s: %(details)s") % {"message": self.message, "details": details}


def formatter_class(label, message) -> type[OrganizationLogFormatter]:
    """Return a formatter class for one action, as Wagtail's ``register_action`` decorator takes."""
    return type("OrganizationLogFormatter", (OrganizationLogFormatter,), {"label": label, "message": message})
