"""The columns of a filing export: the filing's own fields, then, when the
export covers a single service, one column per form field with the answers."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext

from cms.aztext import capfirst
from cms.organizations.admin.common import person_label
from cms.organizations.models import Organization

from ...answers import format_value, is_file_answer
from ...field_types import LAYOUT_TYPES
from ...models import Filing, FilingStatus, ServicePage
from .. import stats

ROWS_PER_QUERY = 500


@dataclass(frozen=True)
class ExportColumn:
    label: str
    value: Callable[[Filing], object]
    # Width in characters in the XLSX sheet.
    width: int


def _filing_label(name: str) -> str:
    return capfirst(Filing._meta.get_field(name).verbose_name)


def _organization_label(name: str) -> str:
    return capfirst(Organization._meta.get_field(name).verbose_name)


def filing_columns(service_titles: dict, status_labels: dict, local: Callable) -> list[ExportColumn]:
    """Return the columns every export has, from the reference number to the number of submissions."""
    return [
        ExportColumn(_filing_label("reference"), lambda filing: filing.reference or "", 16),
        ExportColumn(
            _filing_label("page"), lambda filing: service_titles.get(filing.page.translation_key, ""), 40
        ),
        ExportColumn(_filing_label("organization"), lambda filing: filing.organization.name, 40),
        ExportColumn(_organization_label("voen"), lambda filing: filing.organization.voen, 12),
        ExportColumn(_organization_label("region"), lambda filing: filing.organization.get_region_display(), 22),
        ExportColumn(_filing_label("status"), lambda filing: status_labels.get(filing.status, filing.status), 22),
        ExportColumn(_filing_label("first_submitted_at"), lambda filing: local(filing.first_submitted_at), 17),
        ExportColumn(_filing_label("submitted_at"), lambda filing: local(filing.submitted_at), 17),
        ExportColumn(_filing_label("decision_due"), lambda filing: filing.decision_due, 12),
        ExportColumn(_filing_label("decided_at"), lambda filing: local(filing.decided_at), 17),
        ExportColumn(_filing_label("assigned_to"), lambda filing: person_label(filing.assigned_to), 26),
        ExportColumn(_filing_label("registration_number"), lambda filing: filing.registration_number, 20),
        ExportColumn(_filing_label("registration_date"), lambda filing: filing.registration_date, 12),
        ExportColumn(gettext("Number of submissions"), lambda filing: filing.submission_count, 12),
    ]


# --- Answers ------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerField:
    name: str
    label: str
    field_type: str


def answer_fields(service_key) -> list[AnswerField]:
    """Return the answer fields of one service, labelled in the active language where a translation exists.

    Translations of a page normally share their fields; a field that only
    some translation has still gets a column, after the others.
    """
    rank = stats.language_rank()
    pages = ServicePage.objects.filter(translation_key=service_key).select_related("locale").order_by("pk")
    pages = sorted(pages, key=rank)

    fields: dict[str, AnswerField] = {}
    for page in pages:
        for definition in page.get_form_fields():
            if definition.field_type in LAYOUT_TYPES or definition.clean_name in fields:
                continue
            fields[definition.clean_name] = AnswerField(definition.clean_name, definition.label, definition.field_type)
    return list(fields.values())


def answer_cell(field: AnswerField, form_data: dict):
    """Return an answer as a spreadsheet cell: dates and numbers typed, files by name, the rest as read on screen."""
    value = form_data.get(field.name)
    if value is None or value == "":
        return None
    if field.field_type == "file":
        return value.get("name", "") if is_file_answer(value) else str(value)
    if field.field_type == "date" and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if field.field_type == "number" and not isinstance(value, bool):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return str(value)
    return format_value(field.field_type, value)


def answer_columns(fields: list[AnswerField]) -> list[ExportColumn]:
    return [
        ExportColumn(field.label, lambda filing, field=field: answer_cell(field, filing.form_data), 30)
        for field in fields
    ]


# --- Rows ----------------------------------------------------------------------------


def single_service_key(filings):
    """Return the translation key of the only service among ``filings``, or None when there are several or none."""
    keys = list(filings.order_by().values_list("page__translation_key", flat=True).distinct()[:2])
    return keys[0] if len(keys) == 1 else None


def export_columns(filings) -> list[ExportColumn]:
    """Return every column of an export of ``filings``, with the answers when they belong to a single service."""
    zone = timezone.get_current_timezone()

    def local(value):
        return None if value is None else timezone.localtime(value, zone).replace(tzinfo=None)

    keys = filings.order_by().values_list("page__translation_key", flat=True).distinct()
    status_labels = {value: str(label) for value, label in FilingStatus.choices}
    columns = filing_columns(stats.service_titles(keys), status_labels, local)

    service_key = single_service_key(filings)
    if service_key is not None:
        columns += answer_columns(answer_fields(service_key))
    return columns


def export_rows(filings, columns: list[ExportColumn]) -> Iterator[list]:
    ordered = filings.select_related("page", "organization", "assigned_to").order_by("first_submitted_at", "pk")
    for filing in ordered.iterator(chunk_size=ROWS_PER_QUERY):
        yield [column.value(filing) for column in columns]
