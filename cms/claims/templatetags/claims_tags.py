"""Template helpers for claims: the status styles, and the claims list on the account page."""

from datetime import timedelta

from django import template
from django.db.models import Q
from django.utils import timezone

from ..models import OPEN_STATUSES, Claim, ClaimStatus

register = template.Library()

# Claim status → the suffix of the site's tag--status-* and status-panel--* styles.
STATUS_TONES = {
    ClaimStatus.OPEN: "draft",
    ClaimStatus.SUBMITTED: "submitted",
    ClaimStatus.COMPLETED: "accepted",
    ClaimStatus.APPROVED: "accepted",
    ClaimStatus.REFUSED: "rejected",
    ClaimStatus.CANCELLED: "draft",
}

# A refused claim stays on the account page this long, so its claimant sees the outcome.
REFUSED_SHOWN_FOR = timedelta(days=90)


@register.filter
def claim_tone(claim: Claim) -> str:
    return STATUS_TONES.get(claim.status, "draft")


@register.inclusion_tag("claims/includes/account_claims.html", takes_context=True)
def account_claims(context):
    """List the signed-in person's claims in progress, and those refused lately, newest first.

    Granted claims are left out: their organizations are listed already.
    """
    user = context["user"]
    refused_lately = Q(status=ClaimStatus.REFUSED, closed_at__gt=timezone.now() - REFUSED_SHOWN_FOR)
    claims = (
        Claim.objects.filter(claimant=user)
        .filter(Q(status__in=OPEN_STATUSES) | refused_lately)
        .select_related("organization")
        .order_by("-created_at", "-pk")
    )
    return {"claims": list(claims)}
