"""What a member can ask to correct, and how each value is read, checked, shown and written.

A subject names one or two fields of a record: the organization's register
fields, or the registration number and date of one of its accepted grant,
service contract or donation filings. Values travel as text (dates as ISO
strings) so that a request can keep them in JSON. ``form_field`` builds the
field that checks a typed value with the model field's validators and
choices, for the member's form and again when staff accept.
"""

import datetime
import unicodedata
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.organizations.choices import REGIONS, LegalForm, RegisterStatus, Sphere
from cms.organizations.models import Organization
from cms.organizations.validators import normalise_voen
from forms.models import Filing, FilingStatus

from .choices import Subject

# The record fields each subject corrects, in the order the form asks for them.
ORGANIZATION_FIELDS = {
    Subject.NAME: ("name",),
    Subject.LEGAL_FORM: ("legal_form",),
    Subject.VOEN: ("voen",),
    Subject.STATE_REGISTRATION: ("registration_number", "registration_date"),
    Subject.SPHERE: ("sphere",),
    Subject.REGION: ("region",),
    Subject.LEGAL_ADDRESS: ("legal_address",),
    Subject.REGISTER_STATUS: ("register_status",),
}
FILING_FIELDS = ("registration_number", "registration_date")

# The e-services whose accepted filings the ministry registers with a number
# and date: grants (QR), service contracts funded from abroad (XM) and
# donations (IA), by the reference prefixes that forms/content gives them.
REGISTERED_SERVICE_PREFIXES = ("QR", "XM", "IA")

# NOTE: a chosen limit, not a legal one. Registration dates before 1990
# are taken for typing errors (0201 for 2021); the latest is today.
EARLIEST_REGISTRATION_DATE = datetime.date(1990, 1, 1)

CHOICES = {
    "legal_form": list(LegalForm.choices),
    "sphere": list(Sphere.choices),
    "region": list(REGIONS),
    "register_status": list(RegisterStatus.choices),
}
# The values people type with spaces and dashes; stored without them.
NORMALISERS = {"voen": normalise_voen}
# Fields that no other organization, or no other filing, may have the same value in.
UNIQUE_FIELDS = ("voen", "registration_number")


@dataclass(frozen=True)
class Target:
    """The record a request corrects: the organization, or one of its filings."""

    subject: str
    organization: Organization
    filing: Filing | None = None

    @property
    def record(self):
        return self.filing if self.filing is not None else self.organization

    @property
    def fields(self) -> tuple[str, ...]:
        if self.filing is not None:
            return FILING_FIELDS
        return ORGANIZATION_FIELDS[self.subject]

    @property
    def model(self):
        return type(self.record)

    def label(self) -> str:
        """Name what is corrected, for example "VÖEN" or "Registration of QR-2026-000123"."""
        if self.filing is not None:
            return gettext("Registration of %(reference)s") % {"reference": self.filing.reference}
        return str(Subject(self.subject).label)

    def field_label(self, field_name: str) -> str:
        return capfirst(self.model._meta.get_field(field_name).verbose_name)

    def read_values(self) -> dict[str, str]:
        """Return the record's values of the subject's fields as text, as a request stores them."""
        return {name: to_text(getattr(self.record, name)) for name in self.fields}

    def form_field(self, field_name: str) -> forms.Field:
        if self.filing is not None:
            return _filing_form_field(self.filing, field_name)
        return _organization_form_field(field_name)


def organization_target(organization: Organization, subject: str) -> Target:
    """Return the target of an organization subject; raise ValueError for any other subject."""
    if subject not in ORGANIZATION_FIELDS:
        raise ValueError(f"{subject!r} is not a subject of the organization's record")
    return Target(subject=subject, organization=organization)


def filing_target(filing: Filing) -> Target:
    return Target(subject=Subject.FILING_REGISTRATION, organization=filing.organization, filing=filing)


def target_of(correction) -> Target:
    """Return what a saved request corrects, with its record as loaded on the request."""
    if correction.filing_id is not None:
        return Target(subject=correction.subject, organization=correction.organization, filing=correction.filing)
    return Target(subject=correction.subject, organization=correction.organization)


def correctable_filings(organization: Organization):
    """Return the organization's accepted grant, service contract and donation filings, newest first."""
    return (
        Filing.objects.filter(
            organization=organization,
            status=FilingStatus.ACCEPTED,
            page__reference_prefix__in=REGISTERED_SERVICE_PREFIXES,
        )
        .select_related("page", "organization")
        .order_by("-decided_at", "-pk")
    )


# --- Values as text ----------------------------------------------------------------


def to_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def from_text(field_name: str, text: str):
    """Return the model value of ``text``: a date for date fields, else the text itself."""
    if field_name.endswith("_date"):
        return datetime.date.fromisoformat(text) if text else None
    return text


def display_value(field_name: str, text: str) -> str:
    """Show a stored value: a choice by its label, a date as 05.06.2015, nothing as a dash."""
    if text in ("", None):
        return "—"
    if field_name in CHOICES:
        return str(dict(CHOICES[field_name]).get(text, text))
    if field_name.endswith("_date"):
        try:
            return date_format(datetime.date.fromisoformat(text), "d.m.Y")
        except (TypeError, ValueError):
            return str(text)
    return str(text)


def value_rows(target: Target, *columns: dict) -> list[dict]:
    """Return one row per field: its name, label and each of ``columns``' values for display."""
    return [
        {
            "name": name,
            "label": target.field_label(name),
            "values": [display_value(name, column.get(name, "")) for column in columns],
            "texts": [column.get(name, "") for column in columns],
        }
        for name in target.fields
    ]


# --- Form fields -------------------------------------------------------------------


def one_line(text: str) -> str:
    """Keep the visible characters of one line of text: line breaks and
    control or direction characters would break e-mails and disguise text."""
    visible = "".join(
        " " if char.isspace() else char for char in text if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    return " ".join(visible.split())


class RecordValueField(forms.CharField):
    """A text value of the record, normalised before the model field's validators run."""

    def __init__(self, *, normalise=one_line, **kwargs):
        self.normalise = normalise
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        # Checked before normalising, which would silently drop the character.
        ProhibitNullCharactersValidator()(text)
        return self.normalise(text)


class RegistrationDateField(forms.DateField):
    """A registration date from EARLIEST_REGISTRATION_DATE (or ``earliest``) to today."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, *, earliest=EARLIEST_REGISTRATION_DATE, earliest_message=None, **kwargs):
        self.earliest = earliest
        self.earliest_message = earliest_message
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        if value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future_date")
        if value < self.earliest:
            message = self.earliest_message or _("Enter a date on or after %(date)s.")
            raise ValidationError(message, code="too_early", params={"date": date_format(self.earliest, "d.m.Y")})


def _model_field(model, field_name: str):
    return model._meta.get_field(field_name)


def _organization_form_field(field_name: str) -> forms.Field:
    model_field = _model_field(Organization, field_name)
    label = capfirst(model_field.verbose_name)

    if field_name in CHOICES:
        choices = CHOICES[field_name]
        if field_name == "region":
            return forms.ChoiceField(
                label=label, choices=[("", _("Choose a region")), *choices], widget=forms.Select
            )
        return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect)

    if field_name == "registration_date":
        return RegistrationDateField(label=label)

    # The model's validators (validate_voen, the maximum length) check the normalised text.
    # No max_length on the form field: its own check would repeat the model's with another number.
    validators = [validator for validator in model_field.validators]
    # People type a VÖEN with spaces, so the browser allows more than the stored length.
    widget_attrs = {"autocomplete": "off", "spellcheck": "false", "maxlength": str(model_field.max_length * 2)}
    if field_name == "voen":
        widget_attrs["inputmode"] = "numeric"
    return RecordValueField(
        label=label,
        normalise=_normaliser(field_name),
        validators=validators,
        widget=forms.TextInput(attrs=widget_attrs),
    )


def _filing_form_field(filing: Filing, field_name: str) -> forms.Field:
    model_field = _model_field(Filing, field_name)
    label = capfirst(model_field.verbose_name)
    if field_name == "registration_date":
        # The ministry registers what was filed, so not before the first submission.
        first_submitted = filing.first_submitted_at
        if first_submitted is None:
            return RegistrationDateField(label=label)
        return RegistrationDateField(
            label=label,
            earliest=timezone.localdate(first_submitted),
            earliest_message=_("The date of registration cannot be before the filing was first submitted, on %(date)s."),
        )
    # The model's validators include its maximum length, so the form field sets none of its own.
    return RecordValueField(
        label=label,
        validators=list(model_field.validators),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "maxlength": str(model_field.max_length)}
        ),
    )


def _normaliser(field_name: str):
    normalise = NORMALISERS.get(field_name)
    if normalise is None:
        return one_line
    return lambda text: normalise(one_line(text))


def clean_values(target: Target, values: dict[str, str]) -> dict[str, str]:
    """Check ``values`` with the subject's form fields; return them as stored text or raise ValidationError.

    Used when staff accept, so a value that was valid when requested but no
    longer is (a region removed from the list) is not written.
    """
    cleaned = {}
    errors = []
    for name in target.fields:
        field = target.form_field(name)
        try:
            cleaned[name] = to_text(field.clean(values.get(name, "")))
        except ValidationError as error:
            errors.extend(
                gettext("%(field)s: %(message)s") % {"field": target.field_label(name), "message": message}
                for message in error.messages
            )
    if errors:
        raise ValidationError(errors)
    return cleaned


# --- Uniqueness ----------------------------------------------------------------------


def conflict(target: Target, values: dict[str, str], *, for_staff: bool = False) -> tuple[str, str] | None:
    """Find another organization or filing that already has one of ``values``' unique values.

    Return the field's name and a message, or None. Staff read which record
    it is, but members are not shown other organizations' records.
    """
    for name in UNIQUE_FIELDS:
        value = values.get(name, "")
        if name not in target.fields or not value:
            continue
        if target.filing is not None:
            other = Filing.objects.filter(registration_number=value).exclude(pk=target.filing.pk).first()
        else:
            other = Organization.objects.filter(**{name: value}).exclude(pk=target.organization.pk).first()
        if other is None:
            continue
        if not for_staff:
            return name, gettext(
                "%(field)s %(value)s is already on another record of the ministry. Check what you typed. "
                "If the other record is wrong, contact the ministry."
            ) % {"field": target.field_label(name), "value": value}
        if target.filing is not None:
            return name, gettext("Registration number %(number)s is already recorded for filing %(reference)s.") % {
                "number": value,
                "reference": other.reference or other.pk,
            }
        return name, gettext("%(field)s %(value)s already belongs to another organization, %(name)s.") % {
            "field": target.field_label(name),
            "value": value,
            "name": other.name,
        }
    return None
