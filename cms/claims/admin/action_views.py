"""Staff decisions on a claim in the admin: approve (choosing the role when
the organization already has owners) or refuse with a reason.

Each is a form whose valid submission calls cms.claims.actions, which checks
the permission and the claim's status again, writes the audit log and
notifies the claimant, in one transaction.
"""

from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.aztext import capfirst
from cms.organizations.choices import Role

from .. import actions
from ..errors import ClaimError
from ..models import Claim, ClaimStatus
from .access import ReviewerRequiredMixin
from .common import admin_url, person_label
from .forms import ApproveForm, RefuseForm


class ClaimActionView(ReviewerRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """A form about one waiting claim that ends in a call to cms.claims.actions."""

    required_action = "review"
    template_name = "claims/admin/action_form.html"
    header_icon = "group"
    submit_button_label = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        claims = Claim.objects.select_related("organization", "claimant")
        self.claim = get_object_or_404(claims, pk=kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return self._unless_decided() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._unless_decided() or super().post(request, *args, **kwargs)

    def _unless_decided(self):
        if self.claim.status == ClaimStatus.SUBMITTED:
            return None
        messages.error(
            self.request,
            gettext("This claim is no longer waiting for a decision: its status is “%(status)s”.")
            % {"status": self.claim.get_status_display()},
        )
        return redirect(admin_url("inspect", self.claim))

    def get_page_subtitle(self):
        return self.claim.organization.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url("index"), "label": capfirst(Claim._meta.verbose_name_plural)},
            {"url": admin_url("inspect", self.claim), "label": self.claim.organization.name},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "claim": self.claim,
                "claimant": person_label(self.claim.claimant),
                "action_url": self.request.path,
                "review_url": admin_url("inspect", self.claim),
                "submit_button_label": self.submit_button_label,
                "submit_button_active_label": self.submit_button_label,
            }
        )
        return context

    def form_valid(self, form):
        try:
            success_message = self.perform(form)
        except ClaimError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, success_message)
        return redirect(admin_url("inspect", self.claim))

    def perform(self, form) -> str:
        """Carry out the decision and return the success message; ClaimError becomes a form error."""
        raise NotImplementedError


class ApproveView(ClaimActionView):
    page_title = _("Approve the claim")
    submit_button_label = _("Approve")
    header_icon = "success"
    form_class = ApproveForm

    def get_form_kwargs(self):
        has_owners = self.claim.organization.memberships.filter(role=Role.OWNER).exclude(user=self.claim.claimant).exists()
        return {**super().get_form_kwargs(), "has_owners": has_owners}

    def perform(self, form) -> str:
        claim = actions.approve(
            self.claim.pk,
            by=self.request.user,
            role=form.cleaned_data.get("role", Role.OWNER),
            note=form.cleaned_data["note"],
        )
        return gettext("%(person)s now acts for %(name)s as: %(role)s. The claimant has been notified.") % {
            "person": person_label(claim.claimant),
            "name": claim.organization.name,
            "role": claim.get_granted_role_display(),
        }


class RefuseView(ClaimActionView):
    page_title = _("Refuse the claim")
    submit_button_label = _("Refuse")
    header_icon = "cross"
    form_class = RefuseForm

    def perform(self, form) -> str:
        actions.refuse(self.claim.pk, by=self.request.user, reason=form.cleaned_data["reason"])
        return gettext("The claim of %(person)s on %(name)s is refused. The claimant has been notified.") % {
            "person": person_label(self.claim.claimant),
            "name": self.claim.organization.name,
        }
