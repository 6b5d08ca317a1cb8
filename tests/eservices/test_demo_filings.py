"""Demo mode's filings: one in every status, made through the real flow."""

import pytest
from django.test import override_settings

from cms.organizations import demo as demo_organizations
from forms import demo
from forms.models import Filing, FilingStatus
from forms.review.access import reviewable_filings
from forms.review.setup import ensure_reviewer_groups
from forms.setup import ensure_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_filings(private_media_root, django_user_model):
    with override_settings(DEMO_MODE=True):
        ensure_services()
        everything, grants = ensure_reviewer_groups()
        demo_organizations.ensure_demo_organizations()
        moderator = django_user_model.objects.create_user("moderator", "moderator@example.invalid")
        moderator.groups.add(everything)
        created = demo.ensure_demo_filings(moderator)
        grant_reviewer = demo.ensure_demo_reviewer(grants)
    return created, moderator, grant_reviewer


def test_every_status_present(demo_filings):
    created, _moderator, _reviewer = demo_filings

    statuses = set(Filing.objects.values_list("status", flat=True))

    assert created == len(demo.DEMO_FILINGS)
    assert statuses == set(FilingStatus.values)


def test_review_steps_shown(demo_filings):
    """Each filing carries what its status needs: flags, a second submission, a registration, a deadline."""
    _created, _moderator, grant_reviewer = demo_filings

    returned = Filing.objects.get(status=FilingStatus.RETURNED)
    flagged = set(returned.corrections.filter(resolved_at=None).values_list("field_name", flat=True))
    assert flagged == {"purpose", "signed_agreement"}

    resubmitted = Filing.objects.get(submission_count=2)
    first, second = resubmitted.submissions.order_by("number")
    assert resubmitted.status == FilingStatus.SUBMITTED
    assert first.form_data["purpose"] != second.form_data["purpose"]
    assert first.submitted_at < second.submitted_at

    accepted = Filing.objects.get(status=FilingStatus.ACCEPTED)
    assert accepted.registration_number.startswith("QQ-")
    assert accepted.decided_at > accepted.first_submitted_at
    assert accepted.satisfaction.get().score == 9

    overdue = Filing.objects.overdue()
    assert list(overdue.values_list("status", flat=True)) == [FilingStatus.UNDER_REVIEW]

    for filing in Filing.objects.exclude(status=FilingStatus.DRAFT):
        times = list(filing.events.order_by("pk").values_list("time", flat=True))
        assert times == sorted(times), filing.reference

    submitted = Filing.objects.exclude(status=FilingStatus.DRAFT)
    assert reviewable_filings(grant_reviewer).count() == submitted.count()


def test_second_run_adds_nothing(demo_filings):
    _created, moderator, _reviewer = demo_filings

    with override_settings(DEMO_MODE=True):
        again = demo.ensure_demo_filings(moderator)

    assert again == 0
    assert Filing.objects.count() == len(demo.DEMO_FILINGS)


def test_records_follow_the_history(demo_filings):
    """Corrections and audit log entries carry the backdated times of their events."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    resubmitted = Filing.objects.get(submission_count=2)
    returned_at = resubmitted.events.get(action="returned").time
    resubmitted_at = resubmitted.events.get(action="resubmitted").time
    correction = resubmitted.corrections.get()
    log = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Filing), object_id=str(resubmitted.pk), action="eservices.returned"
    )

    assert correction.created_at == returned_at
    assert correction.resolved_at == resubmitted_at
    assert log.timestamp == returned_at
