"""Rules of forms.review.actions that no admin form reaches: repeated flags,
closing a returned filing, and notes kept inside the ministry."""

import pytest
from django.utils import translation

from forms.models import FieldCorrection, FilingAction, FilingStatus
from forms.review import actions

pytestmark = pytest.mark.django_db


def test_repeated_flag_makes_one_correction(decider, grant_filing):
    flags = [actions.Flag("olke", "Ölkə səhvdir.")] * 1500 + [actions.Flag("olke", "İkinci şərh.")]

    actions.return_for_correction(grant_filing.pk, flags, by=decider)

    corrections = FieldCorrection.objects.filter(filing=grant_filing)
    assert corrections.count() == 1
    assert corrections.get().comment == "Ölkə səhvdir."


def test_returned_filing_can_be_rejected(decider, grant_filing):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("olke", "Ölkə səhvdir.")], by=decider)

    filing = actions.reject(grant_filing.pk, by=decider, reason="Müraciət edən 30 gün ərzində düzəliş etmədi.")

    assert filing.status == FilingStatus.REJECTED
    assert filing.decided_at is not None
    event = filing.events.get(action=FilingAction.REJECTED)
    assert event.from_status == FilingStatus.RETURNED


def test_returned_filing_cannot_be_accepted(decider, grant_filing):
    actions.return_for_correction(grant_filing.pk, [actions.Flag("olke", "Ölkə səhvdir.")], by=decider)

    with translation.override("en"), pytest.raises(actions.ActionError) as refused:
        actions.accept(grant_filing.pk, by=decider)

    assert str(refused.value) == "This cannot be done while the filing's status is “Returned for correction”."


def test_assign_note_stays_inside_the_ministry(decider, second_decider, grant_filing):
    actions.assign(grant_filing.pk, second_decider, by=decider, note="Daxili qeyd: VÖEN-i yoxla.")

    event = grant_filing.events.get(action=FilingAction.ASSIGNED)
    assert event.note == ""
    assert event.details["internal_note"] == "Daxili qeyd: VÖEN-i yoxla."
