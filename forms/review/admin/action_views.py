"""The reviewer's actions on a filing in the admin: assign, accept, return for correction, reject.

Each is a form whose valid submission calls the matching function of
forms.review.actions, which checks permission and status again, writes the
history and the audit log and notifies the applicant. Staff who may only see
the filing get 403; staff who may not see it get 404.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.aztext import capfirst

from ...models import Filing
from .. import access, actions
from .action_forms import AcceptForm, AssignForm, RejectForm, ReturnForm
from .common import admin_url, deadline_text, person_label, service_title
from .sections import answer_fields, review_sections


class FilingActionView(WagtailAdminTemplateMixin, FormView):
    """A form about one filing that ends in a call to a function of forms.review.actions."""

    template_name = "eservices/admin/review/action_form.html"
    header_icon = "doc-full"
    submit_button_label = ""
    # The filing statuses this action starts from. forms.review.actions checks them again.
    allowed_statuses = actions.OPEN_FOR_REVIEW

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        filings = access.reviewable_filings(request.user).select_related("page", "organization", "assigned_to")
        self.filing = get_object_or_404(filings, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin turns PermissionDenied into a redirect to the
        # dashboard, so the view returns a plain 403 instead.
        if not access.can_decide(request.user, self.filing):
            return permission_denied(request, PermissionDenied())
        if self.filing.status not in self.allowed_statuses:
            messages.error(
                request,
                gettext("This cannot be done while the filing's status is “%(status)s”.")
                % {"status": self.filing.get_status_display()},
            )
            return redirect(admin_url("inspect", self.filing))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.filing)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url("index"), "label": capfirst(Filing._meta.verbose_name_plural)},
            {"url": admin_url("inspect", self.filing), "label": str(self.filing)},
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.filing)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "filing": self.filing,
                "service_title": service_title(self.filing),
                "deadline": deadline_text(self.filing),
                "reviewer": person_label(self.filing.assigned_to),
                "action_url": self.request.path,
                "review_url": admin_url("inspect", self.filing),
                "submit_button_label": self.submit_button_label,
                "submit_button_active_label": self.submit_button_label,
            }
        )
        return context

    def form_valid(self, form):
        try:
            success_message = self.perform(form)
        except actions.ActionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, success_message)
        return redirect(admin_url("inspect", self.filing))

    def perform(self, form) -> str:
        """Carry out the action and return the success message; ActionError becomes a form error."""
        raise NotImplementedError


class AssignView(FilingActionView):
    page_title = _("Assign to a reviewer")
    submit_button_label = _("Assign")
    header_icon = "user"
    form_class = AssignForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "reviewers": access.reviewers_for(self.filing)}

    def get_initial(self):
        reviewers = access.reviewers_for(self.filing)
        if self.filing.assigned_to_id:
            return {"reviewer": self.filing.assigned_to_id}
        if reviewers.filter(pk=self.request.user.pk).exists():
            return {"reviewer": self.request.user.pk}
        return {}

    def perform(self, form) -> str:
        reviewer = form.cleaned_data["reviewer"]
        actions.assign(self.filing.pk, reviewer, by=self.request.user, note=form.cleaned_data["note"])
        return gettext("Filing %(reference)s is assigned to %(person)s.") % {
            "reference": self.filing, "person": person_label(reviewer)
        }


class AcceptView(FilingActionView):
    page_title = _("Accept the filing")
    submit_button_label = _("Accept")
    header_icon = "success"
    form_class = AcceptForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "filing": self.filing}

    def perform(self, form) -> str:
        actions.accept(
            self.filing.pk,
            by=self.request.user,
            registration_number=form.cleaned_data["registration_number"],
            registration_date=form.cleaned_data["registration_date"],
            note=form.cleaned_data["note"],
        )
        return gettext("Filing %(reference)s is accepted. The applicant has been notified.") % {
            "reference": self.filing
        }


class RejectView(FilingActionView):
    page_title = _("Reject the filing")
    submit_button_label = _("Reject")
    header_icon = "cross"
    form_class = RejectForm
    # A returned filing that the applicant never corrects is closed by rejecting it.
    allowed_statuses = actions.OPEN_FOR_REJECTION

    def perform(self, form) -> str:
        actions.reject(self.filing.pk, by=self.request.user, reason=form.cleaned_data["reason"])
        return gettext("Filing %(reference)s is rejected. The applicant has been notified.") % {
            "reference": self.filing
        }


class ReturnView(FilingActionView):
    page_title = _("Return for correction")
    submit_button_label = _("Return to the applicant")
    header_icon = "undo"
    form_class = ReturnForm
    template_name = "eservices/admin/review/return_form.html"

    def get_form_kwargs(self):
        sections = review_sections(self.filing)
        answers = {answer.name: answer for section in sections for answer in section["answers"]}
        return {**super().get_form_kwargs(), "definitions": answer_fields(self.filing), "answers": answers}

    def perform(self, form) -> str:
        actions.return_for_correction(
            self.filing.pk, form.flags(), by=self.request.user, note=form.cleaned_data["note"]
        )
        return gettext("Filing %(reference)s is returned for correction. The applicant has been notified.") % {
            "reference": self.filing
        }


# The actions a review page offers, by URL name.
ACTION_VIEWS = {"accept": AcceptView, "return": ReturnView, "reject": RejectView, "assign": AssignView}
