"""Capitalised field names in the reviewer's language: Azerbaijani "i" becomes
"İ" at the start of a label, English "i" stays "I"."""

import pytest
from django.utils import translation

from cms.aztext import capfirst
from cms.organizations.admin import log_details as organization_log_details
from cms.organizations.models import Organization
from forms.review import log_details
from forms.review.admin.reports_export_columns import filing_columns

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("az", "istinad nömrəsi", "İstinad nömrəsi"),
        ("az", "ılğım", "Ilğım"),
        ("az", "əlaqə telefonu", "Əlaqə telefonu"),
        ("en", "issue date", "Issue date"),
        ("ru", "имя", "Имя"),
    ],
)
def test_capfirst_follows_language(language, text, expected):
    assert capfirst(text, language) == expected


def test_capfirst_uses_active_language():
    with translation.override("az"):
        azerbaijani = capfirst("istinad nömrəsi")
    with translation.override("en"):
        english = capfirst("istinad nömrəsi")

    assert azerbaijani == "İstinad nömrəsi"
    assert english == "Istinad nömrəsi"


def test_capfirst_keeps_empty_values():
    assert capfirst("", "az") == ""
    assert capfirst(None, "az") is None


def test_capfirst_reads_lazy_text():
    label = translation.gettext_lazy("reference number")

    with translation.override("az"):
        assert capfirst(label) == "İstinad nömrəsi"


def test_export_column_labels_in_azerbaijani():
    with translation.override("az"):
        labels = [column.label for column in filing_columns({}, {}, lambda value: value)]

    assert labels[0] == "İstinad nömrəsi"
    assert "İlk təqdim edilmə tarixi" in labels
    assert not any(label.startswith("I") for label in labels)


def test_filing_log_field_label_in_azerbaijani():
    with translation.override("az"):
        assert log_details.field_label("reference") == "İstinad nömrəsi"
        assert log_details.field_label("first_submitted_at") == "İlk təqdim edilmə tarixi"


def test_organization_log_field_label_in_azerbaijani(monkeypatch):
    # No field of Organization starts with "i" in Azerbaijani, so one borrows a name that does.
    field = Organization._meta.get_field("name")
    monkeypatch.setattr(field, "verbose_name", translation.gettext_lazy("reference number"))

    with translation.override("az"):
        assert organization_log_details.field_label("name") == "İstinad nömrəsi"
