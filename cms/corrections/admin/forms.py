"""The forms staff fill in to accept or reject a correction request."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_TEXT_LENGTH = 2000


class AcceptForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the organization"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. The members read it with the decision."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The members read this. Say what the documents did not show, or what else the ministry needs."),
        error_messages={"required": _("Give the reason for the rejection.")},
    )
