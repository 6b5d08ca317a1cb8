"""A claim's review page: the person, the register data, the members the
organization has now, the documents with previews, the claim's history, and
the approve and refuse buttons while the claim waits for a decision."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import InspectView
from wagtail.permissions import policy_registry

from cms.aztext import capfirst
from cms.organizations.admin.common import admin_url as organization_admin_url
from cms.organizations.admin.common import verification_summary
from cms.organizations.models import Organization

from .. import audit
from ..models import Claim, ClaimStatus
from .access import ReviewerRequiredMixin, can_review
from .common import admin_url, person_label
from .files import PREVIEW_TYPES
from .log_details import describe_claim_data


def document_rows(claim: Claim) -> list[dict]:
    rows = []
    for document in claim.documents.all():
        previewable = document.content_type in PREVIEW_TYPES
        rows.append(
            {
                "document": document,
                "download_url": admin_url("file_download", document),
                "preview_url": admin_url("file_preview", document) if previewable else "",
                "is_image": document.content_type.startswith("image/"),
                "is_pdf": document.content_type == "application/pdf",
            }
        )
    return rows


def history_rows(claim: Claim) -> list[dict]:
    return [
        {
            "timestamp": entry.timestamp,
            # A deleted user's entries keep the id; Wagtail names them "user 5 (deleted)".
            "user": person_label(entry.user) if entry.user else entry.user_display_name,
            "action": entry.formatter.label if entry.formatter else entry.action,
            "message": describe_claim_data({key: value for key, value in entry.data.items() if key not in ("claim", "email")}),
        }
        for entry in audit.entries_for(claim)
    ]


class ClaimReviewView(ReviewerRequiredMixin, InspectView):
    template_name = "claims/admin/review.html"
    any_permission_required = ["view"]
    page_title = _("Review the claim")

    def get_object(self, queryset=None):
        return get_object_or_404(Claim.objects.select_related("organization", "claimant", "decided_by"), pk=self.pk)

    def get_fields(self):
        # The template lays out the claim itself; Wagtail's list of fields is not used.
        return []

    def get_page_subtitle(self):
        return self.object.organization.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url("index"), "label": capfirst(Claim._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    @cached_property
    def header_more_buttons(self):
        return []

    def person_context(self) -> dict:
        claimant = self.object.claimant
        return {
            "claimant": claimant,
            "claimant_name": claimant.get_full_name().strip(),
            "claimant_addresses": list(claimant.emailaddress_set.order_by("-primary", "email")),
            "other_claims": Claim.objects.filter(claimant=claimant).exclude(pk=self.object.pk).select_related("organization"),
            "claimant_memberships": claimant.memberships.select_related("organization").order_by("organization__name"),
        }

    def organization_context(self) -> dict:
        organization = self.object.organization
        policy = policy_registry.get_by_type(Organization)
        can_open_record = policy.user_has_any_permission(self.request.user, ["view", "change"])
        return {
            "organization": organization,
            "verification": verification_summary(organization),
            "organization_url": organization_admin_url("inspect", organization) if can_open_record else "",
            "members": organization.memberships.select_related("user").order_by("-role", "joined_at"),
            "other_open_claims": Claim.objects.open()
            .filter(organization=organization)
            .exclude(pk=self.object.pk)
            .select_related("claimant"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        claim = self.object
        waiting = claim.status == ClaimStatus.SUBMITTED and can_review(self.request.user, "review")
        context.update(
            {
                "claim": claim,
                "decided_by": person_label(claim.decided_by),
                "approve_url": admin_url("approve", claim) if waiting else "",
                "refuse_url": admin_url("refuse", claim) if waiting else "",
                "documents": document_rows(claim),
                "history": history_rows(claim),
                **self.person_context(),
                **self.organization_context(),
            }
        )
        return context
