"""Answers as a filing stores them in ``form_data``, and as people read them.

``form_data`` is JSON keyed by each field's clean_name: dates as ISO
strings, decimals as strings, money and date ranges as small dicts, files as
the dict that ``forms.uploads.describe`` returns.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import formats
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from .formfields import country_choices

# The date format of every answer, in every language: 01.01.2026.
DATE_FORMAT = "d.m.Y"
MULTIPLE_CHOICE_TYPES = {"checkboxes", "multiselect"}
YES_NO_TYPES = {"checkbox", "declaration"}


def to_stored(value):
    """Convert a form's cleaned value to a JSON value for ``form_data``."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [to_stored(item) for item in value]
    if isinstance(value, dict):
        return {key: to_stored(item) for key, item in value.items()}
    return value


def is_file_answer(value) -> bool:
    return isinstance(value, dict) and "file" in value


def as_form_data(form: forms.Form, form_data: dict) -> MultiValueDict:
    """Turn stored answers back into the data a browser would post for ``form``.

    Binding a step's form to this data runs every check again, so a step
    whose stored answers no longer pass (the editor added a required field,
    say) counts as unfinished. Files are left out: the step logic accepts a
    stored file in place of a new upload.
    """
    data = MultiValueDict()
    for name, field in form.fields.items():
        value = form_data.get(name)
        if value is None or is_file_answer(value):
            continue

        html_name = form.add_prefix(name)
        widget = field.widget
        if isinstance(widget, forms.MultiWidget):
            for suffix, part in zip(widget.widgets_names, widget.decompress(value)):
                if part is not None:
                    data[html_name + suffix] = str(part)
        elif isinstance(value, list):
            data.setlist(html_name, [str(item) for item in value])
        elif isinstance(value, bool):
            if value:
                data[html_name] = "on"
        else:
            data[html_name] = str(value)
    return data


@dataclass
class Answer:
    """One row of a check-your-answers list."""

    name: str
    label: str
    text: str
    download_url: str = ""
    multiline: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.text


def format_date(iso_date: str) -> str:
    return formats.date_format(datetime.date.fromisoformat(iso_date), DATE_FORMAT)


def format_money(value: dict) -> str:
    """``15 000,00 USD`` in Azerbaijani and Russian, ``15,000.00 USD`` in English."""
    amount = formats.number_format(Decimal(value["amount"]), decimal_pos=2, force_grouping=True)
    return f"{amount} {value['currency']}"


def format_date_range(value: dict) -> str:
    return f"{format_date(value['start'])} – {format_date(value['end'])}"


def format_number(value) -> str:
    return formats.number_format(Decimal(str(value)), force_grouping=True)


def format_country(code: str) -> str:
    return dict(country_choices()).get(code, code)


def format_yes_no(value) -> str:
    return str(_("Yes")) if value else str(_("No"))


FORMATTERS = {
    "date": format_date,
    "money": format_money,
    "daterange": format_date_range,
    "number": format_number,
    "country": format_country,
}


def format_value(field_type: str, value) -> str:
    """Format a stored answer for reading, or return an empty string when there is none.

    An answer that does not fit its field's current type (an editor changed
    the type after people answered) is shown as stored rather than failing.
    """
    if value is None or value == "" or value == []:
        return ""
    if field_type in YES_NO_TYPES:
        return format_yes_no(value)
    if field_type in MULTIPLE_CHOICE_TYPES and isinstance(value, list):
        return ", ".join(str(item) for item in value)

    formatter = FORMATTERS.get(field_type)
    if formatter is None:
        return str(value)
    try:
        return formatter(value)
    except (KeyError, TypeError, ValueError, InvalidOperation):
        return str(value)


def answer_for(definition, form_data: dict, files_by_id: dict, download_url) -> Answer:
    """Build the row for one field: its label and its answer, formatted for reading.

    ``files_by_id`` maps FilingFile ids to rows and ``download_url`` makes a
    row's address, so a file answer links to the stored document.
    """
    name = definition.clean_name
    value = form_data.get(name)
    answer = Answer(name=name, label=definition.label, text="", multiline=definition.field_type == "multiline")

    if definition.field_type == "file":
        file_row = files_by_id.get(value.get("file")) if is_file_answer(value) else None
        if file_row is not None:
            answer.text = file_row.original_name
            answer.download_url = download_url(file_row)
        return answer

    answer.text = format_value(definition.field_type, value)
    return answer
