"""What a resubmission changed since the submission before, field by field."""

import pytest

from forms import uploads
from forms.answers import format_country, format_money
from forms.review import actions
from forms.review.diff import changes_since_previous, flagged_but_unchanged

from .conftest import pdf_upload, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]


def return_and_resubmit(filing, reviewer, page, person, *, flags, answers=None, document=None):
    """Return ``filing`` with ``flags``, apply the applicant's new ``answers`` and ``document``, and resubmit."""
    actions.return_for_correction(filing.pk, [actions.Flag(name, "Düzəldin.") for name in flags], by=reviewer)
    filing.refresh_from_db()
    filing.form_data = {**filing.form_data, **(answers or {})}
    if document is not None:
        row = uploads.store(filing, "qrant_muqavilesi", document, person)
        filing.form_data["qrant_muqavilesi"] = uploads.describe(row)
    filing.save(update_fields=["form_data"])
    uploads.forget_unreferenced(filing)
    return submit(page, filing, person)


def by_name(changes) -> dict:
    return {change.name: change for change in changes}


def test_first_submission_has_no_changes(grant_filing):
    assert changes_since_previous(grant_filing) == []


def test_changed_text_and_replaced_file(decider, member, service_page, grant_filing):
    filing = return_and_resubmit(
        grant_filing,
        decider,
        service_page,
        member,
        flags=["teskilatin_adi", "qrant_muqavilesi"],
        answers={"teskilatin_adi": "“Gənclər Birliyi” İctimai Birliyi"},
        document=pdf_upload("İmzalı müqavilə.pdf", text="Imzali muqavile"),
    )

    changes = by_name(changes_since_previous(filing))

    assert list(changes) == ["teskilatin_adi", "qrant_muqavilesi"]
    assert changes["teskilatin_adi"].label == "Təşkilatın adı"
    assert changes["teskilatin_adi"].before == "Gənclər Birliyi İctimai Birliyi"
    assert changes["teskilatin_adi"].after == "“Gənclər Birliyi” İctimai Birliyi"
    assert changes["teskilatin_adi"].flagged is True
    assert changes["qrant_muqavilesi"].before == "Qrant müqaviləsi.pdf"
    assert changes["qrant_muqavilesi"].after == "İmzalı müqavilə.pdf"
    assert changes["qrant_muqavilesi"].flagged is True


def test_unflagged_change_is_marked_unflagged(decider, member, service_page, grant_filing):
    filing = return_and_resubmit(
        grant_filing,
        decider,
        service_page,
        member,
        flags=["olke"],
        answers={"olke": "GE", "qrantin_meblegi": {"amount": "16000", "currency": "USD"}},
    )

    changes = by_name(changes_since_previous(filing))

    assert set(changes) == {"olke", "qrantin_meblegi"}
    assert changes["olke"].flagged is True
    assert changes["qrantin_meblegi"].flagged is False
    assert changes["qrantin_meblegi"].before == format_money({"amount": "15000", "currency": "USD"})
    assert changes["qrantin_meblegi"].after == format_money({"amount": "16000", "currency": "USD"})
    assert changes["olke"].after == format_country("GE")


def test_same_name_new_content_shows_hashes(decider, member, service_page, grant_filing):
    filing = return_and_resubmit(
        grant_filing,
        decider,
        service_page,
        member,
        flags=["qrant_muqavilesi"],
        document=pdf_upload("Qrant müqaviləsi.pdf", text="Yeni versiya"),
    )
    first, second = filing.files.order_by("pk")

    change = by_name(changes_since_previous(filing))["qrant_muqavilesi"]

    assert change.before == f"Qrant müqaviləsi.pdf (SHA-256 {first.sha256[:12]}…)"
    assert change.after == f"Qrant müqaviləsi.pdf (SHA-256 {second.sha256[:12]}…)"
    assert (change.before_file_id, change.after_file_id) == (first.pk, second.pk)


def test_same_file_sent_again_is_unchanged(decider, member, service_page, grant_filing):
    filing = return_and_resubmit(grant_filing, decider, service_page, member, flags=["qrant_muqavilesi"])

    assert changes_since_previous(filing) == []
    assert flagged_but_unchanged(filing, []) == ["Qrant müqaviləsi"]


def test_cleared_optional_answer_is_a_change(decider, member, service_page, grant_filing):
    filing = return_and_resubmit(
        grant_filing, decider, service_page, member, flags=["elave_qeyd"], answers={"elave_qeyd": ""}
    )

    change = by_name(changes_since_previous(filing))["elave_qeyd"]

    assert change.before == "Birinci sətir"
    assert change.after == ""


def test_compares_the_last_two_submissions(decider, member, service_page, grant_filing):
    filing = return_and_resubmit(
        grant_filing, decider, service_page, member, flags=["olke"], answers={"olke": "GE"}
    )
    filing = return_and_resubmit(
        filing, decider, service_page, member, flags=["teskilatin_adi"], answers={"teskilatin_adi": "Yeni ad"}
    )

    changes = by_name(changes_since_previous(filing))

    assert list(changes) == ["teskilatin_adi"]
    assert changes["teskilatin_adi"].flagged is True
