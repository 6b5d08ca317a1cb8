"""The permission policy Wagtail's generic views use for claims.

One permission, claims.review_claim, lets staff see the queue and claims
("view") and approve or refuse them ("review"). Nobody adds, edits or
deletes a claim in the admin: claimants write claims, and staff change them
only through cms.claims.actions.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

VIEW = "view"
REVIEW = "review"
ACTIONS = frozenset({VIEW, REVIEW})
CODENAME = "review_claim"


class ClaimReviewPolicy(BaseDjangoAuthPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ACTIONS and user.is_active and user.has_perm(f"{self.app_label}.{CODENAME}")

    def users_with_any_permission(self, actions):
        if not ACTIONS & set(actions):
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames([CODENAME])
