"""Readable audit log entries for the review actions."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import ModelLogEntry

from forms.models import Filing
from forms.review import actions
from forms.review.log_details import describe_log_data

from .conftest import signed_in_client, staff_person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]


@pytest.fixture(autouse=True)
def english():
    """The log is read here in English, the source language."""
    with translation.override("en"):
        yield


def latest_entry(filing, action) -> ModelLogEntry:
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Filing), object_id=str(filing.pk), action=action
    ).latest("pk")


def test_describe_status_and_registration():
    text = describe_log_data(
        {
            "note": "Qeydiyyata alındı.",
            "status": {"before": "under_review", "after": "accepted"},
            "registration_date": {"before": "", "after": "2026-03-05"},
        }
    )

    assert text == (
        "Status: “Under review” → “Accepted”; "
        "Date of registration: “(empty)” → “03/05/2026”; "
        "note: Qeydiyyata alındı."
    )


def test_describe_corrections_with_labels():
    text = describe_log_data(
        {"note": "", "corrections": [{"field": "olke", "comment": "Ölkə səhvdir."}]}, {"olke": "Ölkə"}
    )

    assert text == "to correct: Ölkə (Ölkə səhvdir.)"


def test_describe_keeps_unknown_keys():
    assert describe_log_data({"source": "api"}) == "source: api"


def test_submission_entry_names_the_reference(grant_filing):
    entry = latest_entry(grant_filing, "eservices.submitted")

    assert entry.message == f"Filing submitted: reference number {grant_filing.reference}"


def test_returned_entry_lists_fields_by_label(decider, grant_filing):
    actions.return_for_correction(
        grant_filing.pk,
        [actions.Flag("qrant_muqavilesi", "İmzalı nüsxə lazımdır.")],
        by=decider,
        note="Yenidən göndərin.",
    )

    entry = latest_entry(grant_filing, "eservices.returned")

    assert entry.user == decider
    assert entry.formatter.label == "Return filing"
    assert entry.message == (
        "Filing returned for correction: Status: “Submitted” → “Returned for correction”; "
        "to correct: Qrant müqaviləsi (İmzalı nüsxə lazımdır.); note: Yenidən göndərin."
    )


def test_site_history_report_shows_details(decider, grant_filing):
    actions.reject(grant_filing.pk, by=decider, reason="Müqavilə imzalanmayıb.")
    superuser = staff_person("admin", "Rəşad", "Bağırov")
    superuser.is_superuser = True
    superuser.save(update_fields=["is_superuser"])

    response = signed_in_client(superuser).get("/admin/reports/site-history/")

    assert response.status_code == 200
    assert "Müqavilə imzalanmayıb." in response.content.decode()
