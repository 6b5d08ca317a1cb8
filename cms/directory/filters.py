"""The directory's search and filters, shared by the page, its export and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.organizations.choices import REGIONS, LegalForm, RegisterStatus, Sphere

from .terms import filter_by_text

MAX_QUERY_LENGTH = 200


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name, VÖEN or registration number"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("You can type without Azerbaijani letters, for example “sehiyye” for “Səhiyyə”."),
        error_messages={
            "max_length": _("Enter at most %(limit_value)d characters to search for."),
            "null_characters_not_allowed": _("The search contains a NUL character. Remove it and try again."),
        },
    )
    sphere = forms.ChoiceField(
        label=_("Sphere of activity"),
        required=False,
        choices=[("", _("All spheres")), *Sphere.choices],
        error_messages={"invalid_choice": _("Choose a sphere of activity from the list.")},
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=[("", _("All regions")), *REGIONS],
        error_messages={"invalid_choice": _("Choose a region from the list.")},
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        required=False,
        choices=[("", _("All legal forms")), *LegalForm.choices],
        error_messages={"invalid_choice": _("Choose a legal form from the list.")},
    )
    status = forms.ChoiceField(
        label=_("Status in the register"),
        required=False,
        choices=[("", _("Any status")), *RegisterStatus.choices],
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )

    @property
    def is_filtered(self) -> bool:
        """Tell whether the valid form narrows the list at all."""
        return any(self.cleaned_data.get(name) for name in self.fields)

    def filter(self, queryset):
        """Apply the search and the filters to ``queryset``; call after ``is_valid()``."""
        data = self.cleaned_data
        if data.get("sphere"):
            queryset = queryset.filter(sphere=data["sphere"])
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        if data.get("legal_form"):
            queryset = queryset.filter(legal_form=data["legal_form"])
        if data.get("status"):
            queryset = queryset.filter(register_status=data["status"])
        if data.get("q", "").strip():
            queryset = filter_by_text(queryset, data["q"])
        return queryset
