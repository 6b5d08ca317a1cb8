"""'My applications': every filing of every organization the person belongs
to, and one filing's status, decision, corrections to make and history."""

from dataclasses import dataclass
from datetime import datetime

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

from .correction import correction_notes, correction_url, correction_url_for, field_labels, open_corrections
from .models import Filing, FilingAction, FilingStatus
from .satisfaction import satisfaction_context
from .uploads import referenced_file_ids

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
    for filing in page:
        # The page iterates the same cached objects, so the template finds the address on each.
        filing.correction_url = correction_url_for(filing) if filing.status == FilingStatus.RETURNED else ""
    context = {"form": form, "filings_page": page, "organizations": organizations}
    return render(request, "eservices/my_applications.html", context)


@login_required
@require_safe
def filing_detail(request, filing_id):
    filing = get_object_or_404(
        Filing.objects.for_user(request.user).select_related("page", "organization", "created_by"), pk=filing_id
    )
    return render_filing_detail(request, filing)


def render_filing_detail(request, filing, *, satisfaction_form=None):
    """Render a filing's status page; ``satisfaction_form`` is a bound form to show again with its errors."""
    page = filing.page.localized.specific
    days_left = filing.days_left()
    context = {
        "filing": filing,
        "history": history(filing),
        "files": current_files(filing),
        "days_left": days_left,
        "days_late": -days_left if days_left is not None and days_left < 0 else 0,
        "decision_note": "",
        "corrections": [],
        "correction_url": "",
        **satisfaction_context(filing, request.user, satisfaction_form),
    }
    if filing.is_decided:
        context["decision_note"] = last_note(filing, DECISION_ACTIONS[filing.status])
    if filing.status == FilingStatus.RETURNED:
        context["corrections"] = correction_notes(open_corrections(filing), field_labels(page))
        context["correction_url"] = correction_url(page, filing)
        context["return_note"] = last_note(filing, FilingAction.RETURNED)
    return render(request, "eservices/filing_detail.html", context)


# The event whose note explains each decision: for a rejection, the reason.
DECISION_ACTIONS = {FilingStatus.ACCEPTED: FilingAction.ACCEPTED, FilingStatus.REJECTED: FilingAction.REJECTED}

# Actions taken by the ministry. The applicant's history names the ministry
# for them, not the member of staff.
MINISTRY_ACTIONS = {
    FilingAction.ASSIGNED,
    FilingAction.ACCEPTED,
    FilingAction.RETURNED,
    FilingAction.REJECTED,
    FilingAction.RECORD_CORRECTED,
}


@dataclass
class HistoryEntry:
    """One line of the filing's history as the applicant reads it."""

    time: datetime
    label: str
    actor: str
    note: str


def history(filing) -> list[HistoryEntry]:
    entries = []
    for event in filing.events.select_related("user"):
        if event.action in MINISTRY_ACTIONS:
            actor = _("Ministry of Justice")
        else:
            actor = event.user.email if event.user else ""
        label = event.get_action_display() if event.action else event.get_to_status_display()
        entries.append(HistoryEntry(time=event.time, label=label, actor=actor, note=event.note))
    return entries


def last_note(filing, action: str) -> str:
    event = filing.events.filter(action=action).order_by("-time", "-pk").first()
    return event.note if event else ""


def current_files(filing):
    """Return the documents the answers point at now, without earlier versions kept for the ministry."""
    return filing.files.filter(pk__in=referenced_file_ids(filing.form_data))


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
