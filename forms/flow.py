"""The applicant's path through an e-service: landing page, start, steps,
check answers and submit, confirmation, print view. A filing returned for
correction is changed on the correction page (forms.correction) instead of
the steps.

Every route but the landing page is for members of the organization that owns
the filing. Anyone else gets 404, never 403, so a guessed filing id reveals
nothing. Signed-out visitors are sent to sign in first.
"""

import functools
from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.organizations.models import Membership

from . import rules, uploads
from .answers import answer_for
from .choice_translation import in_page_language
from .flow_steps import build_step_form, drop_errors_of_empty_fields, save_step, unfinished_steps, validate
from .flow_submit import DeclarationForm, Outcome, submit_filing
from .models import Filing, FilingAction, FilingEvent, FilingStatus
from .models.filings import EDITABLE_STATUSES

# ``?return=check`` on a step: after saving, go back to the check-answers page.
RETURN_PARAMETER = "return"
RETURN_TO_CHECK = "check"


# --- Addresses ----------------------------------------------------------------


def route_url(page, name: str, *args) -> str:
    return page.url + page.reverse_subpage(name, args=args)


def step_url(page, filing, number: int, *, returning: bool = False) -> str:
    url = route_url(page, "step", filing.pk, number)
    return f"{url}?{RETURN_PARAMETER}={RETURN_TO_CHECK}" if returning else url


def continue_url(page, filing, step_count: int) -> str:
    """Return where the applicant carries on: the correction page of a returned filing, else the next step."""
    if filing.status == FilingStatus.RETURNED:
        return route_url(page, "correct", filing.pk)
    return filing.resume_url_on(page, step_count)


def my_applications_url() -> str:
    return reverse("eservices:my_applications")


def with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


# --- Access ---------------------------------------------------------------------


def load_filing(page, user, filing_id: int) -> Filing:
    """Load a filing of this service, in any language, that ``user``'s organization owns, or raise Http404."""
    filings = Filing.objects.for_user(user).filter(page__translation_key=page.translation_key)
    return get_object_or_404(filings.select_related("organization"), pk=filing_id)


def members_only(view):
    """Sign-in first, then load the filing with the membership check, for routes under a filing id."""

    @functools.wraps(view)
    def wrapper(page, request, filing_id, *args):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        filing = load_filing(page, request.user, filing_id)
        return view(page, request, filing, *args)

    return wrapper


# --- Landing page and start -----------------------------------------------------


class StartForm(forms.Form):
    """The choice of the organization that applies: radios, or a hidden field when the person has one."""

    organization = forms.TypedChoiceField(
        label=_("Which organization is applying?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the organization that is applying.")},
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        field.choices = [(member.organization_id, member.organization.name) for member in memberships]
        if len(field.choices) == 1:
            field.widget = forms.HiddenInput()
            field.initial = field.choices[0][0]


def _memberships(user):
    return Membership.objects.filter(user=user).select_related("organization").order_by("organization__name")


def _unfinished_filings(page, user):
    return (
        Filing.objects.for_user(user)
        .filter(page__translation_key=page.translation_key, status__in=EDITABLE_STATUSES)
        .select_related("organization")
        .order_by("-updated_at")
    )


def landing(page, request, start_form=None):
    context = {
        "page": page,
        "login_url": with_next(reverse("account_login"), request.path),
        "signup_url": with_next(reverse("account_signup"), request.path),
    }
    if request.user.is_authenticated:
        memberships = list(_memberships(request.user))
        step_count = len(page.get_steps())
        context["memberships"] = memberships
        context["start_url"] = route_url(page, "start")
        context["has_steps"] = step_count > 0
        context["start_form"] = start_form or StartForm(memberships=memberships)
        context["drafts"] = [
            (filing, continue_url(page, filing, step_count)) for filing in _unfinished_filings(page, request.user)
        ]
    return page.render_page(request, "eservices/service_page.html", context)


def start(page, request):
    if request.method != "POST":
        # Reached by a language switch or a bookmark: the choice is on the landing page.
        return redirect(page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)

    if not page.get_steps():
        raise Http404

    memberships = list(_memberships(request.user))
    form = StartForm(request.POST, memberships=memberships)
    if not form.is_valid():
        if request.POST.get("organization"):
            # An id that is not one of the person's organizations: tampered or foreign.
            raise Http404
        return landing(page, request, start_form=form)

    membership = next(member for member in memberships if member.organization_id == form.cleaned_data["organization"])
    filing = _just_started(page, membership.organization, request.user) or _create_filing(
        page, membership.organization, request.user
    )
    return redirect(step_url(page, filing, 1))


# A second "Start now" this soon after the first, with nothing answered yet,
# is a double click: it opens the draft the first one made.
DOUBLE_CLICK_WINDOW = timedelta(seconds=30)


def _just_started(page, organization, user) -> Filing | None:
    return (
        Filing.objects.filter(
            page=page,
            organization=organization,
            created_by=user,
            status=FilingStatus.DRAFT,
            completed_step=0,
            form_data={},
            created_at__gte=timezone.now() - DOUBLE_CLICK_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def _create_filing(page, organization, user) -> Filing:
    filing = Filing.objects.create(
        page=page, organization=organization, status=FilingStatus.DRAFT, created_by=user, updated_by=user
    )
    FilingEvent.objects.create(
        filing=filing, user=user, action=FilingAction.STARTED, to_status=FilingStatus.DRAFT
    )
    return filing


# --- Steps ------------------------------------------------------------------------


@members_only
def step(page, request, filing, number):
    if not filing.is_editable:
        return redirect(route_url(page, "confirmation", filing.pk))
    if filing.status == FilingStatus.RETURNED:
        # Only the flagged answers may change, and only the correction page offers them.
        return redirect(route_url(page, "correct", filing.pk))

    steps = page.get_steps()
    if not 1 <= number <= len(steps):
        raise Http404
    if number > filing.completed_step + 1:
        return redirect(step_url(page, filing, min(filing.completed_step + 1, len(steps))))

    current = steps[number - 1]
    returning = request.GET.get(RETURN_PARAMETER) == RETURN_TO_CHECK
    if request.method == "POST":
        return _post_step(page, request, filing, steps, current, returning)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return _render_step(page, request, filing, steps, build_step_form(page, current, filing), returning)


def _post_step(page, request, filing, steps, current, returning):
    step_form = build_step_form(page, current, filing, data=request.POST, files=request.FILES)
    saving_for_later = "save_and_exit" in request.POST
    valid = validate(step_form)
    if saving_for_later:
        drop_errors_of_empty_fields(step_form.form)

    # Valid answers are kept even when others are wrong, so a dropped
    # connection or a closed tab after a partial answer loses nothing.
    if not save_step(step_form, request.user, complete=valid):
        return redirect(route_url(page, "confirmation", filing.pk))

    if step_form.form.errors:
        return _render_step(page, request, filing, steps, step_form, returning)
    if saving_for_later:
        messages.success(
            request, _("Your answers have been saved. You can come back and finish the application later.")
        )
        return redirect(my_applications_url())
    if returning or current.number == len(steps):
        return redirect(route_url(page, "check_answers", filing.pk))
    return redirect(step_url(page, filing, current.number + 1))


def _render_step(page, request, filing, steps, step_form, returning):
    current = step_form.step
    if returning:
        back_url = route_url(page, "check_answers", filing.pk)
    elif current.number > 1:
        back_url = step_url(page, filing, current.number - 1)
    else:
        back_url = page.url
    context = {
        "filing": filing,
        "step": current,
        "step_count": len(steps),
        "step_title": current.title or page.title,
        "step_form": step_form,
        "form": step_form.form,
        "back_url": back_url,
        "action_url": step_url(page, filing, current.number, returning=returning),
    }
    return page.render_page(request, "eservices/step.html", context)


# --- Check answers and submit -------------------------------------------------------


@members_only
def check_answers(page, request, filing):
    if not filing.is_editable:
        return redirect(route_url(page, "confirmation", filing.pk))
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])

    data = request.POST if request.method == "POST" else None
    declaration = DeclarationForm(data, declaration=page.declaration_text)
    if request.method == "POST" and declaration.is_valid():
        outcome = submit_filing(page, filing.pk, request.user)
        if outcome is not Outcome.UNFINISHED:
            return redirect(route_url(page, "confirmation", filing.pk))
        messages.error(request, _("Some answers are missing. Complete the steps listed below, then submit."))
        declaration = DeclarationForm(declaration=page.declaration_text)

    steps = page.get_steps()
    context = {
        "filing": filing,
        "sections": answer_sections(page, filing, steps, change_links=True),
        "unfinished": [
            (unfinished, step_url(page, filing, unfinished.number))
            for unfinished in unfinished_steps(page, steps, filing)
        ],
        "declaration": declaration,
        "warnings": rules.deadline_warnings(page, filing.form_data) + rules.earlier_reference_warnings(page, filing),
        "back_url": step_url(page, filing, len(steps)) if steps else page.url,
    }
    if filing.status == FilingStatus.RETURNED:
        # Imported here because forms.correction builds on this module.
        from .correction import check_answers_context

        context.update(check_answers_context(page, steps, filing, context["sections"], context["unfinished"]))
    return page.render_page(request, "eservices/check_answers.html", context)


def answer_sections(page, filing, steps, *, change_links: bool) -> list[dict]:
    """Per step: its title, its answers and the link to change them."""
    files_by_id = {row.pk: row for row in filing.files.all()}
    stored = in_page_language(page, filing.form_data)
    sections = []
    for current in steps:
        answers = [
            answer_for(definition, stored, files_by_id, uploads.download_url) for definition in current.fields
        ]
        sections.append(
            {
                "step": current,
                "title": current.title or page.title,
                "answers": answers,
                "change_url": step_url(page, filing, current.number, returning=True) if change_links else "",
            }
        )
    return sections


# --- After submitting ----------------------------------------------------------------


@members_only
def confirmation(page, request, filing):
    if filing.is_editable:
        return redirect(route_url(page, "check_answers", filing.pk))
    context = {
        "filing": filing,
        "print_url": route_url(page, "print_view", filing.pk),
        "my_applications_url": my_applications_url(),
    }
    return page.render_page(request, "eservices/confirmation.html", context)


@members_only
def print_view(page, request, filing):
    steps = page.get_steps()
    if filing.is_editable:
        back_url = filing.resume_url_on(page, len(steps))
    else:
        back_url = route_url(page, "confirmation", filing.pk)
    context = {
        "filing": filing,
        "sections": answer_sections(page, filing, steps, change_links=False),
        "back_url": back_url,
    }
    return page.render_page(request, "eservices/print.html", context)
