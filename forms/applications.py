"""'My applications': every filing of every organization the person belongs
to, and one filing's status and history."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from cms.organizations import audit
from cms.organizations.models import Organization

from .models import Filing, FilingStatus

PER_PAGE = 25


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Reference number"),
        required=False,
        max_length=30,
        help_text=_("For example QR-2026-000123, or part of it"),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any status"))] + FilingStatus.choices)
    organization = forms.TypedChoiceField(label=_("Organization"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [("", _("All your organizations"))] + [
            (organization.pk, organization.name) for organization in organizations
        ]

    def clean_q(self):
        # NUL bytes and the like cannot be in a reference; drop them rather than fail.
        return "".join(char for char in self.cleaned_data["q"] if char.isprintable()).strip()

    def filter(self, filings):
        data = self.cleaned_data
        if data.get("q"):
            filings = filings.filter(reference__icontains=data["q"])
        if data.get("status"):
            filings = filings.filter(status=data["status"])
        if data.get("organization"):
            filings = filings.filter(organization_id=data["organization"])
        return filings


@login_required
@require_safe
def my_applications(request):
    organizations = Organization.objects.filter(memberships__user=request.user).order_by("name")
    filings = (
        Filing.objects.for_user(request.user)
        .select_related("page", "organization")
        .order_by("-updated_at")
    )
    form = ApplicationFilterForm(request.GET or None, organizations=organizations)
    if form.is_bound:
        filings = form.filter(filings) if form.is_valid() else filings.none()

    page = Paginator(filings, PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "filings_page": page, "organizations": organizations}
    return render(request, "eservices/my_applications.html", context)


@login_required
@require_safe
def filing_detail(request, filing_id):
    filing = get_object_or_404(
        Filing.objects.for_user(request.user).select_related("page", "organization", "created_by"), pk=filing_id
    )
    context = {
        "filing": filing,
        "events": filing.events.select_related("user"),
        "files": filing.files.all(),
    }
    return render(request, "eservices/filing_detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_draft(request, filing_id):
    """Confirm, then delete a draft nobody has submitted; submitted filings stay for good."""
    filing = get_object_or_404(
        Filing.objects.for_user(request.user).select_related("page", "organization"),
        pk=filing_id,
        status=FilingStatus.DRAFT,
    )
    if request.method == "POST":
        title = filing.page.localized.title
        with transaction.atomic():
            audit.record(filing.organization, "organizations.draft_deleted", request.user, service=title)
            filing.delete()
        messages.success(request, _("The draft application has been deleted."))
        return redirect("eservices:my_applications")
    return render(request, "eservices/delete_draft.html", {"filing": filing})
