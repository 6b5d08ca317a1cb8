"""Applicants' pages for their organizations: create, read, edit, members.

Every view checks membership itself: a person sees only organizations they
belong to (404 otherwise, so ids reveal nothing), and only owners change them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import audit, membership
from .choices import Role
from .forms import InviteForm, OrganizationForm
from .models import Invitation, Membership, Organization
from .notifications import send_invitation

MEMBER_ACTIONS = ("remove", "make-owner", "make-member", "transfer")
# Fields the ministry checks against the state register when it verifies.
REGISTER_FIELDS = {"name", "legal_form", "voen", "registration_number", "registration_date"}


def _organization_for(user, pk) -> tuple[Organization, Membership]:
    organization = get_object_or_404(Organization, pk=pk)
    member = membership.membership_of(user, organization)
    if member is None:
        raise Http404
    return organization, member


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request):
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = membership.create_organization(form, request.user)
        messages.success(request, _("%(name)s has been created. You are its owner.") % {"name": organization.name})
        return redirect("organizations:detail", pk=organization.pk)
    return render(request, "organizations/create.html", {"form": form})


@login_required
@require_safe
def detail(request, pk):
    organization, member = _organization_for(request.user, pk)
    context = {
        "organization": organization,
        "member": member,
        "members": organization.memberships.select_related("user").order_by("-role", "joined_at"),
        "invitations": organization.invitations.pending() if member.is_owner else [],
    }
    return render(request, "organizations/detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, pk):
    organization, member = _organization_for(request.user, pk)
    if not member.is_owner:
        raise PermissionDenied

    was_verified = organization.is_verified
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        changes = audit.changed_fields(form)
        register_changed = bool(REGISTER_FIELDS & set(changes))
        with transaction.atomic():
            form.save()
            if changes:
                audit.record(organization, "organizations.edited", request.user, changes=changes)
            if was_verified and register_changed:
                # The ministry verified other values; the new ones need a new check.
                membership.set_verified(
                    organization, request.user, note=_("Register details changed by an owner."), verified=False
                )
        messages.success(request, _("The organization's details have been saved."))
        if was_verified and register_changed:
            messages.warning(
                request,
                _("Because the name, legal form, VÖEN or state registration changed, the ministry will verify the organization again."),
            )
        return redirect("organizations:detail", pk=organization.pk)
    return render(request, "organizations/edit.html", {"form": form, "organization": organization})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invite(request, pk):
    organization, member = _organization_for(request.user, pk)
    if not member.is_owner:
        raise PermissionDenied

    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, secret = membership.invite(
                organization, form.cleaned_data["email"], form.cleaned_data["role"], request.user
            )
        except membership.MembershipError as error:
            form.add_error("email", error)
        else:
            send_invitation(invitation, secret)
            messages.success(request, _("An invitation has been sent to %(email)s.") % {"email": invitation.email})
            return redirect("organizations:detail", pk=organization.pk)
    context = {"form": form, "organization": organization, "invitation_days": membership.INVITATION_LIFETIME.days}
    return render(request, "organizations/invite.html", context)


@login_required
@require_POST
def revoke_invitation(request, pk, invitation_id):
    organization, member = _organization_for(request.user, pk)
    invitation = get_object_or_404(Invitation, pk=invitation_id, organization=organization)
    membership.revoke_invitation(invitation, request.user)
    messages.success(request, _("The invitation to %(email)s has been cancelled.") % {"email": invitation.email})
    return redirect("organizations:detail", pk=organization.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def member_action(request, pk, member_id, action):
    """Confirm, then remove a member, change their role or hand over ownership."""
    organization, member = _organization_for(request.user, pk)
    if action not in MEMBER_ACTIONS:
        raise Http404
    if not member.is_owner:
        raise PermissionDenied
    target = get_object_or_404(Membership, pk=member_id, organization=organization)
    # Compared now: removing the membership below sets target.pk to None.
    acting_on_self = target.pk == member.pk

    error = None
    if request.method == "POST":
        try:
            if action == "remove":
                membership.remove_member(target, request.user)
                messages.success(request, _("%(email)s has been removed.") % {"email": target.user.email})
            elif action == "transfer":
                membership.transfer_ownership(target, request.user)
                messages.success(request, _("%(email)s is now the owner.") % {"email": target.user.email})
            else:
                role = Role.OWNER if action == "make-owner" else Role.MEMBER
                membership.change_role(target, role, request.user)
                messages.success(request, _("%(email)s's role has been changed.") % {"email": target.user.email})
        except membership.MembershipError as refused:
            error = refused.messages[0]
        else:
            if acting_on_self and action != "make-owner":
                return redirect("accounts:home")
            return redirect("organizations:detail", pk=organization.pk)

    context = {"organization": organization, "target": target, "action": action, "error": error}
    return render(request, "organizations/member_confirm.html", context, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def leave_organization(request, pk):
    organization, member = _organization_for(request.user, pk)
    error = None
    if request.method == "POST":
        try:
            membership.leave(member)
        except membership.MembershipError as refused:
            error = refused.messages[0]
        else:
            messages.success(request, _("You have left %(name)s.") % {"name": organization.name})
            return redirect("accounts:home")
    context = {"organization": organization, "error": error}
    return render(request, "organizations/leave.html", context, status=400 if error else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def accept_invitation(request, secret):
    """Show the invitation; a signed-in person with the invited address joins."""
    invitation = membership.find_invitation(secret)
    if invitation is None or not invitation.is_pending:
        return render(request, "organizations/invitation_invalid.html", status=410)

    error = None
    if request.method == "POST" and request.user.is_authenticated:
        try:
            joined = membership.accept_invitation(invitation, request.user)
        except membership.MembershipError as refused:
            error = refused.messages[0]
        else:
            messages.success(request, _("You have joined %(name)s.") % {"name": joined.organization.name})
            return redirect("organizations:detail", pk=joined.organization_id)

    context = {"invitation": invitation, "organization": invitation.organization, "error": error}
    return render(request, "organizations/accept_invitation.html", context, status=400 if error else 200)
