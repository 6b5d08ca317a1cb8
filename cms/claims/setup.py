"""Idempotent set-up of the ministry staff who review claims on organizations."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from cms.organizations.models import Organization

from .models import Claim

REVIEWER_GROUP = "Organization claim reviewers"


def ensure_claim_reviewer_group() -> Group:
    """Create the "Organization claim reviewers" group, or give it back any permission it lost.

    Besides reviewing claims, its members may open organizations' records in
    the admin, which the review page links to.
    """
    group, _created = Group.objects.get_or_create(name=REVIEWER_GROUP)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    review = Permission.objects.get(content_type=ContentType.objects.get_for_model(Claim), codename="review_claim")
    view_organization = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Organization), codename="view_organization"
    )
    group.permissions.add(admin_access, review, view_organization)
    return group
