"""The permission policy Wagtail's generic views use for filings.

Staff "view" filings of the services their groups may review and "decide" on
those their groups may decide on (forms.review.access). Nobody adds, edits or
deletes a filing in the admin: applicants write filings, and reviewers change
them only through the actions in forms.review.actions.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from ...models import ReviewAccess, ServiceReviewPermission
from .. import access

VIEW = "view"
DECIDE = "decide"

# The policy's actions and the ServiceReviewPermission access each needs.
ACCESS_FOR_ACTION = {VIEW: ReviewAccess.VIEW, DECIDE: ReviewAccess.DECIDE}


class FilingReviewPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action not in ACCESS_FOR_ACTION:
            return False
        keys = access.service_keys(user, ACCESS_FOR_ACTION[action])
        return keys is None or bool(keys)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in ACCESS_FOR_ACTION:
            return False
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        # DECIDE implies VIEW, so VIEW alone gives the widest set.
        if VIEW in actions:
            return access.reviewable_filings(user, ReviewAccess.VIEW)
        if DECIDE in actions:
            return access.reviewable_filings(user, ReviewAccess.DECIDE)
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        requested = [ACCESS_FOR_ACTION[action] for action in actions if action in ACCESS_FOR_ACTION]
        if not requested:
            return get_user_model().objects.none()

        every_service = (
            Q(is_superuser=True)
            | Q(user_permissions__codename="review_filing", user_permissions__content_type__app_label="eservices")
            | Q(groups__permissions__codename="review_filing", groups__permissions__content_type__app_label="eservices")
        )
        permissions = ServiceReviewPermission.objects.all()
        if ReviewAccess.VIEW not in requested:
            permissions = permissions.filter(access=ReviewAccess.DECIDE)
        by_service = Q(groups__in=permissions.values("group"))
        return get_user_model().objects.filter(is_active=True).filter(every_service | by_service).distinct()
