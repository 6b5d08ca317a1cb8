"""Notifications in the Wagtail admin: e-mail deliveries staff watch and retry."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.dashboard import failed_deliveries_panel
from .admin.permissions import EmailDeliveryPermissionPolicy
from .admin.viewsets import EmailDeliveryViewSet
from .models import EmailDelivery

# Registered before the viewset, which would otherwise create Wagtail's default policy.
register_permission_policy(EmailDelivery, EmailDeliveryPermissionPolicy(EmailDelivery))


@hooks.register("register_admin_viewset")
def register_email_delivery_viewset():
    return EmailDeliveryViewSet()


@hooks.register("construct_homepage_panels")
def add_failed_deliveries_panel(request, panels):
    panel = failed_deliveries_panel(request)
    if panel is not None:
        panels.append(panel)
