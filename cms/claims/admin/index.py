"""The queue of claims: those waiting for a decision first, oldest first, with a status filter and search."""

import django_filters
from django import forms
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView

from ..models import Claim, ClaimStatus
from .common import admin_url


class ClaimFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ClaimStatus.choices, empty_label=_("All"), widget=forms.Select
    )

    class Meta:
        model = Claim
        fields = ["status"]


class ClaimIndexView(IndexView):
    any_permission_required = ["view"]
    page_title = _("Organization claims")
    filterset_class = ClaimFilterSet
    is_searchable = True
    search_fields = ["organization__name", "organization__voen", "organization__registration_number", "claimant__email"]
    search_backend_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail's spreadsheet export (?export=csv) has no columns defined here.
        self.is_export = False

    def get_search_form(self):
        placeholder = _("Organization, VÖEN or e-mail")
        if self.search_kwarg in self.request.GET:
            return SearchForm(self.request.GET, placeholder=placeholder)
        return SearchForm(placeholder=placeholder)

    def get_base_queryset(self):
        return (
            Claim.objects.select_related("organization", "claimant")
            .annotate(member_count=Count("organization__memberships", distinct=True))
        )

    def order_queryset(self, queryset):
        if self.ordering:
            return super().order_queryset(queryset)
        # Claims waiting for staff first, the longest-waiting at the top.
        waiting_first = Case(When(status=ClaimStatus.SUBMITTED, then=Value(0)), default=Value(1), output_field=IntegerField())
        return queryset.order_by(waiting_first, F("submitted_at").asc(nulls_last=True), "-created_at", "-pk")

    @cached_property
    def columns(self):
        return [
            TitleColumn("organization", label=_("Organization"), accessor="organization.name", get_url=self.get_inspect_url),
            Column("voen", label=_("VÖEN"), accessor="organization.voen"),
            Column("claimant", label=_("Claimant"), accessor="claimant.email", sort_key="claimant__email"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda claim: claim.status == ClaimStatus.SUBMITTED,
            ),
            DateColumn("submitted_at", label=_("Documents submitted"), sort_key="submitted_at"),
            Column("member_count", label=_("Members now"), sort_key="member_count"),
        ]

    def get_inspect_url(self, instance):
        return admin_url("inspect", instance)
