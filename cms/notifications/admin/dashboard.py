"""A panel on the admin dashboard that warns of failed e-mail deliveries."""

from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from ..models import DeliveryStatus, EmailDelivery
from .views import admin_url
from .viewsets import failed_count


class FailedDeliveriesPanel(Component):
    name = "failed_email_deliveries"
    template_name = "notifications/admin/failed_deliveries_panel.html"
    # Above Wagtail's own panels, which start at 100.
    order = 50

    def __init__(self, failed: int):
        self.failed = failed

    def get_context_data(self, parent_context):
        return {"failed": self.failed, "list_url": admin_url("index") + f"?status={DeliveryStatus.FAILED}"}


def failed_deliveries_panel(request) -> FailedDeliveriesPanel | None:
    """Return the panel for staff who may see deliveries when any have failed, else None."""
    if not policy_registry.get_by_type(EmailDelivery).user_has_permission(request.user, "view"):
        return None
    failed = failed_count()
    return FailedDeliveriesPanel(failed) if failed else None
