"""Idempotent set-up of the ministry staff who decide on members' correction requests."""

from django.contrib.auth.models import Group, Permission

REVIEWER_GROUP = "Data correction reviewers"
REVIEW_PERMISSION_CODENAME = "review_correction"


def ensure_reviewer_group() -> Group:
    """Create the "Data correction reviewers" group, or give it back any permission it lost."""
    group, _created = Group.objects.get_or_create(name=REVIEWER_GROUP)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    review = Permission.objects.get(content_type__app_label="corrections", codename=REVIEW_PERMISSION_CODENAME)
    group.permissions.add(admin_access, review)
    return group
