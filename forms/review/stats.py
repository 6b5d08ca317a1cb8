"""Figures about filings for the ministry's reports.

Every function takes a Filing queryset (already limited to what the reader
may see, and filtered) and returns plain numbers, so the dashboard, the
exports and the tests share one definition of each figure. Services are
grouped across translations by ``page__translation_key``.

Processing times are computed in Python from the stored timestamps, so
SQLite and PostgreSQL give identical results.
"""

import datetime
import math
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone, translation
from wagtail.models import Locale

from ..models import FilingAction, FilingEvent, FilingStatus, SatisfactionResponse, ServicePage
from ..models.filings import DECIDED_STATUSES

SECONDS_PER_DAY = 24 * 60 * 60
SCORES = range(0, 11)
# Net Promoter Score bands: 9–10 promote the service, 0–6 detract from it.
PROMOTER_SCORES = range(9, 11)
DETRACTOR_SCORES = range(0, 7)

# The start of any of these days, and of the day after, stays within
# datetime's range in UTC from every time zone, whose offsets are under a day.
FIRST_SAFE_DAY = datetime.date.min + datetime.timedelta(days=1)
LAST_SAFE_DAY = datetime.date.max - datetime.timedelta(days=1)


# --- Filters -------------------------------------------------------------------


def filter_filings(
    filings,
    *,
    submitted_from: datetime.date | None = None,
    submitted_to: datetime.date | None = None,
    service_key: UUID | str | None = None,
):
    """Narrow ``filings`` to those first submitted between two dates (both
    included, in the site's time zone) and to one service in any language.

    Any date is accepted. The first and the last date ``datetime.date``
    can hold are moved a day inwards, so converting the day's bounds to UTC
    cannot overflow. No filing is dated that close to those limits.
    """
    if submitted_from is not None:
        filings = filings.filter(first_submitted_at__gte=_start_of_day(_within_safe_range(submitted_from)))
    if submitted_to is not None:
        next_day = _within_safe_range(submitted_to) + datetime.timedelta(days=1)
        filings = filings.filter(first_submitted_at__lt=_start_of_day(next_day))
    if service_key:
        filings = filings.filter(page__translation_key=service_key)
    return filings


def _within_safe_range(day: datetime.date) -> datetime.date:
    return min(max(day, FIRST_SAFE_DAY), LAST_SAFE_DAY)


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# --- Service names ---------------------------------------------------------------


def service_titles(keys, language: str | None = None) -> dict[UUID, str]:
    """Return each service's title by translation key, in ``language`` (the
    active one by default) where a translation exists, else in the site's
    default language, else in any language the service has."""
    rank = language_rank(language)
    pages = ServicePage.objects.filter(translation_key__in=list(keys)).select_related("locale").order_by("pk")
    best: dict[UUID, ServicePage] = {}
    for page in pages:
        current = best.get(page.translation_key)
        if current is None or rank(page) < rank(current):
            best[page.translation_key] = page
    return {key: page.title for key, page in best.items()}


def language_rank(language: str | None = None):
    """Return a sort key for translations of a page: ``language`` (the active
    one by default) first, then the site's default language, then the rest."""
    preferred = [language or translation.get_language(), Locale.get_default().language_code]

    def rank(page) -> int:
        code = page.locale.language_code
        return preferred.index(code) if code in preferred else len(preferred)

    return rank


# --- Filings per service and status ----------------------------------------------


@dataclass
class ServiceCounts:
    """The number of filings of one service in each status."""

    key: UUID
    title: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)


def counts_by_service_and_status(filings) -> list[ServiceCounts]:
    """Count filings per service and status; services come sorted by title."""
    rows = (
        filings.order_by()
        .values("page__translation_key", "status")
        .annotate(number=Count("pk"))
    )
    services: dict[UUID, ServiceCounts] = {}
    for row in rows:
        key = row["page__translation_key"]
        service = services.setdefault(key, ServiceCounts(key=key, title=""))
        service.counts[row["status"]] = row["number"]

    titles = service_titles(services)
    for key, service in services.items():
        service.title = titles.get(key, str(key))
    return sorted(services.values(), key=lambda service: service.title.casefold())


def statuses_present(rows: list[ServiceCounts]) -> list[FilingStatus]:
    """Return the statuses to report, in workflow order: every status but
    draft, and draft too when ``rows`` count any (staff never see drafts)."""
    has_drafts = any(row.count(FilingStatus.DRAFT) for row in rows)
    return [status for status in FilingStatus if status != FilingStatus.DRAFT or has_drafts]


def overdue_count(filings, today: datetime.date | None = None) -> int:
    """Count filings still awaiting a decision after their deadline."""
    return filings.overdue(today).count()


# --- Processing time --------------------------------------------------------------


def percentile(values, fraction: float) -> float | None:
    """Return the ``fraction`` (0–1) percentile of ``values``, or None without values.

    The method is linear interpolation between the closest ranks, which is
    Hyndman and Fan's type 7, Excel's PERCENTILE.INC and NumPy's default:
    the sorted values x₀…xₙ₋₁ give position h = (n − 1) × fraction, and the
    result is x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋₊₁ − x⌊h⌋). The 0.5 percentile is the
    usual median.
    """
    if not 0 <= fraction <= 1:
        raise ValueError(f"Percentile fraction must be between 0 and 1, not {fraction}.")
    ordered = sorted(values)
    if not ordered:
        return None

    position = (len(ordered) - 1) * fraction
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (position - lower) * (ordered[upper] - ordered[lower])


@dataclass(frozen=True)
class ProcessingTime:
    """Days from first submission to decision over the decided filings."""

    count: int
    median_days: float | None
    p90_days: float | None

    @classmethod
    def of(cls, durations_in_days: list[float]) -> "ProcessingTime":
        return cls(
            count=len(durations_in_days),
            median_days=percentile(durations_in_days, 0.5),
            p90_days=percentile(durations_in_days, 0.9),
        )


def _decided_durations(filings) -> dict[UUID, list[float]]:
    """Return the processing time in days of each accepted or rejected filing, per service."""
    rows = (
        filings.filter(status__in=DECIDED_STATUSES, decided_at__isnull=False, first_submitted_at__isnull=False)
        .order_by()
        .values_list("page__translation_key", "first_submitted_at", "decided_at")
    )
    durations: dict[UUID, list[float]] = {}
    for key, first_submitted_at, decided_at in rows.iterator():
        days = (decided_at - first_submitted_at).total_seconds() / SECONDS_PER_DAY
        durations.setdefault(key, []).append(days)
    return durations


def processing_time(filings) -> ProcessingTime:
    """Median and 90th percentile of the days from first submission to decision."""
    durations = _decided_durations(filings)
    return ProcessingTime.of([days for service in durations.values() for days in service])


def processing_time_by_service(filings) -> dict[UUID, ProcessingTime]:
    return {key: ProcessingTime.of(days) for key, days in _decided_durations(filings).items()}


# --- Returned for correction -------------------------------------------------------


@dataclass(frozen=True)
class ReturnedRate:
    """Filings returned at least once among the filings submitted at least once."""

    key: UUID | None
    title: str
    submitted: int
    returned: int

    @property
    def rate(self) -> float | None:
        """The share from 0 to 1, or None when nothing was submitted."""
        return self.returned / self.submitted if self.submitted else None


@dataclass(frozen=True)
class ReturnedRates:
    overall: ReturnedRate
    by_service: list[ReturnedRate]


def returned_rates(filings) -> ReturnedRates:
    """Return the returned-for-correction rate overall and per service (sorted by title)."""
    was_returned = Exists(FilingEvent.objects.filter(filing=OuterRef("pk"), action=FilingAction.RETURNED))
    submitted = Q(first_submitted_at__isnull=False)
    rows = (
        filings.filter(submitted)
        .order_by()
        .annotate(was_returned=was_returned)
        .values("page__translation_key")
        .annotate(submitted=Count("pk"), returned=Count("pk", filter=Q(was_returned=True)))
    )
    counts = {row["page__translation_key"]: (row["submitted"], row["returned"]) for row in rows}

    titles = service_titles(counts)
    by_service = [
        ReturnedRate(key=key, title=titles.get(key, str(key)), submitted=submitted_count, returned=returned_count)
        for key, (submitted_count, returned_count) in counts.items()
    ]
    by_service.sort(key=lambda rate: rate.title.casefold())
    overall = ReturnedRate(
        key=None,
        title="",
        submitted=sum(rate.submitted for rate in by_service),
        returned=sum(rate.returned for rate in by_service),
    )
    return ReturnedRates(overall=overall, by_service=by_service)


# --- Satisfaction ------------------------------------------------------------------


@dataclass(frozen=True)
class Satisfaction:
    """Applicants' 0–10 satisfaction scores about the filings."""

    # The number of responses for each score, index 0 to 10.
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> float | None:
        if not self.total:
            return None
        return sum(score * count for score, count in enumerate(self.counts)) / self.total

    def share(self, scores: range) -> float | None:
        """Return the share (0–1) of responses whose score is in ``scores``, or None without responses."""
        if not self.total:
            return None
        return sum(self.counts[score] for score in scores) / self.total

    @property
    def promoter_share(self) -> float | None:
        return self.share(PROMOTER_SCORES)

    @property
    def detractor_share(self) -> float | None:
        return self.share(DETRACTOR_SCORES)

    @property
    def net_promoter_score(self) -> float | None:
        """Promoters minus detractors in percentage points, from −100 to 100."""
        if not self.total:
            return None
        return 100 * (self.promoter_share - self.detractor_share)


def satisfaction(filings) -> Satisfaction:
    """Count the satisfaction responses about ``filings`` per score."""
    rows = (
        SatisfactionResponse.objects.filter(filing__in=filings.order_by().values("pk"))
        .order_by()
        .values("score")
        .annotate(number=Count("pk"))
    )
    by_score = {row["score"]: row["number"] for row in rows}
    return Satisfaction(counts=tuple(by_score.get(score, 0) for score in SCORES))


# --- Everything for the dashboard -----------------------------------------------------


@dataclass(frozen=True)
class Report:
    services: list[ServiceCounts]
    statuses: list[FilingStatus]
    total: int
    overdue: int
    processing: ProcessingTime
    processing_by_service: dict[UUID, ProcessingTime]
    returned: ReturnedRates
    satisfaction: Satisfaction


def build_report(filings, today: datetime.date | None = None) -> Report:
    services = counts_by_service_and_status(filings)
    return Report(
        services=services,
        statuses=statuses_present(services),
        total=sum(service.total for service in services),
        overdue=overdue_count(filings, today),
        processing=processing_time(filings),
        processing_by_service=processing_time_by_service(filings),
        returned=returned_rates(filings),
        satisfaction=satisfaction(filings),
    )

