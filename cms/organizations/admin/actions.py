"""Staff actions on one organization: verify it, withdraw the verification, restore access.

Each is a form whose valid submission calls a service function in
cms.organizations.membership, which writes the audit log. They need the
model's change permission, like editing the record.
"""

import logging
import smtplib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .. import membership
from ..models import Organization
from ..notifications import send_invitation
from .common import admin_url, verification_summary
from .forms import RestoreAccessForm, VerifyForm, WithdrawVerificationForm

logger = logging.getLogger(__name__)


class OrganizationActionView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    """A form about one organization that ends in a call to a membership service function."""

    model = Organization
    permission_required = "change"
    template_name = "organizations/admin/action_form.html"
    header_icon = "group"
    submit_button_label = ""
    # Template of the text above the form that describes the action.
    intro_template_name = ""
    # Form field that shows a MembershipError raised by perform(); None shows it above the form.
    error_field = None

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin turns PermissionDenied into a redirect to the
        # dashboard. These actions return a plain 403 response instead.
        if not self.user_has_permission(self.permission_required):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url("index"), "label": capfirst(Organization._meta.verbose_name_plural)},
            {"url": admin_url("inspect", self.object), "label": str(self.object)},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.object)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "action_url": self.request.path,
                "submit_button_label": self.submit_button_label,
                "submit_button_active_label": self.submit_button_label,
                "intro_template_name": self.intro_template_name,
                "verification": verification_summary(self.object),
                "members": self.object.memberships.select_related("user").order_by("-role", "joined_at"),
            }
        )
        return context

    def form_valid(self, form):
        try:
            success_message = self.perform(form)
        except membership.MembershipError as error:
            form.add_error(self.error_field, error)
            return self.form_invalid(form)
        messages.success(self.request, success_message)
        return redirect(admin_url("inspect", self.object))

    def perform(self, form) -> str:
        """Carry out the action and return the success message; raise MembershipError to show a form error."""
        raise NotImplementedError


class VerifyView(OrganizationActionView):
    page_title = _("Verify against the state register")
    submit_button_label = _("Mark as verified")
    header_icon = "success"
    form_class = VerifyForm
    intro_template_name = "organizations/admin/includes/verify_intro.html"

    def perform(self, form) -> str:
        membership.set_verified(self.object, self.request.user, form.cleaned_data["note"], verified=True)
        return gettext("%(name)s is marked as verified against the state register.") % {"name": self.object.name}


class WithdrawVerificationView(OrganizationActionView):
    page_title = _("Withdraw verification")
    submit_button_label = _("Withdraw verification")
    header_icon = "cross"
    form_class = WithdrawVerificationForm
    intro_template_name = "organizations/admin/includes/verify_intro.html"

    def get(self, request, *args, **kwargs):
        if not self.object.is_verified:
            return self._not_verified()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.object.is_verified:
            return self._not_verified()
        return super().post(request, *args, **kwargs)

    def _not_verified(self):
        messages.error(self.request, gettext("%(name)s is not verified.") % {"name": self.object.name})
        return redirect(admin_url("inspect", self.object))

    def perform(self, form) -> str:
        membership.set_verified(self.object, self.request.user, form.cleaned_data["reason"], verified=False)
        return gettext("Verification of %(name)s has been withdrawn.") % {"name": self.object.name}


class RestoreAccessView(OrganizationActionView):
    page_title = _("Restore access")
    submit_button_label = _("Send the owner invitation")
    header_icon = "key"
    form_class = RestoreAccessForm
    intro_template_name = "organizations/admin/includes/restore_access_intro.html"

    # The service rejects an address that already belongs to a member.
    error_field = "email"

    def perform(self, form) -> str:
        invitation, secret = membership.restore_access(
            self.object, form.cleaned_data["email"], form.cleaned_data["identity_check"], self.request.user
        )

        # Without an account the address has no language of its own; the site's
        # default fits better than the language of the officer's admin screens.
        try:
            with translation.override(settings.LANGUAGE_CODE):
                send_invitation(invitation, secret)
        except (smtplib.SMTPException, OSError):
            logger.exception(
                "Sending owner invitation %s for organization %s to the mail server failed",
                invitation.pk,
                self.object.pk,
            )
            raise membership.MembershipError(
                gettext(
                    "The invitation was recorded, but the e-mail to %(email)s could not be sent. "
                    "Try again later: a new invitation replaces this one."
                )
                % {"email": invitation.email},
                code="mail_failed",
            )
        return gettext("An invitation to become an owner of %(name)s has been sent to %(email)s.") % {
            "name": self.object.name,
            "email": invitation.email,
        }
