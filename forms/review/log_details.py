"""Readable audit log entries for filings.

forms.review.actions stores each action's details in the log entry's
``data``: the reason or note, ``{field: {"before": …, "after": …}}`` for the
filing's fields it changed, and the fields flagged for correction. A
submission stores the reference number. The formatter here appends those
details to the action's message, so Wagtail's history views and a filing's
review page show what changed, not only that something did.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.log_actions import LogFormatter

from cms.aztext import capfirst

from ..models import Filing, FilingStatus
from .actions import field_labels

STATUS_LABELS = dict(FilingStatus.choices)


def field_label(field_name: str) -> str:
    try:
        return capfirst(Filing._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        return field_name


def value_label(field_name: str, value) -> str:
    """Format a status as its label, an ISO date in the reader's format, and nothing as "(empty)"."""
    if value in ("", None):
        return gettext("(empty)")
    if field_name == "status":
        return str(STATUS_LABELS.get(value, value))
    if field_name.endswith("_date"):
        try:
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def describe_change(field_name: str, change: dict) -> str:
    """``status``, ``{"before": "submitted", "after": "accepted"}`` → ``Status: “Submitted” → “Accepted”``."""
    return gettext("%(field)s: “%(before)s” → “%(after)s”") % {
        "field": field_label(field_name),
        "before": value_label(field_name, change.get("before")),
        "after": value_label(field_name, change.get("after")),
    }


def describe_corrections(corrections: list, labels: dict) -> str:
    """List the flagged fields with the reviewer's comments, by label when ``labels`` has one."""
    parts = [
        gettext("%(field)s (%(comment)s)")
        % {"field": labels.get(item.get("field"), item.get("field")), "comment": item.get("comment", "")}
        for item in corrections
        if isinstance(item, dict)
    ]
    return gettext("to correct: %(fields)s") % {"fields": ", ".join(parts)}


def describe_log_data(data: dict, labels: dict | None = None) -> str:
    """Describe an entry's ``data`` in one line, listing keys this function does not handle as they are.

    ``labels`` maps the form's field names to their labels, for the corrections.
    """
    remaining = dict(data or {})
    parts = []

    if remaining.get("reference"):
        parts.append(gettext("reference number %(reference)s") % {"reference": remaining.pop("reference")})
    remaining.pop("reference", None)

    note = remaining.pop("note", "")
    corrections = remaining.pop("corrections", None)
    for key in list(remaining):
        change = remaining[key]
        if isinstance(change, dict) and ("before" in change or "after" in change):
            parts.append(describe_change(key, remaining.pop(key)))
    if corrections:
        parts.append(describe_corrections(corrections, labels or {}))
    if note:
        parts.append(gettext("note: %(note)s") % {"note": note})

    parts.extend(f"{key}: {value}" for key, value in remaining.items())
    return "; ".join(part for part in parts if part)


def correction_labels(log_entry) -> dict:
    """Return the labels of the filing's form fields when the entry flags fields, else {}."""
    if not (log_entry.data or {}).get("corrections"):
        return {}

    filing = Filing.objects.select_related("page").filter(pk=log_entry.object_id).first()
    return field_labels(filing) if filing is not None else {}


class FilingLogFormatter(LogFormatter):
    """The action's message, then the details from the entry's ``data``."""

    def format_message(self, log_entry):
        details = describe_log_data(log_entry.data, correction_labels(log_entry))
        if not details:
            return self.message
        return gettext("%(message)s: %(details)s") % {"message": self.message, "details": details}


def formatter_class(label, message) -> type[FilingLogFormatter]:
    """Return a formatter class for one action, as Wagtail's ``register_action`` decorator takes."""
    return type("FilingLogFormatter", (FilingLogFormatter,), {"label": label, "message": message})
