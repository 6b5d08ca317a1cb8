"""Which filings a member of staff may see, and on which they may act.

People with "eservices.review_filing" (and superusers) review every
service. Everyone else reviews the services their groups are given in
ServiceReviewPermission, either to see filings or to see, assign and decide.
Drafts are the applicant's own work: staff never see them.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from ..models import Filing, FilingStatus, ReviewAccess, ServiceReviewPermission

REVIEW_EVERY_SERVICE = "eservices.review_filing"


def service_keys(user, access: str = ReviewAccess.VIEW) -> set | None:
    """Return the translation keys of the services ``user`` may review; None means every service."""
    if not (user.is_authenticated and user.is_active):
        return set()
    if user.has_perm(REVIEW_EVERY_SERVICE):
        return None
    permissions = ServiceReviewPermission.objects.filter(group__user=user)
    if access == ReviewAccess.DECIDE:
        permissions = permissions.filter(access=ReviewAccess.DECIDE)
    return set(permissions.values_list("service__translation_key", flat=True))


def reviewable_filings(user, access: str = ReviewAccess.VIEW):
    """Return the submitted filings ``user`` may see (or, with DECIDE, act on)."""
    filings = Filing.objects.exclude(status=FilingStatus.DRAFT)
    keys = service_keys(user, access)
    if keys is None:
        return filings
    return filings.filter(page__translation_key__in=keys)


def is_reviewer(user) -> bool:
    keys = service_keys(user)
    return keys is None or bool(keys)


def can_view(user, filing: Filing) -> bool:
    return reviewable_filings(user).filter(pk=filing.pk).exists()


def can_decide(user, filing: Filing) -> bool:
    return reviewable_filings(user, ReviewAccess.DECIDE).filter(pk=filing.pk).exists()


def reviewers_for(filing: Filing):
    """Active staff who may decide on ``filing``: the people it can be assigned to."""
    groups = ServiceReviewPermission.objects.filter(
        service__translation_key=filing.page.translation_key, access=ReviewAccess.DECIDE
    ).values("group")
    everything = Q(is_superuser=True) | Q(user_permissions__codename="review_filing") | Q(
        groups__permissions__codename="review_filing"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(everything | Q(groups__in=groups))
        .distinct()
        .order_by("first_name", "last_name", "email")
    )
