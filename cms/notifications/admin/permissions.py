"""The permission policy of e-mail deliveries in the admin: who may list them and who may retry them."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

RETRY = "retry"

# Admin action → the Django permission it needs: "Retry now" uses the model's change permission.
PERMISSION_OF_ACTION = {"view": "view", RETRY: "change"}


class EmailDeliveryPermissionPolicy(ModelPermissionPolicy):
    """Django's "view" permission lists deliveries; the "change" permission allows "Retry now".

    Deliveries are written only by cms.notifications, so nobody adds, edits
    or deletes them in the admin, superusers included.
    """

    def user_has_permission(self, user, action):
        permission = PERMISSION_OF_ACTION.get(action)
        if permission is None:
            return False
        return super().user_has_permission(user, permission)

    def users_with_any_permission(self, actions):
        permissions = {PERMISSION_OF_ACTION[action] for action in actions if action in PERMISSION_OF_ACTION}
        if not permissions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(sorted(permissions))
