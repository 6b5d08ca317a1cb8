"""The permission policy Wagtail's generic views use for correction requests.

Staff with "corrections.review_correction" (and superusers) see every
request and decide on open ones. Nobody adds, edits or deletes a request in
the admin: members write requests, and staff change them only through
cms.corrections.decisions.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from ..decisions import can_review

ACTIONS = {"view", "review"}


class CorrectionReviewPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ACTIONS and can_review(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if ACTIONS & set(actions) and can_review(user):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        if not ACTIONS & set(actions):
            return get_user_model().objects.none()
        permission = Permission.objects.filter(codename="review_correction", content_type__app_label="corrections")
        granted = Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
        return get_user_model().objects.filter(is_active=True).filter(granted).distinct()
