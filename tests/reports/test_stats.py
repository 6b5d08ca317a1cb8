"""The report figures in forms.review.stats, over the filings of conftest.py."""

import datetime
import statistics

import pytest
from django.utils import translation

from forms.models import Filing, FilingStatus, SatisfactionResponse
from forms.review import access, stats

from .conftest import GRANT_TITLE, REGISTRATION_TITLE, at, make_filing, mark_returned

pytestmark = pytest.mark.django_db


# --- Percentiles -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([1, 2, 3, 4], 0.5, 2.5),
        ([1, 2, 3, 4], 0.9, 3.7),
        ([4, 1, 3, 2], 0.9, 3.7),
        ([15, 20, 35, 40, 50], 0.4, 29.0),
        ([15, 20, 35, 40, 50], 0.5, 35.0),
        ([15, 20, 35, 40, 50], 0.9, 46.0),
        ([2, 4, 10], 0.9, 8.8),
        ([7.5], 0.9, 7.5),
        ([1, 2], 0.0, 1.0),
        ([1, 2], 1.0, 2.0),
    ],
)
def test_percentile_known_values(values, fraction, expected):
    assert stats.percentile(values, fraction) == pytest.approx(expected)


def test_percentile_matches_inclusive_quantiles():
    values = [0.4, 12.25, 3.0, 7.75, 1.5, 30.0, 2.0, 9.5, 4.25, 15.0, 6.0]

    deciles = statistics.quantiles(values, n=10, method="inclusive")

    assert stats.percentile(values, 0.9) == pytest.approx(deciles[8])
    assert stats.percentile(values, 0.1) == pytest.approx(deciles[0])
    assert stats.percentile(values, 0.5) == pytest.approx(statistics.median(values))


def test_percentile_without_values_is_none():
    assert stats.percentile([], 0.5) is None


def test_percentile_rejects_fraction_outside_range():
    with pytest.raises(ValueError, match="between 0 and 1"):
        stats.percentile([1, 2], 90)


# --- Counts per service and status --------------------------------------------------


def test_counts_per_service_and_status(filings, full_reviewer):
    rows = stats.counts_by_service_and_status(access.reviewable_filings(full_reviewer))

    by_title = {row.title: row for row in rows}
    assert list(by_title) == [REGISTRATION_TITLE, GRANT_TITLE]
    grant = by_title[GRANT_TITLE]
    assert grant.count(FilingStatus.ACCEPTED) == 1
    assert grant.count(FilingStatus.REJECTED) == 1
    assert grant.count(FilingStatus.SUBMITTED) == 1
    assert grant.count(FilingStatus.UNDER_REVIEW) == 1
    assert grant.count(FilingStatus.RETURNED) == 1
    assert grant.count(FilingStatus.DRAFT) == 0
    assert grant.total == 5
    assert by_title[REGISTRATION_TITLE].total == 2


def test_counts_group_translations_of_a_service(filings, english_grant_service, association):
    make_filing(
        english_grant_service, association, FilingStatus.SUBMITTED, "QR-2026-0100", first_submitted=at("2026-04-10")
    )

    rows = stats.counts_by_service_and_status(Filing.objects.exclude(status=FilingStatus.DRAFT))

    assert len(rows) == 2
    grant = next(row for row in rows if row.key == english_grant_service.translation_key)
    assert grant.count(FilingStatus.SUBMITTED) == 2
    assert grant.total == 6


def test_service_titles_follow_the_admin_language(filings, english_grant_service):
    keys = [english_grant_service.translation_key, filings.accepted_registration.page.translation_key]

    with translation.override("en"):
        english = stats.service_titles(keys)
    azerbaijani = stats.service_titles(keys, language="az")
    russian = stats.service_titles(keys, language="ru")

    assert english[english_grant_service.translation_key] == "Registering a grant agreement"
    # No English translation: the default language's title.
    assert english[filings.accepted_registration.page.translation_key] == REGISTRATION_TITLE
    assert azerbaijani[english_grant_service.translation_key] == GRANT_TITLE
    assert russian[english_grant_service.translation_key] == GRANT_TITLE


def test_statuses_present_leave_out_drafts(filings, full_reviewer):
    rows = stats.counts_by_service_and_status(access.reviewable_filings(full_reviewer))
    with_drafts = stats.counts_by_service_and_status(Filing.objects.all())

    assert FilingStatus.DRAFT not in stats.statuses_present(rows)
    assert stats.statuses_present(with_drafts)[0] == FilingStatus.DRAFT


def test_grant_reviewer_counts_grant_filings_only(filings, grant_reviewer):
    rows = stats.counts_by_service_and_status(access.reviewable_filings(grant_reviewer))

    assert [row.title for row in rows] == [GRANT_TITLE]
    assert rows[0].total == 5


# --- Overdue ------------------------------------------------------------------------


def test_overdue_count(filings, full_reviewer, grant_reviewer):
    assert stats.overdue_count(access.reviewable_filings(full_reviewer)) == 2
    assert stats.overdue_count(access.reviewable_filings(grant_reviewer)) == 1


def test_overdue_count_on_a_given_day(filings, full_reviewer):
    long_ago = datetime.date(2020, 1, 1)

    assert stats.overdue_count(access.reviewable_filings(full_reviewer), today=long_ago) == 0


# --- Processing time ------------------------------------------------------------------


def test_processing_time_over_decided_filings(filings, full_reviewer):
    time = stats.processing_time(access.reviewable_filings(full_reviewer))

    # Durations 2, 4 and 10 days.
    assert time.count == 3
    assert time.median_days == pytest.approx(4.0)
    assert time.p90_days == pytest.approx(8.8)


def test_processing_time_per_service(filings, full_reviewer):
    by_service = stats.processing_time_by_service(access.reviewable_filings(full_reviewer))

    grant = by_service[filings.accepted_grant.page.translation_key]
    registration = by_service[filings.accepted_registration.page.translation_key]
    assert grant.count == 2
    assert grant.median_days == pytest.approx(3.0)
    assert grant.p90_days == pytest.approx(3.8)
    assert registration.median_days == pytest.approx(10.0)


def test_processing_time_counts_hours_as_fractions_of_days(grant_service, association):
    make_filing(
        grant_service, association, FilingStatus.ACCEPTED, "QR-2026-0200",
        first_submitted=at("2026-03-02", "09:00"), decided=at("2026-03-03", "21:00"),
    )

    time = stats.processing_time(Filing.objects.all())

    assert time.median_days == pytest.approx(1.5)


def test_processing_time_without_decisions(grant_service, association):
    make_filing(grant_service, association, FilingStatus.SUBMITTED, "QR-2026-0300", first_submitted=at("2026-03-02"))

    time = stats.processing_time(Filing.objects.all())

    assert time.count == 0
    assert time.median_days is None
    assert time.p90_days is None


# --- Returned for correction ------------------------------------------------------------


def test_returned_rate_per_service_and_overall(filings, full_reviewer):
    rates = stats.returned_rates(access.reviewable_filings(full_reviewer))

    by_title = {rate.title: rate for rate in rates.by_service}
    assert by_title[GRANT_TITLE].submitted == 5
    assert by_title[GRANT_TITLE].returned == 2
    assert by_title[GRANT_TITLE].rate == pytest.approx(0.4)
    assert by_title[REGISTRATION_TITLE].returned == 0
    assert by_title[REGISTRATION_TITLE].rate == 0
    assert rates.overall.submitted == 7
    assert rates.overall.returned == 2
    assert rates.overall.rate == pytest.approx(2 / 7)


def test_returned_rate_counts_a_filing_once(filings, full_reviewer):
    mark_returned(filings.accepted_grant, at("2026-03-03", "12:00"))

    rates = stats.returned_rates(access.reviewable_filings(full_reviewer))

    assert rates.overall.returned == 2


def test_returned_rate_ignores_unsubmitted_filings(filings):
    mark_returned(filings.draft_grant, at("2026-03-03"))

    rates = stats.returned_rates(Filing.objects.all())

    assert rates.overall.submitted == 7
    assert rates.overall.returned == 2


def test_returned_rate_without_filings_is_none(db):
    rates = stats.returned_rates(Filing.objects.none())

    assert rates.overall.rate is None
    assert rates.by_service == []


# --- Satisfaction ---------------------------------------------------------------------


def test_satisfaction_distribution(filings, full_reviewer):
    result = stats.satisfaction(access.reviewable_filings(full_reviewer))

    assert result.counts == (0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1)
    assert result.total == 4
    assert result.mean == pytest.approx(7.25)
    assert result.promoter_share == pytest.approx(0.5)
    assert result.detractor_share == pytest.approx(0.25)
    assert result.net_promoter_score == pytest.approx(25.0)


def test_satisfaction_of_grant_reviewer(filings, grant_reviewer):
    result = stats.satisfaction(access.reviewable_filings(grant_reviewer))

    assert result.counts[7] == 0
    assert result.total == 3


def test_satisfaction_with_zero_and_ten(filings, full_reviewer, applicant):
    SatisfactionResponse.objects.create(filing=filings.rejected_grant, user=applicant, score=0)

    result = stats.satisfaction(access.reviewable_filings(full_reviewer))

    assert result.counts[0] == 1
    assert result.counts[10] == 1
    assert len(result.counts) == 11


def test_satisfaction_without_responses(db):
    result = stats.satisfaction(Filing.objects.none())

    assert result.total == 0
    assert result.mean is None
    assert result.net_promoter_score is None


# --- Filters --------------------------------------------------------------------------


def test_filter_by_first_submission_dates(filings, full_reviewer):
    reviewable = access.reviewable_filings(full_reviewer)

    march = stats.filter_filings(
        reviewable, submitted_from=datetime.date(2026, 3, 1), submitted_to=datetime.date(2026, 3, 31)
    )

    assert set(march.values_list("reference", flat=True)) == {"QR-2026-0001", "QR-2026-0002", "DQ-2026-0001"}


def test_filter_dates_include_both_ends_in_local_time(grant_service, association):
    # 00:30 in Baku is still the previous day in UTC; it belongs to 2 March here.
    make_filing(grant_service, association, FilingStatus.SUBMITTED, "QR-2026-0400",
                first_submitted=at("2026-03-02", "00:30"))
    make_filing(grant_service, association, FilingStatus.SUBMITTED, "QR-2026-0401",
                first_submitted=at("2026-03-02", "23:59"))

    day = datetime.date(2026, 3, 2)
    selected = stats.filter_filings(Filing.objects.all(), submitted_from=day, submitted_to=day)
    before = stats.filter_filings(Filing.objects.all(), submitted_to=datetime.date(2026, 3, 1))

    assert selected.count() == 2
    assert before.count() == 0


def test_filter_dates_at_the_limits_of_python_dates(filings, full_reviewer):
    reviewable = access.reviewable_filings(full_reviewer)

    everything = stats.filter_filings(reviewable, submitted_from=datetime.date.min, submitted_to=datetime.date.max)
    nothing_after = stats.filter_filings(reviewable, submitted_from=datetime.date.max)
    nothing_before = stats.filter_filings(reviewable, submitted_to=datetime.date.min)

    assert everything.count() == 7
    assert nothing_after.count() == 0
    assert nothing_before.count() == 0


def test_filter_by_service_covers_translations(filings, english_grant_service, association, full_reviewer):
    make_filing(
        english_grant_service, association, FilingStatus.SUBMITTED, "QR-2026-0500", first_submitted=at("2026-04-10")
    )

    grants = stats.filter_filings(
        access.reviewable_filings(full_reviewer), service_key=english_grant_service.translation_key
    )

    assert grants.count() == 6
    assert not grants.filter(reference__startswith="DQ").exists()


def test_report_adds_every_figure(filings, full_reviewer):
    report = stats.build_report(access.reviewable_filings(full_reviewer))

    assert report.total == 7
    assert report.overdue == 2
    assert report.processing.count == 3
    assert report.returned.overall.returned == 2
    assert report.satisfaction.total == 4
