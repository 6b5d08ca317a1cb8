"""The satisfaction question on a decided filing's page: 0 to 10 and an
optional comment, once per member and filing.

The first answer counts. A second POST by the same person (a double click,
a second tab, the back button) saves nothing and thanks them again: a score
given right after reading the decision is the one the ministry needs, and
keeping one row per person keeps the figures honest.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .models import Filing, SatisfactionResponse

MAX_SCORE = 10
MAX_COMMENT_LENGTH = 2000
SCORE_ERROR = _("Choose a number from 0 to 10")


class SatisfactionForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with how the ministry handled this application?"),
        help_text=_("0 = not at all satisfied, 10 = extremely satisfied"),
        choices=[(number, str(number)) for number in range(MAX_SCORE + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": SCORE_ERROR, "invalid_choice": SCORE_ERROR},
    )
    comment = forms.CharField(
        label=_("Tell us why"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Do not include personal details. The ministry reads this to improve its e-services."),
    )


def has_answered(filing: Filing, user) -> bool:
    return SatisfactionResponse.objects.filter(filing=filing, user=user).exists()


def satisfaction_context(filing: Filing, user, form: SatisfactionForm | None = None) -> dict:
    """Return what the filing page needs: the question, or the thanks of someone who answered."""
    if not filing.is_decided:
        return {"satisfaction_form": None, "satisfaction_answered": False}
    answered = has_answered(filing, user)
    return {
        "satisfaction_form": None if answered else form or SatisfactionForm(),
        "satisfaction_answered": answered,
    }


def save_answer(filing: Filing, user, score: int, comment: str) -> bool:
    """Save the person's first answer for ``filing``; return False when they had answered already.

    Of two POSTs at once, the unique constraint lets one insert, and
    get_or_create returns the other the row that won.
    """
    _response, created = SatisfactionResponse.objects.get_or_create(
        filing=filing, user=user, defaults={"score": score, "comment": comment}
    )
    return created


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, filing_id):
    filing = get_object_or_404(
        Filing.objects.for_user(request.user).select_related("page", "organization", "created_by"), pk=filing_id
    )
    detail_url = reverse("eservices:filing_detail", args=[filing.pk])
    if request.method != "POST":
        return redirect(f"{detail_url}#satisfaction")
    if not filing.is_decided:
        messages.error(request, _("You can answer this question once the ministry has decided on the application."))
        return redirect(detail_url)

    form = SatisfactionForm(request.POST)
    if not form.is_valid():
        # Imported here because forms.applications imports this module.
        from .applications import render_filing_detail

        return render_filing_detail(request, filing, satisfaction_form=form)

    if save_answer(filing, request.user, form.cleaned_data["score"], form.cleaned_data["comment"]):
        messages.success(request, _("Thank you for your answer."))
    else:
        messages.success(request, _("You have already answered. Thank you."))
    return redirect(f"{detail_url}#satisfaction")
