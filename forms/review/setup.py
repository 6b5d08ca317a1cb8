"""Idempotent set-up of the ministry's reviewer groups.

"E-service reviewers" review every service. "Grant reviewers" show how a
team is limited to one service: they see and decide grant registrations
only. Administrators give other groups access per service on the group's
page in the admin.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from ..models import Filing, ReviewAccess, ServicePage, ServiceReviewPermission

ALL_SERVICES_GROUP = "E-service reviewers"
GRANT_GROUP = "Grant reviewers"
GRANT_PREFIX = "QR"


def _group_with_admin_access(name: str) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def ensure_reviewer_groups() -> tuple[Group, Group]:
    """Create both groups, or give them back any permission they lost."""
    everything = _group_with_admin_access(ALL_SERVICES_GROUP)
    content_type = ContentType.objects.get_for_model(Filing)
    everything.permissions.add(Permission.objects.get(content_type=content_type, codename="review_filing"))

    grants = _group_with_admin_access(GRANT_GROUP)
    grant_service = ServicePage.objects.filter(reference_prefix=GRANT_PREFIX, locale__language_code="az").first()
    if grant_service is not None:
        ServiceReviewPermission.objects.get_or_create(
            group=grants, service=grant_service, defaults={"access": ReviewAccess.DECIDE}
        )
    return everything, grants
