"""The review queue: the filings a member of staff may see, with filters and search."""

from django.db.models import F
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets import HeaderButton

from ...models import FilingStatus, ServicePage
from .. import access
from ..filters import FilingFilterSet
from .common import admin_url, deadline_text, export_urls, person_label

# Sort keys whose empty values go last in either direction: a decided filing
# has no deadline and should not push the urgent ones off the first page.
NULLS_LAST_KEYS = {"decision_due", "submitted_at"}


class DecisionDueColumn(Column):
    """The decision date with the days left; overdue filings stand out."""

    cell_template_name = "eservices/admin/review/cells/decision_due.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["deadline"] = deadline_text(instance)
        context["is_overdue"] = instance.is_overdue
        return context


def localized_titles(filings) -> dict:
    """Map each filing's service translation key to its title in the reader's language, in one query."""
    keys = {filing.page.translation_key for filing in filings}
    pages = ServicePage.objects.filter(
        translation_key__in=keys, locale__language_code=translation.get_language(), live=True
    ).values_list("translation_key", "title")
    return dict(pages)


class FilingIndexView(IndexView):
    results_template_name = "eservices/admin/review/index_results.html"
    any_permission_required = ["view"]
    default_ordering = "decision_due"
    page_title = _("Filings")
    # The filter set searches, so the search box only has to be shown.
    is_searchable = True

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail's own spreadsheet export of a listing (?export=csv) has no
        # columns here. The queue's export is the reports' export view.
        self.is_export = False

    def get_search_form(self):
        placeholder = _("Reference number, VÖEN or organization")
        if self.search_kwarg in self.request.GET:
            return SearchForm(self.request.GET, placeholder=placeholder)
        return SearchForm(placeholder=placeholder)

    def get_base_queryset(self):
        return access.reviewable_filings(self.request.user).select_related("page", "organization", "assigned_to")

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.get_base_queryset()}

    def filter_queryset(self, queryset):
        # Wagtail drops every filter when one value is invalid. The filter set
        # keeps the valid ones, and the results template lists the invalid ones.
        return self.filters.filter_queryset(queryset)

    def search_queryset(self, queryset):
        return queryset

    @cached_property
    def filters(self):
        return FilingFilterSet(**self.get_filterset_kwargs())

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        key = ordering.lstrip("-")
        if key in NULLS_LAST_KEYS:
            expression = F(key).desc(nulls_last=True) if ordering.startswith("-") else F(key).asc(nulls_last=True)
            return queryset.order_by(expression, "-pk")
        return queryset.order_by(ordering, "-pk")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference", label=_("Reference number"), sort_key="reference", get_url=self.get_inspect_url
            ),
            Column("service", label=_("E-service"), accessor=self.service_title),
            Column(
                "organization", label=_("Organization"), accessor="organization.name", sort_key="organization__name"
            ),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda filing: filing.status in {FilingStatus.SUBMITTED, FilingStatus.UNDER_REVIEW},
            ),
            DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            DecisionDueColumn("decision_due", label=_("Decision due"), sort_key="decision_due"),
            Column("assigned_to", label=_("Reviewer"), accessor=lambda filing: person_label(filing.assigned_to)),
        ]

    def get_inspect_url(self, instance):
        return admin_url("inspect", instance)

    def service_title(self, filing) -> str:
        return self._titles.get(filing.page.translation_key, filing.page.title)

    def get_context_data(self, *args, **kwargs):
        # The service column reads the titles while the table renders, after this runs.
        self._titles = {}
        context = super().get_context_data(*args, **kwargs)
        self._titles = localized_titles(context["object_list"])
        context["filter_errors"] = self.filters.error_messages()
        return context

    @cached_property
    def header_buttons(self):
        labels = {"csv": _("Export CSV"), "xlsx": _("Export XLSX")}
        return [
            HeaderButton(labels[file_format], url=url, icon_name="download")
            for file_format, url in export_urls(self.request.GET).items()
        ]
