"""Organizations in the Wagtail admin: the staff's register and the audit log's actions."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.log_details import formatter_class
from .admin.viewsets import OrganizationPermissionPolicy, OrganizationViewSet
from .audit import ACTIONS
from .models import Organization

# Registered before the viewset, which would otherwise create Wagtail's default policy.
register_permission_policy(Organization, OrganizationPermissionPolicy(Organization))


@hooks.register("register_admin_viewset")
def register_organization_viewset():
    return OrganizationViewSet()


@hooks.register("register_log_actions")
def register_organization_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action)(formatter_class(label, message))
