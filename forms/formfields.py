"""Django form fields for the e-service field types Wagtail does not have."""

import re
from datetime import date
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


# CLDR's territories that are not ISO 3166-1 countries: regions, dialect
# areas, and places that share another country's code.
NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
AZERBAIJANI_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
_AZ_ORDER = {letter: position for position, letter in enumerate(AZERBAIJANI_ALPHABET)}


def _sort_key(name: str, language: str):
    """Azerbaijani names sort by the Azerbaijani alphabet (Ç after C, Q after K);
    others by case-folded text."""
    if language != "az":
        return name.casefold()
    folded = name.replace("I", "ı").replace("İ", "i").lower()
    return [_AZ_ORDER.get(letter, 100 + ord(letter)) for letter in folded]


def country_choices() -> list[tuple[str, str]]:
    """Countries in the active language, Azerbaijan first, then by name."""
    language = (translation.get_language() or "az").split("-")[0]
    names = Locale.parse(language).territories
    codes = [code for code in names if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES]
    ordered = sorted(codes, key=lambda code: _sort_key(names[code], language))
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
        "invalid_amount": _("Enter the amount as a number with at most two decimals, for example 15000 or 15000,50."),
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


AMOUNT_CHARACTERS = re.compile(r"[0-9.,]+")
GROUPED = re.compile(r"[0-9]{1,3}([.,][0-9]{3})+")


def _parse_amount(raw: str, messages) -> Decimal:
    """Read an amount as people write it in Azerbaijani, Russian or English.

    ``15 000``, ``15.000`` and ``15,000`` are fifteen thousand; ``15000,50``
    and ``15.000,50`` and ``15,000.50`` have fifty qəpik. Of two different
    separators the last one is the decimal mark. A lone separator followed
    by exactly three digits groups thousands, and by one or two digits marks
    the decimals. Anything else (more than two decimals, letters, exponents)
    is rejected rather than guessed.
    """
    text = (raw or "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not AMOUNT_CHARACTERS.fullmatch(text):
        raise ValidationError(messages["invalid_amount"], code="invalid_amount")

    separators = [char for char in text if char in ".,"]
    if len(set(separators)) == 2:
        decimal_mark = text[max(text.rfind("."), text.rfind(","))]
        grouped, _mark, fraction = text.rpartition(decimal_mark)
        if decimal_mark in grouped or not (grouped.isdigit() or GROUPED.fullmatch(grouped)):
            raise ValidationError(messages["invalid_amount"], code="invalid_amount")
        whole = grouped.replace("." if decimal_mark == "," else ",", "")
    elif len(set(separators)) == 1 and GROUPED.fullmatch(text):
        whole, fraction = text.replace(separators[0], ""), ""
    elif len(separators) == 1:
        whole, _mark, fraction = text.partition(separators[0])
    elif not separators:
        whole, fraction = text, ""
    else:
        raise ValidationError(messages["invalid_amount"], code="invalid_amount")

    if not whole.isdigit() or len(fraction) > 2 or (fraction and not fraction.isdigit()):
        raise ValidationError(messages["invalid_amount"], code="invalid_amount")
    amount = Decimal(f"{whole}.{fraction or '0'}")
    if amount <= 0:
        raise ValidationError(messages["not_positive"], code="not_positive")
    if amount > MAX_AMOUNT:
        raise ValidationError(messages["too_large"], code="too_large")
    return amount.quantize(Decimal("0.01"))


EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)


class BoundedDateField(forms.DateField):
    """A date a filing can mean: typing 2999 or 0001 is a slip, not an answer."""

    default_error_messages = {
        "out_of_range": _("Enter a date between 1900 and 2100, for example 01.09.2026."),
    }

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range")


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
        super().__init__(fields=[BoundedDateField(), BoundedDateField()], require_all_fields=True, **kwargs)

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
