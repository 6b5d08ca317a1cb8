"""Checks and normal forms for the identifiers on an organization's record."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-().]")

# Azerbaijani numbers: +994, then a two-digit operator or area code and seven
# digits. Mobile codes start 1x-9x except 0, 4 and 8, which no operator or
# area uses.
PHONE_PATTERN = re.compile(r"\+994[1235679][0-9]{8}")


def normalise_voen(value: str) -> str:
    return _SEPARATORS.sub("", value or "")


def validate_voen(value: str) -> None:
    """Check that a VÖEN (taxpayer identification number) is ten digits."""
    # [0-9], not \d: \d also matches Arabic-Indic and other Unicode digits.
    if not re.fullmatch(r"[0-9]{10}", value or ""):
        raise ValidationError(
            _("Enter the VÖEN as 10 digits, for example 1400057421."),
            code="invalid_voen",
        )
    if value == "0" * 10:
        raise ValidationError(_("This VÖEN is not valid."), code="invalid_voen")


def normalise_phone(value: str) -> str:
    """Write a number typed as 050 123 45 67, 994501234567 or +994 50 … as +994501234567."""
    digits = _SEPARATORS.sub("", value or "")
    if digits.startswith("00994"):
        digits = "+" + digits[2:]
    elif digits.startswith("994"):
        digits = "+" + digits
    elif re.fullmatch(r"0[0-9]{9}", digits):
        digits = "+994" + digits[1:]
    return digits


def validate_phone(value: str) -> None:
    if not PHONE_PATTERN.fullmatch(value or ""):
        raise ValidationError(
            _("Enter an Azerbaijani phone number, for example +994 12 345 67 89 or 050 123 45 67."),
            code="invalid_phone",
        )


def format_phone(value: str) -> str:
    """+994501234567 → +994 50 123 45 67, for reading."""
    if not PHONE_PATTERN.fullmatch(value or ""):
        return value
    national = value[4:]
    return f"+994 {national[:2]} {national[2:5]} {national[5:7]} {national[7:]}"
