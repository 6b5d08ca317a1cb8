"""Claims in the Wagtail admin: the review queue and the audit log's actions."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.access import policy
from .admin.log_details import formatter_class
from .admin.viewset import ClaimReviewViewSet
from .audit import ACTIONS
from .models import Claim

# Registered before the viewset, which would otherwise create Wagtail's default policy.
register_permission_policy(Claim, policy)


@hooks.register("register_admin_viewset")
def register_claim_review_viewset():
    return ClaimReviewViewSet()


@hooks.register("register_log_actions")
def register_claim_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action)(formatter_class(label, message))
