"""fold_email: the one form in which e-mail addresses are stored and compared."""

import unicodedata

import pytest

from cms.accounts.emails import fold_email


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("MIKE@EXAMPLE.COM", "mike@example.com"),
        ("Mike@Example.Com", "mike@example.com"),
        # Caps Lock on the Azerbaijani layout types İ for i.
        ("MİKE@example.com", "mike@example.com"),
        ("MİKE@EXAMPLE.COM", "mike@example.com"),
        # What "İ".lower() leaves behind elsewhere: i plus U+0307.
        ("mi\u0307ke@example.com", "mike@example.com"),
        ("  mike@example.com\t\n", "mike@example.com"),
        ("mike@example.com", "mike@example.com"),
    ],
)
def test_fold_email_lowers_and_keeps_dotted_i(typed, stored):
    assert fold_email(typed) == stored


def test_fold_email_keeps_dotless_i_distinct():
    folded = fold_email("mıke@example.com")

    assert folded == "mıke@example.com"
    assert folded != fold_email("mike@example.com")


def test_fold_email_lowers_capital_dotless_i_to_dotless():
    # "I" is the capital of dotless ı in Azerbaijani but of i in English, and
    # English-keyboard addresses are the common case: I folds to i.
    assert fold_email("MIKE@example.com") == "mike@example.com"
    assert fold_email("MIKE@example.com") != fold_email("mıke@example.com")


def test_fold_email_keeps_schwa_as_typed():
    # ə (U+0259) has no decomposed form, so NFC and NFD spell it alike.
    assert unicodedata.normalize("NFD", "ə") == unicodedata.normalize("NFC", "ə")
    assert fold_email(unicodedata.normalize("NFD", "nərmin@example.az")) == "nərmin@example.az"


def test_fold_email_joins_composed_and_decomposed_letters():
    composed = unicodedata.normalize("NFC", "gülşən.çağlar@example.az")
    decomposed = unicodedata.normalize("NFD", "Gülşən.Çağlar@example.az")

    assert decomposed.lower() != composed
    assert fold_email(decomposed) == composed
    assert fold_email(composed) == composed


def test_fold_email_joins_decomposed_capital_dotted_i():
    # NFD spells İ as I + U+0307.
    typed = unicodedata.normalize("NFD", "MİKE@example.com")

    assert typed.startswith("MI\u0307")
    assert fold_email(typed) == "mike@example.com"


def test_fold_email_joins_forms_of_capital_schwa():
    assert fold_email("NƏRMİN@EXAMPLE.AZ") == "nərmin@example.az"


def test_fold_email_is_idempotent():
    once = fold_email("  MİKE.Əliyev@Example.AZ ")

    assert fold_email(once) == once
