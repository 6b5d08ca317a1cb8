"""Members' pages: the organization's correction requests, the two-step request form, one request and its files.

Every view starts from the person's membership: someone who is not a
member of the organization gets 404, like an organization that does not
exist, so ids reveal nothing. Owners and members have the same rights here.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cms.organizations.membership import membership_of
from cms.organizations.models import Organization

from . import evidence, requests
from .forms import FILING_CHOICE_PREFIX, ChooseSubjectForm, CorrectionForm, filing_choice
from .models import CorrectionEvidence, CorrectionRequest
from .subjects import ORGANIZATION_FIELDS, correctable_filings, filing_target, organization_target, target_of, value_rows

REQUESTS_PER_PAGE = 25


def _organization_for(user, pk) -> Organization:
    organization = get_object_or_404(Organization, pk=pk)
    if membership_of(user, organization) is None:
        raise Http404
    return organization


def _request_for(organization, request_id) -> CorrectionRequest:
    requests_of_organization = CorrectionRequest.objects.select_related("organization", "filing__page", "created_by")
    return get_object_or_404(requests_of_organization, pk=request_id, organization=organization)


@login_required
@require_safe
def request_list(request, pk):
    organization = _organization_for(request.user, pk)
    corrections = (
        CorrectionRequest.objects.filter(organization=organization)
        .select_related("organization", "filing")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(corrections, REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"correction": correction, "subject": target_of(correction).label()} for correction in page]
    return render(request, "corrections/list.html", {"organization": organization, "page": page, "rows": rows})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def choose(request, pk):
    """Step one: choose a register field or a filing's registration, then go to its form."""
    organization = _organization_for(request.user, pk)
    organization_targets = [organization_target(organization, subject) for subject in ORGANIZATION_FIELDS]
    filing_targets = [filing_target(filing) for filing in correctable_filings(organization)]
    form = ChooseSubjectForm(
        request.POST or None, organization_targets=organization_targets, filing_targets=filing_targets
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["subject"]
        if chosen.startswith(FILING_CHOICE_PREFIX):
            return redirect("corrections:new_filing", pk=organization.pk, filing_id=int(chosen.removeprefix(FILING_CHOICE_PREFIX)))
        return redirect("corrections:new", pk=organization.pk, subject=chosen)

    context = {
        "organization": organization,
        "form": form,
        "organization_options": form.options(organization_targets),
        "filing_options": form.options(filing_targets, start=len(organization_targets)),
    }
    return render(request, "corrections/choose.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new(request, pk, subject=None, filing_id=None):
    """Step two: the correct value, the reason and the evidence."""
    organization = _organization_for(request.user, pk)
    if filing_id is not None:
        filing = get_object_or_404(correctable_filings(organization), pk=filing_id)
        target = filing_target(filing)
        choice = filing_choice(filing)
    elif subject in ORGANIZATION_FIELDS:
        target = organization_target(organization, subject)
        choice = subject
    else:
        raise Http404

    pending = evidence.pending_for(organization, request.user)
    if request.method != "POST":
        form = CorrectionForm(target)
        return _render_form(request, form, target, choice)

    form = CorrectionForm(target, request.POST, request.FILES, pending=pending)
    if form.is_valid():
        try:
            correction = requests.submit(
                target,
                form.cleaned_values(),
                form.cleaned_data["reason"],
                by=request.user,
                seen_values=form.current_values,
                kept_files=form.kept_files,
                uploads=form.accepted_uploads,
            )
        except requests.SubmitError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your request No. %(number)s has been sent. The ministry will tell you its decision here and by e-mail.")
                % {"number": correction.pk},
            )
            return redirect("corrections:detail", pk=organization.pk, request_id=correction.pk)

    _keep_files(form, organization, request.user)
    return _render_form(request, form, target, choice)


def _keep_files(form: CorrectionForm, organization, user) -> None:
    """Store the files that passed their checks, so the member need not choose them again.

    Files ticked for removal are deleted. New files are stored only while
    the form stays within the limit on the number of files.
    """
    with transaction.atomic():
        for row in form.removed_files():
            row.delete()
        if "evidence" in form.errors and len(form.kept_files) + len(form.accepted_uploads) > evidence.MAX_FILES:
            return
        for upload in form.accepted_uploads:
            form.kept_files.append(evidence.store(upload, organization, user))
        form.accepted_uploads = []


def _render_form(request, form, target, choice, status=200):
    context = {
        "organization": target.organization,
        "target": target,
        "form": form,
        "value_fields": [form[name] for name in form.value_names],
        "current_rows": value_rows(target, form.current_values),
        "kept_files": form.kept_file_labels(),
        "choice": choice,
        "limits": {"size": evidence.MAX_FILE_SIZE_MB, "count": evidence.MAX_FILES},
    }
    return render(request, "corrections/new.html", context, status=status)


@login_required
@require_safe
def detail(request, pk, request_id):
    organization = _organization_for(request.user, pk)
    correction = _request_for(organization, request_id)
    target = target_of(correction)
    context = {
        "organization": organization,
        "correction": correction,
        "subject": target.label(),
        "rows": value_rows(target, correction.current_values, correction.requested_values),
        "files": correction.evidence.all(),
    }
    return render(request, "corrections/detail.html", context)


@login_required
@require_safe
def download(request, pk, request_id, evidence_id):
    organization = _organization_for(request.user, pk)
    row = get_object_or_404(
        CorrectionEvidence, pk=evidence_id, request_id=request_id, request__organization=organization
    )
    return evidence.file_response(row)
