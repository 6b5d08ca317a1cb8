"""Subscriptions in the Wagtail admin: a read-only list with counts per kind, confirmed or not.

Staff with Django's "view subscription" permission see the list. The admin
offers no add, edit or delete views, even to superusers, because subscribers
manage their subscriptions through their e-mailed links.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Subscription, SubscriptionKind


class SubscriptionPermissionPolicy(ModelPermissionPolicy):
    """Only "view": the admin shows subscriptions and changes none."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, "view")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


def counts_by_kind() -> list[dict]:
    """Return, for each kind, how many subscriptions are confirmed and how many wait for confirmation."""
    rows = Subscription.objects.values("kind").annotate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)),
    )
    by_kind = {row["kind"]: row for row in rows}
    return [
        {
            "label": label,
            "confirmed": by_kind.get(value, {}).get("confirmed", 0),
            "unconfirmed": by_kind.get(value, {}).get("unconfirmed", 0),
        }
        for value, label in SubscriptionKind.choices
    ]


class SubscriptionFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=SubscriptionKind.choices, empty_label=_("All"), widget=forms.Select
    )
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True, widget=forms.NullBooleanSelect
    )

    class Meta:
        model = Subscription
        fields = ["kind"]


def local_datetime(value) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


class SubscriptionIndexView(IndexView):
    template_name = "subscriptions/admin/index.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Addresses are personal data: no spreadsheet export of the list.
        self.is_export = False

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("act")

    @cached_property
    def columns(self):
        return [
            self._get_title_column("email", column_class=TitleColumn),
            Column("get_kind_display", label=_("Kind"), sort_key="kind"),
            Column("act", label=_("Legal act"), accessor=lambda item: item.act.title if item.act else ""),
            Column("language", label=_("Language"), sort_key="language"),
            Column("created_at", label=_("Created"), accessor=lambda item: local_datetime(item.created_at), sort_key="created_at"),
            Column("confirmed_at", label=_("Confirmed"), accessor=lambda item: local_datetime(item.confirmed_at), sort_key="confirmed_at"),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = counts_by_kind()
        return context


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Subscriptions")
    menu_order = 8100
    add_to_admin_menu = True
    url_prefix = "subscriptions"
    url_namespace = "subscription_admin"
    index_view_class = SubscriptionIndexView
    filterset_class = SubscriptionFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = ["email", "kind", "act", "category", "language", "created_at", "confirmed_at"]
    # The edit view is never reachable (see SubscriptionPermissionPolicy), but ModelViewSet builds its form class.
    form_fields = []

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(Subscription)
        return Permission.objects.filter(content_type=content_type, codename="view_subscription")
