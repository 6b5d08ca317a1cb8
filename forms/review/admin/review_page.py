"""A filing's review page: answers, documents, organization, deadline,
history, corrections, what a resubmission changed, and the action buttons
for people who may decide."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import InspectView
from wagtail.log_actions import registry as log_registry
from wagtail.permissions import policy_registry

from cms.aztext import capfirst
from cms.organizations.admin.common import admin_url as organization_admin_url
from cms.organizations.admin.common import verification_summary
from cms.organizations.models import Organization

from ...models import Filing
from .. import access, actions, diff
from ..log_details import describe_log_data
from .action_views import ACTION_VIEWS
from .common import admin_url, deadline_text, person_label
from .index import localized_titles
from .sections import documents, other_filings, reading_page, review_sections

# The page lists this many audit entries, newest first.
AUDIT_ENTRIES_SHOWN = 100


def event_rows(filing: Filing, labels: dict) -> list[dict]:
    return [
        {
            "time": event.time,
            "user": person_label(event.user),
            "action": event.get_action_display() or event.get_to_status_display(),
            "note": event.note,
            "details": describe_log_data(event.details, labels),
        }
        for event in filing.events.select_related("user")
    ]


def audit_rows(filing: Filing, limit: int) -> list[dict]:
    entries = log_registry.get_logs_for_instance(filing).select_related("user").order_by("-timestamp", "-pk")[:limit]
    return [
        {
            "timestamp": entry.timestamp,
            # A deleted user's entries keep the id; Wagtail names them "user 5 (deleted)".
            "user": person_label(entry.user) if entry.user else entry.user_display_name,
            "action": entry.formatter.label if entry.formatter else entry.action,
            "message": entry.message,
        }
        for entry in entries
    ]


class FilingReviewView(InspectView):
    template_name = "eservices/admin/review/review.html"
    any_permission_required = ["view"]
    page_title = _("Review")

    def get_object(self, queryset=None):
        filings = access.reviewable_filings(self.request.user).select_related("page", "organization", "assigned_to")
        return get_object_or_404(filings, pk=self.pk)

    def get_fields(self):
        # The template lays out the filing itself; Wagtail's list of fields is not used.
        return []

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url("index"), "label": capfirst(Filing._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.object)},
        ]

    @cached_property
    def header_more_buttons(self):
        return []

    @cached_property
    def page(self):
        return reading_page(self.object)

    @cached_property
    def action_urls(self) -> dict[str, str]:
        """Return the address of each action the user may take on the filing in its status, by URL name."""
        if not access.can_decide(self.request.user, self.object):
            return {}
        return {
            name: admin_url(name, self.object)
            for name, view_class in ACTION_VIEWS.items()
            if self.object.status in view_class.allowed_statuses
        }

    def organization_context(self) -> dict:
        organization = self.object.organization
        policy = policy_registry.get_by_type(Organization)
        can_open_record = policy.user_has_any_permission(self.request.user, ["view", "change"])
        return {
            "organization": organization,
            "verification": verification_summary(organization),
            "organization_url": organization_admin_url("inspect", organization) if can_open_record else "",
            "other_filings": self.other_filings(),
        }

    def other_filings(self) -> list[dict]:
        others = list(other_filings(self.object, self.request.user))
        # One query for every service title, not one per filing.
        titles = localized_titles(others)
        return [
            {
                "filing": other,
                "url": admin_url("inspect", other),
                "service": titles.get(other.page.translation_key, other.page.title),
            }
            for other in others
        ]

    def changes_context(self) -> dict:
        filing = self.object
        changes = diff.changes_since_previous(filing, self.page)
        return {
            "resubmitted": filing.submission_count > 1,
            "changes": changes,
            "flagged_unchanged": diff.flagged_but_unchanged(filing, changes),
        }

    def documents_context(self) -> dict:
        sent = documents(self.object, self.page)
        return {
            "documents": [document for document in sent if document.is_current],
            "replaced_documents": [document for document in sent if not document.is_current],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filing = self.object
        page = self.page
        corrections = list(filing.corrections.select_related("created_by"))
        labels = actions.field_labels(filing)
        context.update(
            {
                "filing": filing,
                "service_title": page.title,
                "deadline": deadline_text(filing),
                "reviewer": person_label(filing.assigned_to),
                "action_urls": self.action_urls,
                "sections": review_sections(filing, page),
                "flagged_names": {correction.field_name for correction in corrections if correction.is_open},
                **self.documents_context(),
                "open_corrections": [correction for correction in corrections if correction.is_open],
                "past_corrections": [correction for correction in corrections if not correction.is_open],
                "events": event_rows(filing, labels),
                "audit_rows": audit_rows(filing, AUDIT_ENTRIES_SHOWN),
                "audit_entries_shown": AUDIT_ENTRIES_SHOWN,
                **self.organization_context(),
                **self.changes_context(),
            }
        )
        return context
