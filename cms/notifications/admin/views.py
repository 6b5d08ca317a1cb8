"""The e-mail delivery list and page in the Wagtail admin, and its "Retry now" action."""

import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property, lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.permissions import policy_registry

from cms.aztext import capfirst

from .. import kinds
from ..delivery import retry_now
from ..display import describe
from ..models import DeliveryStatus, EmailDelivery, Notification
from .permissions import RETRY

URL_NAMESPACE = "email_delivery_admin"

# Statuses a "Retry now" button is offered for: the message has not gone out.
RETRYABLE = {DeliveryStatus.FAILED, DeliveryStatus.RETRYING}

# The list shows the start of the error; the inspect page shows all of it.
ERROR_PREVIEW_LENGTH = 120

# The inspect page's text for a field without a value.
EMPTY_VALUE = "—"

# Lazy, so a label made at import time is capitalised in the reader's language.
capfirst_lazy = lazy(capfirst, str)


def field_label(field_name: str) -> str:
    return capfirst_lazy(EmailDelivery._meta.get_field(field_name).verbose_name)


def local_datetime(value) -> str:
    """Format a datetime in the admin user's time zone, or "" for none."""
    if value is None:
        return ""
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def notification_title(delivery: EmailDelivery) -> str:
    """Return the title of the delivery's notification, as the site words it, in the reader's language."""
    return describe(delivery.notification).title


class EmailDeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=field_label("status"), choices=DeliveryStatus.choices, empty_label=_("All"), widget=forms.Select
    )

    class Meta:
        model = EmailDelivery
        fields = ["status"]


class RetryColumn(BaseColumn):
    """A "Retry now" form (POST with CSRF token) for each delivery that has not been sent."""

    cell_template_name = "notifications/admin/retry_cell.html"

    def __init__(self, *args, can_retry: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_retry = can_retry

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context.update(
            {
                "show_retry": self.can_retry and instance.status in RETRYABLE,
                "retry_url": admin_url("retry", instance),
                "next_url": request.get_full_path(),
                "csrf_token": get_token(request),
            }
        )
        return context


class EmailDeliveryIndexView(IndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail's own spreadsheet export of a listing (?export=csv) has no columns here.
        self.is_export = False

    def get_base_queryset(self):
        # One query for the page's notifications and one per kind of target for their titles.
        notifications = Notification.objects.prefetch_related(kinds.targets_prefetch())
        return super().get_base_queryset().prefetch_related(Prefetch("notification", queryset=notifications))

    @cached_property
    def columns(self):
        return [
            self._get_title_column("address", column_class=TitleColumn),
            Column("kind", label=_("Notification"), accessor=notification_title),
            Column("get_status_display", label=field_label("status"), sort_key="status"),
            Column(
                "created_at",
                label=field_label("created_at"),
                accessor=lambda delivery: local_datetime(delivery.created_at),
                sort_key="created_at",
            ),
            Column("attempts", label=field_label("attempts"), sort_key="attempts"),
            Column(
                "last_error",
                label=field_label("last_error"),
                accessor=lambda delivery: Truncator(delivery.last_error).chars(ERROR_PREVIEW_LENGTH),
            ),
            Column(
                "next_attempt_at",
                label=field_label("next_attempt_at"),
                accessor=lambda delivery: local_datetime(delivery.next_attempt_at),
                sort_key="next_attempt_at",
            ),
            RetryColumn("retry", label=_("Action"), can_retry=self.user_has_permission(RETRY)),
        ]


class EmailDeliveryInspectView(InspectView):
    """One delivery: its notification's title, then its fields, with times in the reader's time zone."""

    def get_field_label(self, field_name, field):
        if field_name == "notification":
            return gettext("Notification")
        return field_label(field_name)

    def get_field_display_value(self, field_name, field):
        if field_name == "notification":
            return notification_title(self.object)
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return EMPTY_VALUE
        # The template's "localize" filter formats a datetime in UTC, not in the reader's time zone.
        if isinstance(value, datetime.datetime):
            return local_datetime(value)
        return value


class RetryView(View):
    """Queue one more attempt of a failed or retrying delivery, then return to the list."""

    http_method_names = ["post"]

    def post(self, request, pk):
        policy = policy_registry.get_by_type(EmailDelivery)
        if not policy.user_has_permission(request.user, RETRY):
            raise PermissionDenied

        delivery = get_object_or_404(EmailDelivery, pk=pk)
        if retry_now(delivery):
            messages.success(
                request, gettext("A new attempt to send the e-mail to %(address)s is queued.") % {"address": delivery.address}
            )
        else:
            messages.warning(
                request, gettext("The e-mail to %(address)s has already been sent.") % {"address": delivery.address}
            )

        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect(admin_url("index"))


def admin_url(view_name: str, delivery: EmailDelivery | None = None) -> str:
    args = [delivery.pk] if delivery is not None else []
    return reverse(f"{URL_NAMESPACE}:{view_name}", args=args)
