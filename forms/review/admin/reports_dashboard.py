"""The "Reports" page of the Wagtail admin: figures about the filings a
reviewer may see, each chart drawn as inline SVG next to a table of the
same figures."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ...models import FilingStatus, ServicePage
from .. import access, stats
from ..filters import FilterDateField, service_choices
from .reports_charts import BarRow, Column, Segment, histogram, horizontal_bars, nice_ticks

# The colour class of each status in the charts. The CSS is in the dashboard template.
STATUS_CSS_CLASSES = {status: f"filing-report-fill--{status}" for status in FilingStatus}
SCORE_BAND_CSS_CLASSES = {
    "detractor": "filing-report-fill--low",
    "passive": "filing-report-fill--middle",
    "promoter": "filing-report-fill--high",
}


class ReportFilterForm(forms.Form):
    """The dashboard's filters, with the review queue's parameter names and
    values, so an export link can pass them on to FilingFilterSet."""

    submitted_from = FilterDateField(
        label=_("First submitted from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    submitted_to = FilterDateField(
        label=_("First submitted until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    # The id of the service's page; every translation of it counts.
    service = forms.ChoiceField(label=_("E-service"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [("", gettext("All e-services")), *service_choices(user)]

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("submitted_from"), cleaned_data.get("submitted_to")
        if start and end and start > end:
            self.add_error("submitted_to", _("The end date must not be before the start date."))
        return cleaned_data

    def service_key(self):
        """Return the translation key of the chosen service, or None for every service."""
        page_id = self.cleaned_data.get("service")
        if not page_id:
            return None
        return ServicePage.objects.filter(pk=page_id).values_list("translation_key", flat=True).first()

    def valid_query(self) -> dict[str, str]:
        """Return the filters that passed validation as query parameters."""
        return {name: self.data[name] for name in self.fields if name in self.cleaned_data and self.data.get(name)}


def percent(share: float | None) -> str:
    """Format a share from 0 to 1 as a percentage with one decimal, or a dash without a value."""
    if share is None:
        return "—"
    # Django's number_format cuts digits off rather than rounding them.
    return gettext("%(number)s%%") % {"number": number_format(round(share * 100, 1), decimal_pos=1)}


def whole_percent(share: float) -> str:
    return gettext("%(number)s%%") % {"number": number_format(round(share * 100))}


def one_decimal(value: float | None) -> str:
    return "—" if value is None else number_format(round(value, 1), decimal_pos=1)


# --- Charts -------------------------------------------------------------------------


def status_chart(report: stats.Report):
    """Draw stacked bars: one per service, one segment per status."""
    status_labels = dict(FilingStatus.choices)
    rows = []
    for service in report.services:
        segments = [
            Segment(
                service.count(status),
                STATUS_CSS_CLASSES[status],
                f"{service.title}: {status_labels[status]} — {service.count(status)}",
            )
            for status in report.statuses
        ]
        rows.append(BarRow(service.title, segments, number_format(service.total)))
    ticks = nice_ticks(max((service.total for service in report.services), default=0))
    return horizontal_bars(rows, ticks)


def returned_chart(rates: stats.ReturnedRates):
    """Draw one bar per service: the share of submitted filings returned at least once."""
    rows = []
    for rate in rates.by_service:
        tooltip = gettext("%(service)s: %(returned)s of %(submitted)s returned") % {
            "service": rate.title,
            "returned": rate.returned,
            "submitted": rate.submitted,
        }
        segment = Segment(rate.rate or 0, "filing-report-fill--rate", tooltip)
        rows.append(BarRow(rate.title, [segment], percent(rate.rate)))
    ticks = [0, 0.25, 0.5, 0.75, 1]
    return horizontal_bars(rows, ticks, tick_label=whole_percent)


def score_band(score: int) -> str:
    if score in stats.PROMOTER_SCORES:
        return "promoter"
    if score in stats.DETRACTOR_SCORES:
        return "detractor"
    return "passive"


def satisfaction_chart(satisfaction: stats.Satisfaction):
    """Draw a histogram of the 0–10 scores."""
    columns = [
        Column(
            str(score),
            count,
            SCORE_BAND_CSS_CLASSES[score_band(score)],
            ngettext("Score %(score)s: %(count)s response", "Score %(score)s: %(count)s responses", count)
            % {"score": score, "count": count},
        )
        for score, count in enumerate(satisfaction.counts)
    ]
    return histogram(columns, nice_ticks(max(satisfaction.counts)), axis_title=gettext("Score"))


# --- Tables -------------------------------------------------------------------------


def status_context(report: stats.Report) -> dict:
    status_labels = dict(FilingStatus.choices)
    rows = [
        {"title": service.title, "counts": [service.count(status) for status in report.statuses], "total": service.total}
        for service in report.services
    ]
    return {
        "status_chart": status_chart(report) if report.services else None,
        "status_legend": [(STATUS_CSS_CLASSES[status], status_labels[status]) for status in report.statuses],
        "status_headers": [status_labels[status] for status in report.statuses],
        "status_rows": rows,
    }


def processing_rows(report: stats.Report) -> list[dict]:
    """Return the processing time of each service that has decided filings, in the order of the status table."""
    rows = []
    for service in report.services:
        time = report.processing_by_service.get(service.key)
        if time is None:
            continue
        rows.append(
            {
                "title": service.title,
                "count": time.count,
                "median": one_decimal(time.median_days),
                "p90": one_decimal(time.p90_days),
            }
        )
    return rows


def returned_context(rates: stats.ReturnedRates) -> dict:
    rows = [
        {"title": rate.title, "submitted": rate.submitted, "returned": rate.returned, "rate": percent(rate.rate)}
        for rate in rates.by_service
    ]
    return {
        "returned_chart": returned_chart(rates) if rates.by_service else None,
        "returned_rows": rows,
        "returned_overall": percent(rates.overall.rate),
    }


def satisfaction_context(satisfaction: stats.Satisfaction) -> dict:
    return {
        "satisfaction_chart": satisfaction_chart(satisfaction) if satisfaction.total else None,
        "satisfaction_rows": list(enumerate(satisfaction.counts)),
        "satisfaction_mean": one_decimal(satisfaction.mean),
        "promoter_share": percent(satisfaction.promoter_share),
        "detractor_share": percent(satisfaction.detractor_share),
        "net_promoter_score": one_decimal(satisfaction.net_promoter_score),
    }


# --- View ---------------------------------------------------------------------------


class ReportsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "eservices/admin/reports/index.html"
    page_title = _("Reports")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin would turn PermissionDenied into a redirect to the dashboard; this returns 403 instead.
        if not access.is_reviewer(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def filtered_filings(self, form: ReportFilterForm):
        """Narrow the reviewer's filings by the valid filters. The form shows the invalid ones as errors."""
        filings = access.reviewable_filings(self.request.user)
        form.is_valid()
        return stats.filter_filings(
            filings,
            submitted_from=form.cleaned_data.get("submitted_from"),
            submitted_to=form.cleaned_data.get("submitted_to"),
            service_key=form.service_key(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ReportFilterForm(self.request.GET, user=self.request.user)
        report = stats.build_report(self.filtered_filings(form))
        context.update(
            {
                "form": form,
                "report": report,
                "export_links": self.export_links(form.valid_query()),
                "median_days": one_decimal(report.processing.median_days),
                "p90_days": one_decimal(report.processing.p90_days),
                "processing_rows": processing_rows(report),
                **status_context(report),
                **returned_context(report.returned),
                **satisfaction_context(report.satisfaction),
            }
        )
        return context

    def export_links(self, query: dict[str, str]) -> list[dict]:
        """Return links to the exports of the filings these filters select, one per format."""
        url = reverse("filing_reports:export")
        return [
            {"label": gettext("Download CSV"), "url": f"{url}?{urlencode({**query, 'format': 'csv'})}"},
            {"label": gettext("Download Excel (XLSX)"), "url": f"{url}?{urlencode({**query, 'format': 'xlsx'})}"},
        ]
