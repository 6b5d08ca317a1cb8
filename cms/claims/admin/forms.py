"""The forms staff fill in to approve or refuse a claim."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.organizations.choices import Role

MAX_TEXT_LENGTH = 2000


class ApproveForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role on the site"),
        choices=Role.choices,
        initial=Role.MEMBER,
        widget=forms.RadioSelect,
        help_text=_(
            "The organization already has owners, who are told of your decision. Owners can invite and remove "
            "members and change the organization's details."
        ),
    )
    note = forms.CharField(
        label=_("Note to the claimant"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, has_owners: bool, **kwargs):
        super().__init__(*args, **kwargs)
        # The first person on an organization is always its owner: there is no choice to make.
        if not has_owners:
            del self.fields["role"]


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the refusal"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The claimant reads this. Say which document is missing or does not match the register."),
        error_messages={"required": _("Give the reason for the refusal.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the refusal."), code="required")
        return reason
