"""Plain 403 responses for staff without the review permission.

Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
The claim views return 403 instead, so a link shared with the wrong person
shows plainly that it is not for them.
"""

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

from ..models import Claim
from .policy import ClaimReviewPolicy

policy = ClaimReviewPolicy(Claim)


def can_review(user, action: str = "view") -> bool:
    return policy.user_has_permission(user, action)


class ReviewerRequiredMixin:
    """Return 403 before the view runs unless the user may take ``required_action`` on claims."""

    required_action = "view"

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user, self.required_action):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)
