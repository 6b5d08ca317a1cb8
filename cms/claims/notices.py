"""Notifications about staff decisions on claims.

The claimant is notified of an approval or a refusal (with the reason) on
the site and by e-mail. When staff approve a claim on an organization that
already had owners, those owners are notified of who joined and in which role.
Every notification points at the Claim.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.accounts.mail import absolute_url
from cms.notifications import kinds
from cms.notifications.notify import notify

from .models import Claim, ClaimStatus


def _claim_url(claim: Claim) -> str:
    return reverse("claims:detail", args=[claim.pk])


def _organization_url(claim: Claim) -> str:
    return reverse("organizations:detail", args=[claim.organization_id])


def _context(claim: Claim) -> dict:
    return {
        "claim": claim,
        "organization": claim.organization,
        "claimant": claim.claimant.email,
        "role": claim.get_granted_role_display(),
        "url": absolute_url(_claim_url(claim)),
        "organization_url": absolute_url(_organization_url(claim)),
    }


def _approved_title(claim: Claim) -> str:
    return _("Your claim on %(name)s has been approved") % {"name": claim.organization.name}


def _refused_title(claim: Claim) -> str:
    return _("Your claim on %(name)s has been refused") % {"name": claim.organization.name}


def _member_added_title(claim: Claim) -> str:
    return _("The ministry has added %(email)s to %(name)s") % {
        "email": claim.claimant.email,
        "name": claim.organization.name,
    }


KINDS = [
    kinds.Kind(
        name="claim.approved",
        title=_approved_title,
        url=_claim_url,
        email_template="claims/email/claim_approved",
        email_context=_context,
    ),
    kinds.Kind(
        name="claim.refused",
        title=_refused_title,
        url=_claim_url,
        email_template="claims/email/claim_refused",
        email_context=_context,
    ),
    kinds.Kind(
        name="claim.member_added",
        title=_member_added_title,
        url=_organization_url,
        email_template="claims/email/member_added",
        email_context=_context,
    ),
]


def register_kinds() -> None:
    kinds.register_target_queryset(Claim.objects.select_related("organization", "claimant"))
    for kind in KINDS:
        kinds.register(kind)


def claim_decided(claim: Claim, owners_before) -> None:
    """Notify the claimant of the decision, and on approval the owners there were before. Call inside its transaction."""
    if claim.status == ClaimStatus.APPROVED:
        notify([claim.claimant], "claim.approved", claim)
        notify(owners_before, "claim.member_added", claim)
    else:
        notify([claim.claimant], "claim.refused", claim)
