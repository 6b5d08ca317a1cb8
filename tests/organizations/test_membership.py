"""The rules in cms.organizations.membership: at least one owner, owners
manage members, single-use invitations, and an audit entry for each change."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.accounts.tokens import hash_secret
from cms.organizations import membership
from cms.organizations.choices import Role
from cms.organizations.models import Invitation, Membership
from cms.organizations.notifications import send_invitation
from tests.accounts.people import link_path, make_person, translated

pytestmark = pytest.mark.django_db


def owner_membership(organization, owner) -> Membership:
    return Membership.objects.get(organization=organization, user=owner)


def roles(organization) -> dict[str, str]:
    return dict(organization.memberships.values_list("user__email", "role"))


def log_entries(organization, action=None) -> list:
    entries = ModelLogEntry.objects.for_instance(organization).order_by("timestamp", "pk")
    if action:
        entries = entries.filter(action=action)
    return list(entries)


def refused_code(raised) -> str:
    return raised.value.code


# --- Creating ------------------------------------------------------------------


def test_create_makes_creator_owner(organization, owner):
    assert roles(organization) == {"aysel@example.org": Role.OWNER}
    assert organization.created_by == owner


def test_create_writes_audit_entry(organization, owner):
    entries = log_entries(organization)

    assert [entry.action for entry in entries] == ["organizations.created"]
    assert entries[0].user_id == owner.pk
    assert entries[0].data == {"voen": "1400057421"}


# --- At least one owner --------------------------------------------------------


def test_last_owner_cannot_leave(organization, owner):
    with pytest.raises(membership.MembershipError) as raised:
        membership.leave(owner_membership(organization, owner))

    assert refused_code(raised) == "last_owner"
    assert roles(organization) == {"aysel@example.org": Role.OWNER}


def test_last_owner_cannot_be_removed(organization, owner):
    with pytest.raises(membership.MembershipError) as raised:
        membership.remove_member(owner_membership(organization, owner), owner)

    assert refused_code(raised) == "last_owner"
    assert roles(organization) == {"aysel@example.org": Role.OWNER}


def test_last_owner_cannot_become_member(organization, owner):
    with pytest.raises(membership.MembershipError) as raised:
        membership.change_role(owner_membership(organization, owner), Role.MEMBER, owner)

    assert refused_code(raised) == "last_owner"
    assert roles(organization) == {"aysel@example.org": Role.OWNER}


def test_last_owner_message_says_what_to_do(organization, owner):
    with pytest.raises(membership.MembershipError) as raised:
        membership.leave(owner_membership(organization, owner))

    assert raised.value.messages == [
        translated("An organization must keep at least one owner. Make another member an owner first.")
    ]


def test_refusals_write_no_audit_entry(organization, owner):
    with pytest.raises(membership.MembershipError):
        membership.leave(owner_membership(organization, owner))

    assert [entry.action for entry in log_entries(organization)] == ["organizations.created"]


def test_one_of_two_owners_can_leave(organization, owner, member):
    membership.change_role(member, Role.OWNER, owner)

    membership.leave(owner_membership(organization, owner))

    assert roles(organization) == {"rauf@example.org": Role.OWNER}
    left = log_entries(organization, "organizations.member_left")
    assert len(left) == 1
    assert left[0].user_id == owner.pk
    assert left[0].data == {"role": Role.OWNER}


def test_one_of_two_owners_can_be_made_member(organization, owner, member):
    membership.change_role(member, Role.OWNER, owner)

    membership.change_role(owner_membership(organization, owner), Role.MEMBER, member.user)

    assert roles(organization) == {"aysel@example.org": Role.MEMBER, "rauf@example.org": Role.OWNER}


def test_member_can_leave(organization, member):
    membership.leave(member)

    assert roles(organization) == {"aysel@example.org": Role.OWNER}


def test_owner_removes_member(organization, owner, member):
    membership.remove_member(member, owner)

    assert roles(organization) == {"aysel@example.org": Role.OWNER}
    removed = log_entries(organization, "organizations.member_removed")
    assert [(entry.user_id, entry.data) for entry in removed] == [
        (owner.pk, {"member": "rauf@example.org", "role": Role.MEMBER})
    ]


def test_change_role_writes_before_and_after(organization, owner, member):
    membership.change_role(member, Role.OWNER, owner)

    changed = log_entries(organization, "organizations.role_changed")
    assert [entry.data for entry in changed] == [
        {"member": "rauf@example.org", "before": Role.MEMBER, "after": Role.OWNER}
    ]


def test_change_to_same_role_writes_nothing(organization, owner, member):
    membership.change_role(member, Role.MEMBER, owner)

    assert log_entries(organization, "organizations.role_changed") == []


# --- Transfer ------------------------------------------------------------------


def test_transfer_swaps_roles(organization, owner, member):
    membership.transfer_ownership(member, owner)

    assert roles(organization) == {"aysel@example.org": Role.MEMBER, "rauf@example.org": Role.OWNER}
    transferred = log_entries(organization, "organizations.ownership_transferred")
    assert [(entry.user_id, entry.data) for entry in transferred] == [
        (owner.pk, {"before": "aysel@example.org", "after": "rauf@example.org"})
    ]


def test_transfer_by_member_is_denied(organization, owner, member):
    with pytest.raises(PermissionDenied):
        membership.transfer_ownership(owner_membership(organization, owner), member.user)

    assert roles(organization) == {"aysel@example.org": Role.OWNER, "rauf@example.org": Role.MEMBER}


def test_transfer_to_self_changes_nothing(organization, owner):
    membership.transfer_ownership(owner_membership(organization, owner), owner)

    assert roles(organization) == {"aysel@example.org": Role.OWNER}


# --- Only owners manage members ------------------------------------------------


def test_member_cannot_invite(organization, member):
    with pytest.raises(PermissionDenied):
        membership.invite(organization, "leyla@example.org", Role.MEMBER, member.user)

    assert Invitation.objects.count() == 0


def test_member_cannot_remove(organization, owner, member):
    with pytest.raises(PermissionDenied):
        membership.remove_member(owner_membership(organization, owner), member.user)

    assert roles(organization) == {"aysel@example.org": Role.OWNER, "rauf@example.org": Role.MEMBER}


def test_member_cannot_change_roles(organization, member):
    with pytest.raises(PermissionDenied):
        membership.change_role(member, Role.OWNER, member.user)

    assert roles(organization)["rauf@example.org"] == Role.MEMBER


def test_outsider_cannot_invite(organization):
    outsider = make_person("kenar@example.org")

    with pytest.raises(PermissionDenied):
        membership.invite(organization, "leyla@example.org", Role.MEMBER, outsider)


def test_member_cannot_revoke_invitation(organization, owner, member):
    invitation, _secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    with pytest.raises(PermissionDenied):
        membership.revoke_invitation(invitation, member.user)

    invitation.refresh_from_db()
    assert invitation.is_pending


# --- Invitations ---------------------------------------------------------------


def test_invite_stores_folded_address_and_hash(organization, owner):
    invitation, secret = membership.invite(organization, " Leyla@Example.ORG ", Role.MEMBER, owner)

    assert invitation.email == "leyla@example.org"
    assert invitation.token_hash == hash_secret(secret)
    assert invitation.invited_by == owner
    assert invitation.by_ministry is False
    assert invitation.is_pending
    invited = log_entries(organization, "organizations.invited")
    assert [entry.data for entry in invited] == [{"email": "leyla@example.org", "role": Role.MEMBER}]


def test_invitation_lasts_fourteen_days(organization, owner):
    before = timezone.now()

    invitation, _secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    assert before + timedelta(days=14) <= invitation.expires_at <= timezone.now() + timedelta(days=14)


def test_send_invitation_mails_link(organization, owner):
    invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    send_invitation(invitation, secret)

    assert [message.to for message in mail.outbox] == [["leyla@example.org"]]
    assert mail.outbox[0].subject == translated("Invitation to join %(name)s", name=organization.name)
    assert link_path(mail.outbox[0]) == f"/teskilatlar/devet/{secret}/"
    assert translated(
        "%(inviter)s invites you to act for %(name)s on Fərdi Elektron Pəncərə.",
        inviter="aysel@example.org",
        name=organization.name,
    ) in mail.outbox[0].body


def test_send_invitation_in_invitee_language(organization, owner):
    make_person("leyla@example.org", language="en")
    invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    send_invitation(invitation, secret)

    assert link_path(mail.outbox[0]) == f"/en/teskilatlar/devet/{secret}/"


def test_send_invitation_ignores_unverified_copies(organization, owner):
    stranger = make_person("kenar@example.org", language="en")
    EmailAddress.objects.create(user=stranger, email="leyla@example.org", verified=False)
    invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    send_invitation(invitation, secret)

    assert link_path(mail.outbox[0]) == f"/teskilatlar/devet/{secret}/"


def test_invite_existing_member_is_refused(organization, owner, member):
    with pytest.raises(membership.MembershipError) as raised:
        membership.invite(organization, "RAUF@example.org", Role.MEMBER, owner)

    assert refused_code(raised) == "already_member"
    assert Invitation.objects.count() == 0


def test_invite_member_second_address_is_refused(organization, owner, member):
    EmailAddress.objects.create(user=member.user, email="rauf.work@example.org", verified=True)

    with pytest.raises(membership.MembershipError) as raised:
        membership.invite(organization, "rauf.work@example.org", Role.OWNER, owner)

    assert refused_code(raised) == "already_member"


def test_unverified_copy_of_address_does_not_block_invite(organization, owner, member):
    # For enumeration prevention, allauth lets anyone add a taken address
    # unverified, so only verified addresses identify a person.
    EmailAddress.objects.create(user=member.user, email="leyla@example.org", verified=False)

    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    assert invitation.is_pending


def test_reinvite_revokes_pending_invitation(organization, owner):
    first, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    second, _ = membership.invite(organization, "Leyla@example.org", Role.OWNER, owner)

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert not first.is_pending
    assert second.is_pending
    assert list(organization.invitations.pending()) == [second]


def test_reinvite_leaves_other_addresses_pending(organization, owner):
    other, _ = membership.invite(organization, "nigar@example.org", Role.MEMBER, owner)

    membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    other.refresh_from_db()
    assert other.is_pending


def test_accept_by_invited_address(organization, owner):
    leyla = make_person("leyla@example.org")
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    joined = membership.accept_invitation(invitation, leyla)

    invitation.refresh_from_db()
    assert joined.user == leyla
    assert joined.role == Role.MEMBER
    assert invitation.accepted_by == leyla
    assert invitation.accepted_at is not None
    assert roles(organization)["leyla@example.org"] == Role.MEMBER
    joined_entries = log_entries(organization, "organizations.joined")
    assert [(entry.user_id, entry.data) for entry in joined_entries] == [(leyla.pk, {"role": Role.MEMBER})]


def test_accept_owner_invitation_gives_owner_role(organization, owner):
    leyla = make_person("leyla@example.org")
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.OWNER, owner)

    membership.accept_invitation(invitation, leyla)

    assert roles(organization)["leyla@example.org"] == Role.OWNER


def test_accept_works_once(organization, owner):
    leyla = make_person("leyla@example.org")
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    membership.accept_invitation(invitation, leyla)

    with pytest.raises(membership.MembershipError) as raised:
        membership.accept_invitation(invitation, leyla)

    assert refused_code(raised) == "invitation_used"
    assert len(log_entries(organization, "organizations.joined")) == 1


def test_accept_by_other_account_is_refused(organization, owner):
    make_person("leyla@example.org")
    intruder = make_person("kenar@example.org")
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    with pytest.raises(membership.MembershipError) as raised:
        membership.accept_invitation(invitation, intruder)

    invitation.refresh_from_db()
    assert refused_code(raised) == "wrong_account"
    assert raised.value.messages == [
        translated(
            "This invitation was sent to %(email)s. Sign in with that address to accept it.",
            email="leyla@example.org",
        )
    ]
    assert invitation.is_pending
    assert "kenar@example.org" not in roles(organization)


def test_accept_with_unverified_address_is_refused(organization, owner):
    leyla = make_person("leyla@example.org", verified=False)
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    with pytest.raises(membership.MembershipError) as raised:
        membership.accept_invitation(invitation, leyla)

    assert refused_code(raised) == "wrong_account"


def test_accept_by_dotless_look_alike_is_refused(organization, owner):
    look_alike = make_person("mıke@example.org")
    invitation, _ = membership.invite(organization, "MİKE@example.org", Role.MEMBER, owner)

    with pytest.raises(membership.MembershipError) as raised:
        membership.accept_invitation(invitation, look_alike)

    assert invitation.email == "mike@example.org"
    assert refused_code(raised) == "wrong_account"


def test_accept_expired_is_refused(organization, owner):
    leyla = make_person("leyla@example.org")
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    with pytest.raises(membership.MembershipError) as raised:
        membership.accept_invitation(invitation, leyla)

    assert refused_code(raised) == "invitation_used"
    assert "leyla@example.org" not in roles(organization)


def test_accept_revoked_is_refused(organization, owner):
    leyla = make_person("leyla@example.org")
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    membership.revoke_invitation(invitation, owner)

    with pytest.raises(membership.MembershipError) as raised:
        membership.accept_invitation(invitation, leyla)

    assert refused_code(raised) == "invitation_used"
    revoked = log_entries(organization, "organizations.invitation_revoked")
    assert [entry.data for entry in revoked] == [{"email": "leyla@example.org"}]


def test_accept_replaced_invitation_is_refused(organization, owner):
    leyla = make_person("leyla@example.org")
    first, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    with pytest.raises(membership.MembershipError) as raised:
        membership.accept_invitation(first, leyla)

    assert refused_code(raised) == "invitation_used"


def test_find_invitation_by_secret(organization, owner):
    invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    assert membership.find_invitation(secret) == invitation
    assert membership.find_invitation(secret + "x") is None


# --- Restoring access ----------------------------------------------------------


def test_restore_access_invites_owner_by_ministry(organization):
    staff = make_person("staff@justice.gov.az")

    invitation, secret = membership.restore_access(
        organization, "Yeni.Sahib@example.org", "ID card AA1234567 checked at the ministry", staff
    )

    assert invitation.email == "yeni.sahib@example.org"
    assert invitation.role == Role.OWNER
    assert invitation.by_ministry is True
    assert invitation.invited_by == staff
    assert invitation.token_hash == hash_secret(secret)
    restored = log_entries(organization, "organizations.access_restored")
    assert [(entry.user_id, entry.data) for entry in restored] == [
        (
            staff.pk,
            {"email": "yeni.sahib@example.org", "identity_check": "ID card AA1234567 checked at the ministry"},
        )
    ]


def test_restored_access_makes_new_owner(organization, owner):
    staff = make_person("staff@justice.gov.az")
    new_owner = make_person("yeni.sahib@example.org")
    invitation, secret = membership.restore_access(organization, "yeni.sahib@example.org", "ID card", staff)

    send_invitation(invitation, secret)
    membership.accept_invitation(invitation, new_owner)

    assert roles(organization)["yeni.sahib@example.org"] == Role.OWNER
    assert translated(
        "After checking your identity, the Ministry of Justice has restored access to %(name)s for you, as its owner.",
        name=organization.name,
    ) in mail.outbox[0].body


def test_owner_invitation_raises_existing_member(organization, owner, member):
    # The member adds the invited address to their account after the invitation.
    invitation, _ = membership.invite(organization, "rauf.work@example.org", Role.OWNER, owner)
    EmailAddress.objects.create(user=member.user, email="rauf.work@example.org", verified=True)

    joined = membership.accept_invitation(invitation, member.user)

    assert joined.pk == member.pk
    assert roles(organization)["rauf@example.org"] == Role.OWNER


# --- Verification --------------------------------------------------------------


def test_set_verified_and_withdraw(organization):
    staff = make_person("staff@justice.gov.az")

    membership.set_verified(organization, staff, "Matches the state register")
    verified = organization.is_verified
    membership.set_verified(organization, staff, "Registration annulled", verified=False)

    assert verified is True
    assert organization.is_verified is False
    actions = [(entry.action, entry.data) for entry in log_entries(organization)][1:]
    assert actions == [
        ("organizations.verified", {"note": "Matches the state register"}),
        ("organizations.unverified", {"note": "Registration annulled"}),
    ]
