"""The queue of call-back requests in the admin: staff call people back and mark each request done with a note.

Requests arrive only through the contact page, so nobody adds them here.
The person's details are read-only; staff change the status and the note.
"""

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.permission_policies import ModelPermissionPolicy

from cms.aztext import capfirst

from ..models import CallbackRequest, CallbackStatus, CallbackTopic

URL_NAMESPACE = "help_callbacks"

capfirst_lazy = lazy(capfirst, str)


def field_label(field_name: str) -> str:
    return capfirst_lazy(CallbackRequest._meta.get_field(field_name).verbose_name)


def local_datetime(value) -> str:
    """Format a datetime in the admin user's time zone, or "" for none."""
    if value is None:
        return ""
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


class CallbackRequestPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds a request in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


class CallbackRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=field_label("status"), choices=CallbackStatus.choices, empty_label=_("All"), widget=forms.Select
    )
    topic = django_filters.ChoiceFilter(
        label=field_label("topic"), choices=CallbackTopic.choices, empty_label=_("All"), widget=forms.Select
    )

    class Meta:
        model = CallbackRequest
        fields = ["status", "topic"]


class CallbackRequestForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == CallbackStatus.DONE and not (cleaned_data.get("staff_note") or "").strip():
            self.add_error("staff_note", _("Write what was done before you mark the request done."))
        return cleaned_data


class CallbackRequestIndexView(IndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail's spreadsheet export has no columns here, and names and numbers should not leave the admin.
        self.is_export = False

    @cached_property
    def columns(self):
        return [
            self._get_title_column("reference", column_class=TitleColumn),
            Column(
                "created_at",
                label=field_label("created_at"),
                accessor=lambda callback: local_datetime(callback.created_at),
                sort_key="created_at",
            ),
            Column("name", label=field_label("name")),
            Column("phone_display", label=field_label("phone")),
            Column("get_topic_display", label=field_label("topic"), sort_key="topic"),
            Column("get_language_display", label=field_label("language")),
            Column("get_status_display", label=field_label("status"), sort_key="status"),
        ]


class CallbackRequestEditView(EditView):
    def save_instance(self):
        """Save, recording who marked the request done and when, or clearing both when it is opened again."""
        callback = self.form.instance
        if "status" in self.form.changed_data:
            if callback.status == CallbackStatus.DONE:
                callback.handled_at = timezone.now()
                callback.handled_by = self.request.user
            else:
                callback.handled_at = None
                callback.handled_by = None
        return super().save_instance()


class CallbackRequestViewSet(ModelViewSet):
    model = CallbackRequest
    icon = "mobile-alt"
    menu_label = _("Call-back requests")
    menu_order = 7900
    add_to_admin_menu = True
    url_prefix = "callback-requests"
    url_namespace = URL_NAMESPACE
    # Nothing links to a request; indexing each save would only cost queries.
    add_to_reference_index = False

    index_view_class = CallbackRequestIndexView
    edit_view_class = CallbackRequestEditView
    filterset_class = CallbackRequestFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    ordering = ["-created_at", "-pk"]
    search_fields = ["reference", "name", "phone"]
    search_backend_name = None

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference", read_only=True),
                    FieldPanel("created_at", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("phone", read_only=True),
                    FieldPanel("topic", read_only=True),
                    FieldPanel("message", read_only=True),
                    FieldPanel("language", read_only=True),
                ],
                heading=_("Request"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("staff_note"),
                    FieldPanel("handled_at", read_only=True),
                    FieldPanel("handled_by", read_only=True),
                ],
                heading=_("Handling"),
            ),
        ],
        base_form_class=CallbackRequestForm,
    )

    def get_permissions_to_register(self):
        # Adding does nothing under CallbackRequestPermissionPolicy.
        content_type = ContentType.objects.get_for_model(CallbackRequest)
        return Permission.objects.filter(
            content_type=content_type,
            codename__in=["view_callbackrequest", "change_callbackrequest", "delete_callbackrequest"],
        )
