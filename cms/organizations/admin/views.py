"""The organization register in the Wagtail admin: the list, the inspect page and the edit form.

The staff actions on an organization (verify, withdraw verification,
restore access) are in actions.py.
"""

import django_filters
from django import forms
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.widgets import BooleanRadioSelect, Button
from wagtail.log_actions import registry as log_registry

from .. import audit
from ..choices import REGIONS
from ..models import Membership, Organization
from .common import admin_url, field_label, person_label, verification_summary
from .log_details import describe_log_data
from .search import search_organizations

# The inspect page lists this many audit entries; the history view pages through all of them.
AUDIT_ENTRIES_SHOWN = 100


# --- Listing ------------------------------------------------------------------


class OrganizationFilterSet(WagtailFilterSet):
    region = django_filters.ChoiceFilter(
        label=field_label("region"), choices=REGIONS, empty_label=_("All"), widget=forms.Select
    )
    verified = django_filters.BooleanFilter(
        label=field_label("verified_at"), method="filter_verified", widget=BooleanRadioSelect
    )

    class Meta:
        model = Organization
        fields = ["legal_form", "region", "sphere", "register_status"]

    def filter_verified(self, queryset, name, value):
        return queryset.filter(verified_at__isnull=not value)


class InspectLinkTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The organization's name linking to its inspect page, with the row's menu of actions."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(*args, **kwargs)
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


class OrganizationIndexView(IndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail's spreadsheet export (?export=csv) has no columns defined
        # here and would download a file of blank rows.
        self.is_export = False

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("verified_by")
        return queryset.annotate(member_count=Count("memberships"))

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_organizations(queryset, self.search_query)

    @cached_property
    def columns(self):
        return [
            InspectLinkTitleColumn(
                "name",
                label=field_label("name"),
                sort_key="name",
                get_url=self.get_inspect_url,
                get_buttons=self.get_list_buttons,
            ),
            Column("voen", label=field_label("voen"), sort_key="voen"),
            Column("get_legal_form_display", label=field_label("legal_form"), sort_key="legal_form"),
            Column("get_region_display", label=field_label("region"), sort_key="region"),
            Column("get_sphere_display", label=field_label("sphere"), sort_key="sphere"),
            Column("get_register_status_display", label=field_label("register_status"), sort_key="register_status"),
            Column(
                "verification", label=field_label("verified_at"), accessor=verification_summary, sort_key="verified_at"
            ),
            Column("member_count", label=capfirst(Membership._meta.verbose_name_plural), sort_key="member_count"),
            DateColumn("created_at", label=field_label("created_at"), sort_key="created_at"),
        ]


# --- Inspect and edit ---------------------------------------------------------


def audit_rows(organization: Organization, limit: int) -> list[dict]:
    """Return the organization's newest audit entries as table rows."""
    entries = (
        log_registry.get_logs_for_instance(organization)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
    return [
        {
            "timestamp": entry.timestamp,
            # A deleted user's entries keep the id; Wagtail names them "user 5 (deleted)".
            "user": person_label(entry.user) if entry.user else entry.user_display_name,
            "action": entry.formatter.label if entry.formatter else entry.action,
            "details": describe_log_data(entry.data),
        }
        for entry in entries
    ]


class OrganizationInspectView(InspectView):
    @cached_property
    def can_manage(self) -> bool:
        return self.user_has_permission("change")

    def get_field_label(self, field_name, field):
        # The model gives created_by no verbose name, so Django's would be English only.
        if field_name == "created_by":
            return capfirst(_("created by"))
        return super().get_field_label(field_name, field)

    def get_phone_display_value(self):
        return self.object.phone_display

    def get_created_at_display_value(self):
        # The template's |localize filter formats the datetime but does not
        # convert it to the admin user's time zone; this does.
        return timezone.localtime(self.object.created_at)

    def get_created_by_display_value(self):
        return person_label(self.object.created_by) or "—"

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if not self.can_manage:
            return buttons

        verify_url = admin_url("verify", self.object)
        buttons.append(Button(_("Verify against the state register"), url=verify_url, icon_name="success", priority=30))
        if self.object.is_verified:
            withdraw_url = admin_url("withdraw_verification", self.object)
            buttons.append(Button(_("Withdraw verification"), url=withdraw_url, icon_name="cross", priority=40))
        restore_url = admin_url("restore_access", self.object)
        buttons.append(Button(_("Restore access"), url=restore_url, icon_name="key", priority=50))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        context.update(
            {
                "can_manage": self.can_manage,
                "verification": verification_summary(organization),
                "verification_note_label": field_label("verification_note"),
                "members": organization.memberships.select_related("user").order_by("-role", "joined_at"),
                "invitations": organization.invitations.pending().select_related("invited_by"),
                "audit_rows": audit_rows(organization, AUDIT_ENTRIES_SHOWN),
                "audit_entries_shown": AUDIT_ENTRIES_SHOWN,
                "history_url": admin_url("history", organization) if self.can_manage else None,
                "verify_url": admin_url("verify", organization),
                "withdraw_verification_url": admin_url("withdraw_verification", organization),
                "restore_access_url": admin_url("restore_access", organization),
            }
        )
        return context


class OrganizationEditView(EditView):
    def save_instance(self):
        """Save, and log "organizations.edited" with each field's old and new value.

        Wagtail's own "wagtail.edit" entry would record only that an edit
        happened, so it is switched off in favour of this one.
        """
        changes = audit.changed_fields(self.form)
        instance = self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        if changes:
            audit.record(instance, "organizations.edited", self.request.user, changes=changes)
        return instance

    def get_success_url(self):
        return admin_url("inspect", self.object)
