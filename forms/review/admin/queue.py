"""The review queue and a filing's review page in the Wagtail admin: the
hooks that register them, their permission policy and the group panel that
gives access per e-service."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from ...models import Filing
from .group_permissions import ServiceReviewPermissionFormSet
from .policy import FilingReviewPolicy
from .viewset import FilingReviewViewSet

# Registered before the viewset, which would otherwise create Wagtail's default policy.
register_permission_policy(Filing, FilingReviewPolicy(Filing))


@hooks.register("register_admin_viewset")
def register_filing_review_viewset():
    return FilingReviewViewSet()


@hooks.register("register_group_permission_panel")
def register_service_review_permission_panel():
    return ServiceReviewPermissionFormSet
