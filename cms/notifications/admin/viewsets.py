"""The "E-mail deliveries" viewset and its menu item, which counts failed deliveries."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from ..models import DeliveryStatus, EmailDelivery
from .views import URL_NAMESPACE, EmailDeliveryFilterSet, EmailDeliveryIndexView, EmailDeliveryInspectView, RetryView


def failed_count() -> int:
    return EmailDelivery.objects.filter(status=DeliveryStatus.FAILED).count()


class EmailDeliveryMenuItem(MenuItem):
    """The menu entry, labelled with the number of failed deliveries when there are any."""

    def is_shown(self, request):
        return policy_registry.get_by_type(EmailDelivery).user_has_permission(request.user, "view")

    def render_component(self, request):
        failed = failed_count()
        if not failed:
            return super().render_component(request)
        label = ngettext(
            "%(label)s (%(count)s failed)", "%(label)s (%(count)s failed)", failed
        ) % {"label": self.label, "count": failed}
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class EmailDeliveryViewSet(ModelViewSet):
    model = EmailDelivery
    icon = "mail"
    menu_label = _("E-mail deliveries")
    menu_order = 8000
    add_to_admin_menu = True
    url_prefix = "email-deliveries"
    url_namespace = URL_NAMESPACE
    menu_item_class = EmailDeliveryMenuItem
    # Deliveries are operational records that nothing links to; indexing each save would only cost queries.
    add_to_reference_index = False

    index_view_class = EmailDeliveryIndexView
    inspect_view_class = EmailDeliveryInspectView
    filterset_class = EmailDeliveryFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = [
        "notification",
        "address",
        "language",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]
    # The edit view is never reachable (see EmailDeliveryPermissionPolicy),
    # but ModelViewSet builds its form class at start-up.
    form_fields = []

    def get_permissions_to_register(self):
        # "view" lists deliveries and "change" allows "Retry now"; the others do nothing here.
        content_type = ContentType.objects.get_for_model(EmailDelivery)
        return Permission.objects.filter(
            content_type=content_type, codename__in=["view_emaildelivery", "change_emaildelivery"]
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("retry/<int:pk>/", RetryView.as_view(), name="retry")]
