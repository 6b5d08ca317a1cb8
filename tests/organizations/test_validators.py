"""VÖEN and phone numbers: normal forms, checks and display (cms.organizations.validators)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.organizations.validators import (
    format_phone,
    normalise_phone,
    normalise_voen,
    validate_phone,
    validate_voen,
)

# --- VÖEN ----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english():
    """These tests read messages in English, the source language."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1400057421", "1400057421"),
        ("1400 057 421", "1400057421"),
        ("1400-057-421", "1400057421"),
        (" 1400057421 ", "1400057421"),
        ("1400.057.421", "1400057421"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_voen_drops_separators(typed, stored):
    assert normalise_voen(typed) == stored


@pytest.mark.parametrize("voen", ["1400057421", "1700000011", "0000000001"])
def test_validate_voen_accepts_ten_digits(voen):
    validate_voen(voen)


@pytest.mark.parametrize(
    "voen",
    ["12345", "140005742", "14000574210", "14000574ab", "", "١٤٠٠٠٥٧٤٢١", "0000000000", "1400 057 421"],
)
def test_validate_voen_rejects(voen):
    with pytest.raises(ValidationError) as raised:
        validate_voen(voen)

    assert raised.value.code == "invalid_voen"


def test_validate_voen_message_gives_example():
    with pytest.raises(ValidationError) as raised:
        validate_voen("12345")

    assert raised.value.messages == ["Enter the VÖEN as 10 digits, for example 1400057421."]


# --- Phone ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+994 12 345 67 89", "+994123456789"),
        ("+994501234567", "+994501234567"),
        ("050 123 45 67", "+994501234567"),
        ("0501234567", "+994501234567"),
        ("(050) 123-45-67", "+994501234567"),
        ("00994 50 123 45 67", "+994501234567"),
        ("00994501234567", "+994501234567"),
        ("994501234567", "+994501234567"),
        ("994 12 345 67 89", "+994123456789"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_phone_writes_international_form(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "left"),
    [
        ("+7 999 123 45 67", "+79991234567"),
        ("12345678", "12345678"),
        ("050 ABC 45 67", "050ABC4567"),
    ],
)
def test_normalise_phone_leaves_foreign_and_short_numbers(typed, left):
    assert normalise_phone(typed) == left


@pytest.mark.parametrize("phone", ["+994123456789", "+994501234567", "+994552345678", "+994702345678", "+994992345678"])
def test_validate_phone_accepts_azerbaijani_numbers(phone):
    validate_phone(phone)


@pytest.mark.parametrize(
    "typed",
    [
        "+7 999 123 45 67",
        "12345678",
        "050 123 45 6",
        "050 123 45 678",
        "050 ABC 45 67",
        "+994 04 123 45 67",
        "+994 80 123 45 67",
        "+994 40 123 45 67",
        "+994 50 ١٢٣ ٤٥ ٦٧",
        "٠٥٠١٢٣٤٥٦٧",
        "",
    ],
)
def test_validate_phone_rejects_after_normalising(typed):
    with pytest.raises(ValidationError) as raised:
        validate_phone(normalise_phone(typed))

    assert raised.value.code == "invalid_phone"


def test_validate_phone_message_gives_examples():
    with pytest.raises(ValidationError) as raised:
        validate_phone("+79991234567")

    assert raised.value.messages == [
        "Enter an Azerbaijani phone number, for example +994 12 345 67 89 or 050 123 45 67."
    ]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+994501234567", "+994 50 123 45 67"),
        ("+994123456789", "+994 12 345 67 89"),
        ("+79991234567", "+79991234567"),
        ("", ""),
    ],
)
def test_format_phone_groups_digits(stored, shown):
    assert format_phone(stored) == shown
