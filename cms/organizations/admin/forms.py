"""Forms staff fill in about an organization in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from cms.accounts.emails import fold_email, validate_deliverable

from ..choices import LegalForm
from ..forms import OrganizationForm
from ..membership import INVITATION_LIFETIME
from ..models import Organization


class OrganizationAdminForm(OrganizationForm, WagtailAdminModelForm):
    """The applicants' form with its VÖEN, phone and e-mail normalisation, for staff."""

    class Meta(OrganizationForm.Meta):
        widgets = {**OrganizationForm.Meta.widgets, "registration_date": AdminDateInput}
        # The applicants' message about a taken VÖEN directs them to the
        # ministry, so staff get Django's plain "already exists" instead.
        error_messages = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The field is required, so the radio list needs no "---------" choice.
        self.fields["legal_form"].choices = LegalForm.choices
        # Organizations imported from the state register have no contacts
        # until someone claims them; staff may edit them without inventing any.
        self.fields["phone"].required = False
        self.fields["email"].required = False

    def clean_registration_number(self):
        # The model's conditional unique constraint reports only its own name,
        # so the duplicate is caught here with a message staff can act on.
        number = self.cleaned_data["registration_number"].strip()
        duplicates = Organization.objects.filter(registration_number=number).exclude(pk=self.instance.pk)
        if number and duplicates.exists():
            raise forms.ValidationError(
                _("Another organization already has this state registration number."),
                code="unique",
            )
        return number


class VerifyForm(forms.Form):
    note = forms.CharField(
        label=_("What was checked"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the number and date of the extract from the state register of legal entities."),
    )


class WithdrawVerificationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Why the record no longer matches the state register, for example a court decision or liquidation."
        ),
    )


class RestoreAccessForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the new owner"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    identity_check = forms.CharField(
        label=_("Identity check performed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The identity document seen (type and number) and how the person proved they may act for the "
            "organization, for example “ID card AZE12345678, charter and minutes of the general meeting "
            "of 2026-11-30”."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "An invitation to become an owner is sent to this address. It is valid for %(days)d days."
        ) % {"days": INVITATION_LIFETIME.days}

    def clean_email(self):
        email = fold_email(self.cleaned_data["email"])
        validate_deliverable(email)
        return email
