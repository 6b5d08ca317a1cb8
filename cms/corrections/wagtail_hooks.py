"""Correction requests in the Wagtail admin: the staff's viewset, its permission policy and the audit log's actions."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import audit
from .admin.policy import CorrectionReviewPolicy
from .admin.viewset import CorrectionReviewViewSet
from .models import CorrectionRequest

# Registered before the viewset, which would otherwise create Wagtail's default policy.
register_permission_policy(CorrectionRequest, CorrectionReviewPolicy(CorrectionRequest))


@hooks.register("register_admin_viewset")
def register_correction_viewset():
    return CorrectionReviewViewSet()


@hooks.register("register_log_actions")
def register_correction_actions(actions):
    audit.register_actions(actions)
