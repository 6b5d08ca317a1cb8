"""Which organizations can be claimed, and which way a claim may prove itself.

The e-mail code route is offered only while nobody acts for the
organization: it has an address on record, no members, and no other
person's claim started earlier is still active. Everything else waits
for ministry staff, who see the documents and the existing members.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.organizations.choices import RegisterStatus

from .models import Claim, ClaimStatus

# An open claim whose claimant did nothing for this long stops holding the
# code route, so an abandoned claim cannot keep it from others for good.
# The claim itself stays open and its claimant can continue.
ACTIVITY_WINDOW = timedelta(hours=24)

# How many claims one person may have open at once, on different organizations.
MAX_OPEN_CLAIMS_PER_PERSON = 5

# Messages for each reason the code route is closed, shown to the claimant.
NO_EMAIL = "no_email"
HAS_MEMBERS = "has_members"
OTHER_CLAIM = "other_claim"

CODE_ROUTE_CLOSED = {
    NO_EMAIL: _(
        "The register has no e-mail address for this organization, so a code cannot be sent. "
        "Send documents to the ministry instead."
    ),
    HAS_MEMBERS: _(
        "People already act for this organization on the site. A new claim waits for the ministry's decision: "
        "send documents that show you act for it."
    ),
    OTHER_CLAIM: _(
        "Another person has already started a claim on this organization. A second claim waits for the "
        "ministry's decision: send documents that show you act for it."
    ),
}


def claim_refusal(organization) -> str | None:
    """Return why ``organization`` cannot be claimed at all, or None when it can."""
    if organization.register_status == RegisterStatus.LIQUIDATED:
        return _(
            "According to the state register this organization has been liquidated, so it cannot be claimed. "
            "If the register is wrong, contact the Ministry of Justice."
        )
    if not organization.register_status and not organization.is_verified:
        return _(
            "This organization is not on the ministry's register, so it cannot be claimed. "
            "Ask one of its owners to invite you."
        )
    return None


def active_claims(organization):
    """Return the organization's claims that hold their place: sent to staff, or open and recently used."""
    recent = timezone.now() - ACTIVITY_WINDOW
    return Claim.objects.filter(organization=organization).filter(
        Q(status=ClaimStatus.SUBMITTED) | Q(status=ClaimStatus.OPEN, last_activity_at__gt=recent)
    )


def code_route_closed(claim: Claim) -> str | None:
    """Return why ``claim`` cannot use the e-mail code (a key of CODE_ROUTE_CLOSED), or None when it can."""
    organization = claim.organization
    if not organization.email:
        return NO_EMAIL
    if organization.memberships.exists():
        return HAS_MEMBERS
    # Ids grow with time, so a smaller id is a claim started earlier.
    earlier = active_claims(organization).exclude(claimant_id=claim.claimant_id).filter(pk__lt=claim.pk)
    if earlier.exists():
        return OTHER_CLAIM
    return None


def mask_email(address: str) -> str:
    """Hide most of an address: ``info@sefa-yolu.example.org`` → ``i***@s***.example.org``.

    The first letter of the mailbox and of the first domain label stay, so
    the claimant can recognise the address without learning it.
    """
    local, at, domain = address.partition("@")
    if not at:
        return "***"
    labels = domain.split(".")
    if len(labels) > 2:
        # Keep the registrable suffix ("example.org") and hide the labels before it.
        hidden, kept = labels[:-2], labels[-2:]
    else:
        hidden, kept = labels[:1], labels[1:]
    masked_domain = ".".join([_mask(label) for label in hidden] + kept)
    return f"{_mask(local)}@{masked_domain}"


def _mask(part: str) -> str:
    return f"{part[:1]}***"
