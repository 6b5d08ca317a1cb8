"""The claimant's pages: find an organization, start a claim, prove it by code or documents.

A claim's pages are served only to its claimant; anyone else gets 404, so
claim ids reveal nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cms.organizations.models import Membership, Organization

from . import actions, codes, downloads, rules
from .errors import ClaimError
from .forms import DOCUMENT_MAX_SIZE_MB, CodeForm, DocumentsForm, FindForm
from .models import Claim, ClaimDocument, ClaimStatus, DocumentKind

CODE_MINUTES = int(codes.CODE_LIFETIME.total_seconds() // 60)


def _own_claim(user, pk) -> Claim:
    return get_object_or_404(Claim.objects.select_related("organization"), pk=pk, claimant=user)


# --- Finding and starting ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    """Find an organization by number (or ?organization=<pk> from a link), show its register data, start a claim."""
    if request.method == "POST":
        return _start_claim(request)

    searched = any(key in request.GET for key in ("number", "organization"))
    form = FindForm(request.GET if searched else None)
    organization = form.cleaned_data["found"] if searched and form.is_valid() else None
    return render(request, "claims/start.html", _start_context(request.user, form, organization))


def _start_claim(request):
    form = FindForm({"organization": request.POST.get("organization", "")})
    if not form.is_valid():
        return render(request, "claims/start.html", _start_context(request.user, form, None), status=400)

    organization = form.cleaned_data["found"]
    try:
        claim = actions.start_claim(organization, request.user)
    except ClaimError as refused:
        context = _start_context(request.user, FindForm(), organization)
        context["error"] = refused.messages[0]
        return render(request, "claims/start.html", context, status=400)
    return redirect("claims:detail", pk=claim.pk)


def _start_context(user, form, organization: Organization | None) -> dict:
    context = {"form": form, "organization": organization}
    if organization is None:
        return context
    context.update(
        {
            "refusal": rules.claim_refusal(organization),
            "membership": Membership.objects.filter(organization=organization, user=user).first(),
            "open_claim": Claim.objects.open().filter(organization=organization, claimant=user).first(),
            "masked_email": rules.mask_email(organization.email) if organization.email else "",
        }
    )
    return context


# --- A claim's page ------------------------------------------------------------------


@login_required
@require_safe
def detail(request, pk):
    claim = _own_claim(request.user, pk)
    context = {"claim": claim, "organization": claim.organization}
    if claim.status == ClaimStatus.OPEN:
        closed = rules.code_route_closed(claim)
        code = actions.latest_code(claim)
        context.update(
            {
                "code_route_closed": rules.CODE_ROUTE_CLOSED[closed] if closed else "",
                "masked_email": rules.mask_email(claim.organization.email) if claim.organization.email else "",
                "live_code": code if code is not None and code.is_live else None,
                "code_minutes": CODE_MINUTES,
            }
        )
    context["documents"] = list(claim.documents.all())
    return render(request, "claims/detail.html", context)


# --- The e-mail code route --------------------------------------------------------------


@login_required
@require_POST
def send_code(request, pk):
    claim = _own_claim(request.user, pk)
    try:
        code = actions.send_code(claim, request.user)
    except ClaimError as refused:
        messages.error(request, refused.messages[0])
        # Back to the page the button was on: the claim's page or the code page.
        back = "claims:code" if request.POST.get("from_page") == "code" else "claims:detail"
        return redirect(back, pk=claim.pk)
    messages.success(
        request,
        _("We have sent a code to %(address)s. It works for %(minutes)d minutes.")
        % {"address": rules.mask_email(code.sent_to), "minutes": CODE_MINUTES},
    )
    return redirect("claims:code", pk=claim.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def enter_code(request, pk):
    claim = _own_claim(request.user, pk)
    if claim.status == ClaimStatus.COMPLETED:
        return redirect("organizations:detail", pk=claim.organization_id)
    if claim.status != ClaimStatus.OPEN:
        return redirect("claims:detail", pk=claim.pk)

    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = actions.enter_code(claim, request.user, form.cleaned_data["code"])
        if result.outcome == actions.COMPLETED:
            messages.success(
                request, _("You are now the owner of %(name)s on the site.") % {"name": claim.organization.name}
            )
            if not claim.organization.phone:
                messages.info(
                    request, _("The register gives no contact phone for the organization. Add one under “Change the details”.")
                )
            return redirect("organizations:detail", pk=claim.organization_id)
        if result.outcome in (actions.TAKEN, actions.CLOSED):
            messages.error(request, _code_error(result))
            return redirect("claims:detail", pk=claim.pk)
        form.add_error("code", _code_error(result))

    code = actions.latest_code(claim)
    if request.method != "POST" and (code is None or not code.is_live) and rules.code_route_closed(claim):
        # No code can be sent, so the claim's page explains why and offers the documents route.
        return redirect("claims:detail", pk=claim.pk)
    context = {
        "claim": claim,
        "organization": claim.organization,
        "form": form,
        "code": code,
        "masked_email": rules.mask_email(code.sent_to if code else claim.organization.email),
        # With no code that still works, the page leads with "Send a new code".
        "needs_new_code": code is None or not code.is_live,
        "code_minutes": CODE_MINUTES,
    }
    return render(request, "claims/code.html", context)


def _code_error(result: actions.CodeResult) -> str:
    if result.outcome == actions.WRONG:
        return ngettext(
            "The code is not correct. You have %(count)d more attempt with this code.",
            "The code is not correct. You have %(count)d more attempts with this code.",
            result.attempts_left,
        ) % {"count": result.attempts_left}
    if result.outcome == actions.VOID:
        return _(
            "The code is not correct. It was entered wrongly %(count)d times, so it no longer works. Send a new code."
        ) % {"count": codes.MAX_ATTEMPTS}
    if result.outcome == actions.EXPIRED:
        return _("The code has expired: a code works for %(minutes)d minutes. Send a new code.") % {
            "minutes": CODE_MINUTES
        }
    if result.outcome == actions.TAKEN:
        return _(
            "Someone else has become a member of this organization since the code was sent, so the code no longer "
            "works. Send documents to the ministry instead."
        )
    if result.outcome == actions.CLOSED:
        return _("This claim is no longer in progress.")
    return _("There is no code waiting for this claim. Send a new code.")


# --- The documents route -------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def documents(request, pk):
    claim = _own_claim(request.user, pk)
    if claim.status != ClaimStatus.OPEN:
        return redirect("claims:detail", pk=claim.pk)

    stored = {document.kind: document for document in claim.documents.all()}
    posted = request.method == "POST"
    form = DocumentsForm(request.POST if posted else None, request.FILES if posted else None, documents=stored)
    if posted:
        valid = form.is_valid()
        try:
            # Every file that passed its checks is kept, even when another
            # field has an error, so the claimant never uploads it twice.
            for kind in DocumentKind.values:
                upload = form.cleaned_data.get(kind)
                if isinstance(upload, UploadedFile):
                    stored[kind] = actions.store_document(claim, kind, upload, request.user)
            form.show_documents(stored)
            if valid:
                actions.submit_documents(claim, request.user, form.cleaned_data["note"])
                messages.success(
                    request,
                    _("Your claim on %(name)s has been sent to the ministry.") % {"name": claim.organization.name},
                )
                return redirect("claims:detail", pk=claim.pk)
        except ClaimError as refused:
            form.add_error(None, refused)

    context = {"claim": claim, "organization": claim.organization, "form": form, "max_size_mb": DOCUMENT_MAX_SIZE_MB}
    return render(request, "claims/documents.html", context)


@login_required
@require_safe
def document(request, pk, document_id):
    claim = _own_claim(request.user, pk)
    row = get_object_or_404(ClaimDocument, pk=document_id, claim=claim)
    return downloads.serve(row)


# --- Cancelling ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, pk):
    claim = _own_claim(request.user, pk)
    if not claim.is_open:
        return redirect("claims:detail", pk=claim.pk)
    if request.method == "POST":
        try:
            actions.cancel(claim, request.user)
        except ClaimError as refused:
            messages.error(request, refused.messages[0])
            return redirect("claims:detail", pk=claim.pk)
        messages.success(request, _("Your claim on %(name)s has been cancelled.") % {"name": claim.organization.name})
        return redirect("accounts:home")
    return render(request, "claims/cancel.html", {"claim": claim, "organization": claim.organization})
