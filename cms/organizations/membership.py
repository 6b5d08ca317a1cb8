"""Everything that changes who acts for an organization.

Views, the API and the admin call these functions rather than touching
Membership or Invitation rows, so the rules hold everywhere: an organization
always keeps at least one owner, only owners manage members, invitations are
single use, and every change lands in the audit log.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.accounts.emails import fold_email
from cms.accounts.tokens import hash_secret, new_secret

from . import audit
from .choices import Role
from .models import Invitation, Membership, Organization

INVITATION_LIFETIME = timedelta(days=14)


class MembershipError(ValidationError):
    """A request the rules refuse; the message is shown to the person."""


def membership_of(user, organization) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(organization=organization, user=user).first()


def require_owner(user, organization) -> Membership:
    membership = membership_of(user, organization)
    if membership is None or not membership.is_owner:
        raise PermissionDenied
    return membership


@transaction.atomic
def create_organization(form_or_organization, user) -> Organization:
    """Save a new organization and make ``user`` its first owner."""
    organization = form_or_organization
    if not isinstance(form_or_organization, Organization):
        # A ModelForm: an Organization has save() too, without ``commit``.
        organization = form_or_organization.save(commit=False)
    organization.created_by = user
    organization.save()
    Membership.objects.create(organization=organization, user=user, role=Role.OWNER)
    audit.record(organization, "organizations.created", user, voen=organization.voen)
    return organization


def _locked_owner_count(organization) -> int:
    # Lock the organization's memberships so two owners leaving at once
    # cannot both pass the "another owner remains" check.
    owners = Membership.objects.select_for_update().filter(organization=organization, role=Role.OWNER)
    return len(list(owners))


def _keep_an_owner(membership: Membership) -> None:
    if membership.is_owner and _locked_owner_count(membership.organization) <= 1:
        raise MembershipError(
            _("An organization must keep at least one owner. Make another member an owner first."),
            code="last_owner",
        )


@transaction.atomic
def remove_member(membership: Membership, by_user) -> None:
    require_owner(by_user, membership.organization)
    _keep_an_owner(membership)
    audit.record(
        membership.organization,
        "organizations.member_removed",
        by_user,
        member=membership.user.email,
        role=membership.role,
    )
    membership.delete()


@transaction.atomic
def leave(membership: Membership) -> None:
    _keep_an_owner(membership)
    audit.record(membership.organization, "organizations.member_left", membership.user, role=membership.role)
    membership.delete()


@transaction.atomic
def change_role(membership: Membership, role: str, by_user) -> None:
    require_owner(by_user, membership.organization)
    if role == membership.role:
        return
    if role != Role.OWNER:
        _keep_an_owner(membership)
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit.record(
        membership.organization,
        "organizations.role_changed",
        by_user,
        member=membership.user.email,
        before=before,
        after=role,
    )


@transaction.atomic
def transfer_ownership(to_membership: Membership, by_user) -> None:
    """Make another member the owner and the current owner a member."""
    from_membership = require_owner(by_user, to_membership.organization)
    if to_membership.pk == from_membership.pk:
        return
    to_membership.role = Role.OWNER
    to_membership.save(update_fields=["role"])
    from_membership.role = Role.MEMBER
    from_membership.save(update_fields=["role"])
    audit.record(
        to_membership.organization,
        "organizations.ownership_transferred",
        by_user,
        before=by_user.email,
        after=to_membership.user.email,
    )


def _create_invitation(organization, email: str, role: str, by_user, *, by_ministry=False) -> tuple[Invitation, str]:
    email = fold_email(email)
    # Only verified addresses count: allauth lets anyone add a taken address
    # unverified, which must not block inviting its owner.
    already = Q(user__emailaddress__email=email, user__emailaddress__verified=True) | Q(user__email=email)
    if Membership.objects.filter(already, organization=organization).exists():
        raise MembershipError(_("This person is already a member of the organization."), code="already_member")

    # A new invitation replaces any pending one to the same address.
    organization.invitations.pending().filter(email=email).update(revoked_at=timezone.now())
    secret, token_hash = new_secret()
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        token_hash=token_hash,
        invited_by=by_user,
        by_ministry=by_ministry,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    return invitation, secret


@transaction.atomic
def invite(organization, email: str, role: str, by_user) -> tuple[Invitation, str]:
    """Create an invitation; returns it and the secret for the e-mailed link."""
    require_owner(by_user, organization)
    invitation, secret = _create_invitation(organization, email, role, by_user)
    audit.record(organization, "organizations.invited", by_user, email=invitation.email, role=role)
    return invitation, secret


@transaction.atomic
def restore_access(organization, email: str, identity_check: str, by_staff) -> tuple[Invitation, str]:
    """Staff invite a new owner after checking the person's identity offline."""
    invitation, secret = _create_invitation(organization, email, Role.OWNER, by_staff, by_ministry=True)
    audit.record(
        organization,
        "organizations.access_restored",
        by_staff,
        email=invitation.email,
        identity_check=identity_check,
    )
    return invitation, secret


@transaction.atomic
def revoke_invitation(invitation: Invitation, by_user) -> None:
    require_owner(by_user, invitation.organization)
    if not invitation.is_pending:
        # Accepted, expired or already revoked: nothing to cancel, nothing to log.
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(invitation.organization, "organizations.invitation_revoked", by_user, email=invitation.email)


def find_invitation(secret: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organization").filter(token_hash=hash_secret(secret)).first()
    )


def user_has_verified_email(user, email: str) -> bool:
    return user.emailaddress_set.filter(email=email, verified=True).exists()


@transaction.atomic
def accept_invitation(invitation: Invitation, user) -> Membership:
    """Join the organization; only the invited address may accept, once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise MembershipError(
            _("This invitation has expired or has already been used. Ask the organization's owner for a new one."),
            code="invitation_used",
        )
    if not user_has_verified_email(user, invitation.email):
        raise MembershipError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email},
            code="wrong_account",
        )

    membership, created = Membership.objects.get_or_create(
        organization=invitation.organization, user=user, defaults={"role": invitation.role}
    )
    if not created and invitation.role == Role.OWNER and not membership.is_owner:
        membership.role = Role.OWNER
        membership.save(update_fields=["role"])

    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit.record(invitation.organization, "organizations.joined", user, role=membership.role)
    return membership


@transaction.atomic
def set_verified(organization, by_staff, note: str, verified: bool = True) -> None:
    if verified:
        organization.verified_at = timezone.now()
        organization.verified_by = by_staff
        organization.verification_note = note
        action = "organizations.verified"
    else:
        organization.verified_at = None
        organization.verified_by = None
        organization.verification_note = note
        action = "organizations.unverified"
    organization.save(update_fields=["verified_at", "verified_by", "verification_note"])
    audit.record(organization, action, by_staff, note=note)
