"""Django form fields for the e-service field types Wagtail does not have."""

from decimal import Decimal

from babel import Locale
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.organizations.validators import normalise_phone, normalise_voen, validate_phone, validate_voen

from .field_types import CURRENCIES

MAX_AMOUNT = Decimal("999999999999.99")


class VoenField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"})

    def to_python(self, value):
        return normalise_voen(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            validate_voen(value)


class PhoneField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 25)
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalise_phone(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            validate_phone(value)


def country_choices() -> list[tuple[str, str]]:
    """Countries in the active language, Azerbaijan first, then by name."""
    language = (translation.get_language() or "az").split("-")[0]
    names = Locale.parse(language).territories
    codes = [code for code in names if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "XA", "XB", "ZZ")]
    ordered = sorted(codes, key=lambda code: names[code].casefold())
    ordered.remove("AZ")
    return [("AZ", names["AZ"])] + [(code, names[code]) for code in ordered]


class CountryField(forms.ChoiceField):
    """Stores the ISO 3166 code; shows names in the reader's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", lambda: [("", _("Choose a country"))] + country_choices())
        super().__init__(**kwargs)


class MoneyWidget(forms.MultiWidget):
    template_name = "eservices/widgets/money.html"

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            forms.Select(choices=[(code, code) for code in CURRENCIES]),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("amount"), value.get("currency")]
        return [None, None]


class MoneyField(forms.MultiValueField):
    """An amount with its currency, kept as {"amount": "1500.00", "currency": "USD"}."""

    widget = MoneyWidget
    default_error_messages = {
        "required": _("Enter the amount and choose its currency."),
        "incomplete": _("Enter the amount and choose its currency."),
        "invalid_amount": _("Enter the amount as a number, for example 15000 or 15000.50."),
        "not_positive": _("The amount must be more than zero."),
        "too_large": _("The amount is too large."),
    }

    def __init__(self, **kwargs):
        fields = [
            forms.CharField(max_length=30),
            forms.ChoiceField(choices=[(code, code) for code in CURRENCIES]),
        ]
        super().__init__(fields=fields, require_all_fields=True, **kwargs)

    def compress(self, values):
        if not values:
            return None
        raw_amount, currency = values
        amount = _parse_amount(raw_amount, self.error_messages)
        return {"amount": f"{amount:.2f}", "currency": currency}


def _parse_amount(raw: str, messages) -> Decimal:
    # People write 15 000,50 or 15,000.50; a comma followed by exactly two
    # digits at the end is a decimal comma, other commas and spaces group digits.
    text = (raw or "").replace("\u00a0", "").replace(" ", "")
    if "," in text and "." not in text and len(text.rsplit(",", 1)[1]) in (1, 2):
        text = text.replace(",", ".")
    text = text.replace(",", "")
    try:
        amount = Decimal(text)
    except ArithmeticError:
        raise ValidationError(messages["invalid_amount"], code="invalid_amount") from None
    if not amount.is_finite():
        raise ValidationError(messages["invalid_amount"], code="invalid_amount")
    if amount <= 0:
        raise ValidationError(messages["not_positive"], code="not_positive")
    if amount > MAX_AMOUNT:
        raise ValidationError(messages["too_large"], code="too_large")
    return amount.quantize(Decimal("0.01"))


class DateRangeWidget(forms.MultiWidget):
    template_name = "eservices/widgets/date_range.html"

    def __init__(self, attrs=None):
        widgets = [forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for _part in ("start", "end")]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("start"), value.get("end")]
        return [None, None]


class DateRangeField(forms.MultiValueField):
    """From and to dates, kept as {"start": "2026-01-01", "end": "2026-12-31"}."""

    widget = DateRangeWidget
    default_error_messages = {
        "required": _("Enter both the start date and the end date."),
        "incomplete": _("Enter both the start date and the end date."),
        "reversed": _("The end date must be the same as or after the start date."),
    }

    def __init__(self, **kwargs):
        super().__init__(fields=[forms.DateField(), forms.DateField()], require_all_fields=True, **kwargs)

    def compress(self, values):
        if not values:
            return None
        start, end = values
        if start and end and end < start:
            raise ValidationError(self.error_messages["reversed"], code="reversed")
        return {"start": start.isoformat(), "end": end.isoformat()}


class DeclarationField(forms.BooleanField):
    default_error_messages = {
        "required": _("You must tick this box to continue."),
    }

    def __init__(self, **kwargs):
        kwargs["required"] = True
        super().__init__(**kwargs)
