"""The filters and search of the review queue, shared by the queue and its exports.

``FilingFilterSet(request.GET, queryset=..., request=request)`` reads these
query parameters:

- ``service``: the id of a service page; filings of every translation match;
- ``status``; ``region``: the organization's region code;
- ``submitted_from`` and ``submitted_to``: dates of the first submission,
  from 1900 to 2100 (EARLIEST_FILTER_DATE, LATEST_FILTER_DATE);
- ``reviewer``: a user id, ``me`` or ``unassigned``; ``overdue``: ``yes``;
- ``q``: a reference number, a VÖEN or words of the organization's name.

An invalid value leaves its filter out and is listed by ``error_messages()``,
so a bad link shows a message rather than failing. Whatever queryset the
caller passes, only filings the requesting user may review are returned.
"""

import datetime
import re

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.fields import DateRangeField
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Locale

from cms.organizations.admin.common import person_label
from cms.organizations.admin.search import search_organizations
from cms.organizations.choices import REGIONS
from cms.organizations.models import Organization

from ..models import Filing, FilingStatus, ServicePage
from . import access

SEARCH_PARAMETER = "q"
MAX_SEARCH_LENGTH = 100
ME = "me"
UNASSIGNED = "unassigned"
OVERDUE = "yes"

# Staff never see drafts, so the queue offers no filter for them.
STATUS_CHOICES = [(value, label) for value, label in FilingStatus.choices if value != FilingStatus.DRAFT]

# NUL and other control characters: PostgreSQL rejects NUL in a query parameter.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

# The dates a filter accepts. Dates near year 1 or 9999 overflow when a
# day's bounds are converted to UTC, and no filing is that old or that far ahead.
EARLIEST_FILTER_DATE = datetime.date(1900, 1, 1)
LATEST_FILTER_DATE = datetime.date(2100, 12, 31)


def validate_filter_date(value: datetime.date) -> None:
    """Raise ValidationError for a date outside EARLIEST_FILTER_DATE to LATEST_FILTER_DATE."""
    if not EARLIEST_FILTER_DATE <= value <= LATEST_FILTER_DATE:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={
                "earliest": date_format(EARLIEST_FILTER_DATE, "DATE_FORMAT"),
                "latest": date_format(LATEST_FILTER_DATE, "DATE_FORMAT"),
            },
        )


class FilterDateField(forms.DateField):
    """A date field for filters: only dates from EARLIEST_FILTER_DATE to LATEST_FILTER_DATE are valid."""

    default_validators = [validate_filter_date]


class FilterDateRangeField(DateRangeField):
    """django-filter's range of two dates, each one limited like FilterDateField."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for date_field in self.fields:
            date_field.validators.append(validate_filter_date)


class FilterDateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = FilterDateRangeField


def service_choices(user) -> list[tuple[str, str]]:
    """Return one (page id, title) choice per service ``user`` may review, in the reader's language if published.

    The id is that of the service's page in the default language, or of its
    oldest translation when there is none.
    """
    keys = access.service_keys(user)
    pages = ServicePage.objects.select_related("locale").order_by("pk")
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)

    default_language = Locale.get_default().language_code
    active_language = translation.get_language()
    representative = {}
    titles = {}
    for page in pages:
        key = page.translation_key
        if key not in representative or page.locale.language_code == default_language:
            representative[key] = page
        if page.locale.language_code == active_language and page.live:
            titles[key] = page.title

    choices = [(str(page.pk), titles.get(key, page.title)) for key, page in representative.items()]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def reviewer_choices(user, filings) -> list[tuple[str, str]]:
    """Return "me", "unassigned" and everyone assigned to one of ``filings``."""
    people = get_user_model().objects.filter(assigned_filings__in=filings).distinct()
    named = sorted(
        ((str(person.pk), person_label(person)) for person in people), key=lambda choice: choice[1].casefold()
    )
    return [(ME, gettext("Me")), (UNASSIGNED, gettext("Nobody (unassigned)")), *named]


class FilingFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        submitted = cleaned_data.get("submitted")
        if submitted and submitted.start and submitted.stop and submitted.start > submitted.stop:
            self.add_error("submitted", gettext("The start date is after the end date."))
        return cleaned_data


class FilingFilterSet(WagtailFilterSet):
    service = django_filters.ChoiceFilter(
        label=_("E-service"), method="filter_service", empty_label=_("All"), widget=forms.Select
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("All"), widget=forms.Select
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), field_name="organization__region", choices=REGIONS, empty_label=_("All"), widget=forms.Select
    )
    submitted = FilterDateRangeFilter(
        label=_("First submitted"), field_name="first_submitted_at", widget=DateRangePickerWidget
    )
    reviewer = django_filters.ChoiceFilter(
        label=_("Reviewer"), method="filter_reviewer", empty_label=_("Anyone"), widget=forms.Select
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Decision overdue"),
        method="filter_overdue",
        choices=[(OVERDUE, _("Overdue only"))],
        empty_label=_("All"),
        widget=forms.Select,
    )

    class Meta:
        model = Filing
        fields = []
        form = FilingFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        self.user = getattr(request, "user", None)
        reviewable = access.reviewable_filings(self.user) if self.user is not None else Filing.objects.none()
        queryset = reviewable if queryset is None else queryset.filter(pk__in=reviewable.values("pk"))
        super().__init__(data, queryset, request=request, prefix=prefix)

        self.filters["service"].extra["choices"] = service_choices(self.user) if self.user else []
        self.filters["reviewer"].extra["choices"] = reviewer_choices(self.user, reviewable) if self.user else []

    # --- Filters -------------------------------------------------------------------

    def filter_service(self, queryset, name, value):
        page = ServicePage.objects.filter(pk=value).only("translation_key").first()
        if page is None:
            return queryset.none()
        return queryset.filter(page__translation_key=page.translation_key)

    def filter_reviewer(self, queryset, name, value):
        if value == ME:
            return queryset.filter(assigned_to=self.user)
        if value == UNASSIGNED:
            return queryset.filter(assigned_to__isnull=True)
        return queryset.filter(assigned_to_id=value)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value == OVERDUE else queryset

    # --- Search --------------------------------------------------------------------

    @cached_property
    def search_text(self) -> str:
        """The cleaned ``q`` parameter, or "" when it is missing or too long."""
        text = CONTROL_CHARACTERS.sub(" ", self.data.get(SEARCH_PARAMETER, "") or "").strip()
        return "" if len(text) > MAX_SEARCH_LENGTH else text

    @cached_property
    def search_error(self) -> str:
        text = (self.data.get(SEARCH_PARAMETER, "") or "").strip()
        if len(text) > MAX_SEARCH_LENGTH:
            return gettext("The search text is too long: use at most %(limit)d characters.") % {
                "limit": MAX_SEARCH_LENGTH
            }
        return ""

    def search(self, queryset):
        if not self.search_text:
            return queryset
        organizations = search_organizations(Organization.objects.all(), self.search_text)
        return queryset.filter(
            Q(reference__icontains=self.search_text) | Q(organization__in=organizations.values("pk"))
        )

    def filter_queryset(self, queryset):
        """Apply every valid filter and the search; an invalid filter is left out, not applied to nothing."""
        if self.is_bound:
            # Validating fills cleaned_data with the valid values only.
            self.form.is_valid()
            queryset = super().filter_queryset(queryset)
        return self.search(queryset)

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self._qs = self.filter_queryset(self.queryset.all())
        return self._qs

    def error_messages(self) -> list[str]:
        """Describe each invalid filter value as "Label: message", for showing above the results."""
        messages = []
        if self.is_bound:
            for name, errors in self.form.errors.items():
                label = self.form.fields[name].label if name in self.form.fields else ""
                for error in errors:
                    messages.append(f"{label}: {error}" if label else str(error))
        if self.search_error:
            messages.append(self.search_error)
        return messages
