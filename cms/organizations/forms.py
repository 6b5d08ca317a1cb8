"""Forms applicants fill in about their organization and its members."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.accounts.emails import fold_email, validate_deliverable

from .choices import LegalForm, Role
from .models import Organization
from .validators import normalise_phone, normalise_voen


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "legal_form",
            "voen",
            "registration_number",
            "registration_date",
            "legal_address",
            "region",
            "phone",
            "email",
        ]
        widgets = {
            "legal_form": forms.RadioSelect,
            "registration_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "voen": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "legal_address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }

    # The organization on the ministry's register whose VÖEN or number was typed, if any.
    registered_match = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        # People type "1400 057 421" and "050 123 45 67"; the clean_ methods
        # normalise them and the model's validators then check the result.
        for name, typed_length in (("voen", 20), ("phone", 25)):
            field = self.fields[name]
            field.max_length = typed_length
            field.widget.attrs["maxlength"] = str(typed_length)
            field.validators = [v for v in field.validators if not hasattr(v, "limit_value")]

        # The model allows empty contacts for organizations imported from the
        # state register, but applicants and staff who fill in this form give both.
        for name in ("phone", "email"):
            self.fields[name].required = True

        self.fields["legal_form"].choices = LegalForm.choices
        self.fields["region"].choices = [("", _("Choose a region"))] + list(self.fields["region"].choices)[1:]

    def clean_name(self):
        # A name is one line of visible text: line breaks would inject lines
        # into e-mails, and direction overrides would disguise it.
        name = self.cleaned_data["name"]
        visible = "".join(
            " " if char.isspace() else char for char in name if char.isspace() or unicodedata.category(char)[0] != "C"
        )
        return " ".join(visible.split())

    def clean_voen(self):
        voen = normalise_voen(self.cleaned_data["voen"])
        taken = Organization.objects.filter(voen=voen).exclude(pk=self.instance.pk)
        if voen and taken.filter(register_status__gt="").exists():
            raise self.on_register_error(taken.get())
        if voen and taken.exists():
            raise forms.ValidationError(
                _(
                    "An organization with this VÖEN already has an account on the site. Ask one of its "
                    "owners to invite you; if none of them can, the ministry can restore access."
                ),
                code="unique",
            )
        return voen

    def clean_registration_number(self):
        number = self.cleaned_data["registration_number"].strip()
        taken = Organization.objects.filter(registration_number=number, register_status__gt="").exclude(pk=self.instance.pk)
        if number and taken.exists():
            raise self.on_register_error(taken.get())
        return number

    def on_register_error(self, organization) -> forms.ValidationError:
        """Return the error for a number of an organization already on the ministry's register.

        The template links to the claim page of ``registered_match``: a link
        inside the message would be nested in the error summary's own link.
        """
        self.registered_match = organization
        return forms.ValidationError(
            _("This organization is already on the ministry's register, so it cannot be added again. Claim it instead."),
            code="on_register",
        )

    def clean(self):
        cleaned_data = super().clean()
        registered = cleaned_data.get("registration_number") or cleaned_data.get("registration_date")
        if registered and not cleaned_data.get("voen") and "voen" not in self.errors:
            self.add_error("voen", _("A registered organization has a VÖEN. Enter it."))
        return cleaned_data

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_email(self):
        email = fold_email(self.cleaned_data["email"])
        validate_deliverable(email)
        return email


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person to invite"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.MEMBER,
        widget=forms.RadioSelect,
        help_text=_("Owners can invite and remove members and change the organization's details."),
    )

    def clean_email(self):
        email = fold_email(self.cleaned_data["email"])
        validate_deliverable(email)
        return email
