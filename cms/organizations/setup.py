"""Idempotent set-up for the ministry staff who keep the organization register."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .models import Organization

OFFICER_GROUP = "Organization officers"

# The change permission also allows verifying organizations and restoring
# access (cms.organizations.admin.actions). The admin's permission policy
# closes adding and deleting to everyone.
OFFICER_PERMISSIONS = ["view_organization", "change_organization"]


def ensure_officer_group() -> Group:
    """Create the "Organization officers" group, or give it back any permission it lost."""
    group, _created = Group.objects.get_or_create(name=OFFICER_GROUP)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    content_type = ContentType.objects.get_for_model(Organization)
    organization_permissions = Permission.objects.filter(content_type=content_type, codename__in=OFFICER_PERMISSIONS)
    group.permissions.add(admin_access, *organization_permissions)
    return group
