"""The e-service field types read values the way applicants type them."""

import pytest
from django.core.exceptions import ValidationError

from forms.formfields import CountryField, MoneyField


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("15000", "15000.00"),
        ("15 000", "15000.00"),
        ("15\u00a0000", "15000.00"),
        ("15.000", "15000.00"),
        ("15,000", "15000.00"),
        ("1.500.000", "1500000.00"),
        ("15000,50", "15000.50"),
        ("15.000,50", "15000.50"),
        ("15,000.50", "15000.50"),
        ("1,5", "1.50"),
        ("1.50", "1.50"),
    ],
)
def test_amounts_as_people_write_them(typed, amount):
    assert MoneyField().clean([typed, "AZN"]) == {"amount": amount, "currency": "AZN"}


@pytest.mark.parametrize("typed", ["1.123456", "1E5", "15.00.0", "1.000.00", "-5", "abc", "15,000,50.5,0", "١٥٠"])
def test_amounts_that_would_be_guesses_are_refused(typed):
    with pytest.raises(ValidationError) as refused:
        MoneyField().clean([typed, "AZN"])

    assert refused.value.code == "invalid_amount"


def test_zero_and_oversized_amounts_are_refused():
    with pytest.raises(ValidationError):
        MoneyField().clean(["0", "AZN"])
    with pytest.raises(ValidationError):
        MoneyField().clean(["9" * 15, "AZN"])


def test_currency_outside_the_list_is_refused():
    with pytest.raises(ValidationError):
        MoneyField().clean(["100", "BTC"])


def test_countries_are_real_countries_in_azerbaijani_order():
    from django.utils import translation

    with translation.override("az"):
        choices = [code for code, _name in CountryField().choices if code]
        names = [name for code, name in CountryField().choices if code]

    assert choices[0] == "AZ"
    assert not {"QO", "CQ", "EU", "UN", "ZZ", "EA", "IC"} & set(choices)
    assert names.index("Çin") < names.index("Danimarka")
    assert names.index("Şri-Lanka") < names.index("Tacikistan")
    assert names.index("Qazaxıstan") < names.index("Rusiya")
