"""The filters of the staff's queue of correction requests: status, kind of record and field."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from ..choices import CorrectionStatus, Kind, Subject
from ..models import CorrectionRequest


class CorrectionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CorrectionStatus.choices, empty_label=_("All"), widget=forms.Select
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, method="filter_kind", empty_label=_("All"), widget=forms.Select
    )
    subject = django_filters.ChoiceFilter(
        label=_("What to correct"), choices=Subject.choices, empty_label=_("All"), widget=forms.Select
    )

    class Meta:
        model = CorrectionRequest
        fields = []

    def filter_kind(self, queryset, name, value):
        return queryset.filter(filing__isnull=value != Kind.FILING)
