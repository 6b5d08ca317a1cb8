"""The staff's screens in the Wagtail admin: the queue, a request's review page, accept and reject, evidence files.

Every view needs "corrections.review_correction". Staff without it get a
plain 403, because Wagtail's admin would redirect PermissionDenied to the
dashboard. Evidence files return 404 to everyone else, as filings'
documents do.
"""

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import registry as log_registry
from wagtail.permissions import policy_registry

from cms.aztext import capfirst
from cms.organizations.admin.common import admin_url as organization_admin_url
from cms.organizations.admin.common import person_label, verification_summary
from cms.organizations.admin.search import search_organizations
from cms.organizations.models import Organization
from forms.review import access as filing_access
from forms.review.admin.common import admin_url as filing_admin_url
from forms.review.admin.previews import IMAGE_POLICY, PDF_POLICY

from .. import decisions, evidence
from ..models import CorrectionEvidence, CorrectionRequest
from ..subjects import conflict, target_of, value_rows
from .filters import CorrectionFilterSet
from .forms import AcceptForm, RejectForm

URL_NAMESPACE = "correction_review"
# The review page lists this many audit entries of the request, newest first.
AUDIT_ENTRIES_SHOWN = 100


def admin_url(view_name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=[getattr(arg, "pk", arg) for arg in args])


class ReviewPermissionRequired:
    """Return 403 to staff without the review permission, before anything else runs."""

    def dispatch(self, request, *args, **kwargs):
        if not decisions.can_review(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


# --- Queue -------------------------------------------------------------------------------


class CorrectionIndexView(ReviewPermissionRequired, IndexView):
    any_permission_required = ["view"]
    default_ordering = "-created_at"
    page_title = _("Correction requests")
    # search_queryset does the search; Wagtail shows the search box only when search_fields is set.
    is_searchable = True
    search_fields = ["organization__name"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail's spreadsheet export (?export=csv) has no columns defined here.
        self.is_export = False

    def get_base_queryset(self):
        return CorrectionRequest.objects.select_related("organization", "filing")

    def search_queryset(self, queryset):
        """Filter by the search text: "№12" finds request 12 only.

        Other text is matched to the organization's name, VÖEN or registration
        number, and a plain number also finds the request with that number.
        """
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        number = query.removeprefix("№").strip()
        is_number = re.fullmatch(r"[0-9]{1,18}", number) is not None
        by_number = queryset.filter(pk=int(number)) if is_number else queryset.none()
        if query.startswith("№"):
            return by_number
        organizations = search_organizations(Organization.objects.all(), query)
        return queryset.filter(organization__in=organizations.values("pk")) | by_number

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "-pk")

    @cached_property
    def columns(self):
        return [
            TitleColumn("number", label=_("Request"), accessor=str, sort_key="pk", get_url=self.get_inspect_url),
            Column(
                "organization", label=_("Organization"), accessor="organization.name", sort_key="organization__name"
            ),
            Column("subject", label=_("What to correct"), accessor=lambda correction: target_of(correction).label()),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda correction: correction.is_open,
            ),
            DateColumn("created_at", label=_("Submitted"), sort_key="created_at"),
            DateColumn("decided_at", label=_("Decided"), sort_key="decided_at"),
        ]

    def get_inspect_url(self, instance):
        return admin_url("inspect", instance)


# --- Review page -----------------------------------------------------------------------


def audit_rows(correction: CorrectionRequest, limit: int) -> list[dict]:
    entries = (
        log_registry.get_logs_for_instance(correction).select_related("user").order_by("-timestamp", "-pk")[:limit]
    )
    return [
        {
            "timestamp": entry.timestamp,
            "user": person_label(entry.user) if entry.user else entry.user_display_name,
            "action": entry.formatter.label if entry.formatter else entry.action,
            "message": entry.message,
        }
        for entry in entries
    ]


def evidence_rows(correction: CorrectionRequest) -> list[dict]:
    return [
        {
            "row": row,
            "download_url": admin_url("evidence_download", row),
            "preview_url": admin_url("evidence_preview", row) if row.content_type in evidence.PREVIEW_TYPES else "",
            "is_image": row.content_type.startswith("image/"),
            "is_pdf": row.content_type == "application/pdf",
        }
        for row in correction.evidence.all()
    ]


class CorrectionReviewView(ReviewPermissionRequired, InspectView):
    template_name = "corrections/admin/review.html"
    any_permission_required = ["view"]
    page_title = _("Correction request")

    def get_object(self, queryset=None):
        requests = CorrectionRequest.objects.select_related("organization", "filing__page", "created_by", "decided_by")
        return get_object_or_404(requests, pk=self.pk)

    def get_fields(self):
        # The template lays the request out itself.
        return []

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url("index"), "label": capfirst(CorrectionRequest._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.object)},
        ]

    @cached_property
    def header_more_buttons(self):
        return []

    def record_context(self) -> dict:
        correction = self.object
        target = target_of(correction)
        live = target.read_values()
        rows = value_rows(target, live, correction.current_values, correction.requested_values)
        for row in rows:
            live_text, snapshot_text, _requested = row["texts"]
            row["stale"] = live_text != snapshot_text
        clash = conflict(target, correction.requested_values, for_staff=True) if correction.is_open else None
        return {
            "subject": target.label(),
            "rows": rows,
            "stale": correction.is_open and any(row["stale"] for row in rows),
            "clash": clash[1] if clash else "",
        }

    def links_context(self) -> dict:
        correction = self.object
        user = self.request.user
        policy = policy_registry.get_by_type(Organization)
        can_open_organization = policy.user_has_any_permission(user, ["view", "change"])
        filing = correction.filing
        can_open_filing = filing is not None and filing_access.can_view(user, filing)
        return {
            "organization": correction.organization,
            "verification": verification_summary(correction.organization),
            "organization_url": organization_admin_url("inspect", correction.organization)
            if can_open_organization
            else "",
            "filing": filing,
            "filing_url": filing_admin_url("inspect", filing) if can_open_filing else "",
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        correction = self.object
        context.update(
            {
                "correction": correction,
                "requester": person_label(correction.created_by),
                "decider": person_label(correction.decided_by),
                "documents": evidence_rows(correction),
                "accept_url": admin_url("accept", correction) if correction.is_open else "",
                "reject_url": admin_url("reject", correction) if correction.is_open else "",
                "audit_rows": audit_rows(correction, AUDIT_ENTRIES_SHOWN),
                "audit_entries_shown": AUDIT_ENTRIES_SHOWN,
                **self.record_context(),
                **self.links_context(),
            }
        )
        return context


# --- Actions -------------------------------------------------------------------------------


class DecisionView(ReviewPermissionRequired, WagtailAdminTemplateMixin, FormView):
    """A form about one request that ends in a call to cms.corrections.decisions."""

    template_name = "corrections/admin/decision_form.html"
    header_icon = "edit"
    submit_button_label = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        requests = CorrectionRequest.objects.select_related("organization", "filing__page", "created_by")
        self.correction = get_object_or_404(requests, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if decisions.can_review(request.user) and not self.correction.is_open:
            messages.error(
                request,
                gettext("This request has already been decided: %(status)s.")
                % {"status": self.correction.get_status_display()},
            )
            return redirect(admin_url("inspect", self.correction))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.correction)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url("index"), "label": capfirst(CorrectionRequest._meta.verbose_name_plural)},
            {"url": admin_url("inspect", self.correction), "label": str(self.correction)},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.correction)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = target_of(self.correction)
        context.update(
            {
                "correction": self.correction,
                "subject": target.label(),
                "rows": value_rows(target, self.correction.current_values, self.correction.requested_values),
                "action_url": self.request.path,
                "review_url": admin_url("inspect", self.correction),
                "submit_button_label": self.submit_button_label,
                "submit_button_active_label": self.submit_button_label,
            }
        )
        return context

    def form_valid(self, form):
        try:
            success_message = self.perform(form)
        except decisions.DecisionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, success_message)
        return redirect(admin_url("inspect", self.correction))

    def perform(self, form) -> str:
        """Carry out the decision and return the success message; DecisionError becomes a form error."""
        raise NotImplementedError


class AcceptView(DecisionView):
    page_title = _("Accept the correction")
    submit_button_label = _("Accept and correct the record")
    header_icon = "success"
    form_class = AcceptForm

    def perform(self, form) -> str:
        decisions.accept(self.correction.pk, by=self.request.user, note=form.cleaned_data["note"])
        return gettext("%(request)s is accepted and the record corrected. The organization has been notified.") % {
            "request": self.correction
        }


class RejectView(DecisionView):
    page_title = _("Reject the correction")
    submit_button_label = _("Reject")
    header_icon = "cross"
    form_class = RejectForm

    def perform(self, form) -> str:
        decisions.reject(self.correction.pk, by=self.request.user, reason=form.cleaned_data["reason"])
        return gettext("%(request)s is rejected. The organization has been notified.") % {"request": self.correction}


# --- Evidence --------------------------------------------------------------------------------


def _evidence_for(request, evidence_id: int) -> CorrectionEvidence:
    """Return an evidence file of a sent request for staff who may review; 404 for everyone else."""
    if not decisions.can_review(request.user):
        raise Http404
    return get_object_or_404(CorrectionEvidence, pk=evidence_id, request__isnull=False)


@require_safe
@xframe_options_sameorigin
def evidence_preview(request, evidence_id: int):
    row = _evidence_for(request, evidence_id)
    if row.content_type not in evidence.PREVIEW_TYPES:
        raise Http404
    response = evidence.file_response(row, inline=True)
    response["Content-Security-Policy"] = PDF_POLICY if row.content_type == "application/pdf" else IMAGE_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def evidence_download(request, evidence_id: int):
    return evidence.file_response(_evidence_for(request, evidence_id))
