"""Validation of the filters on the list of acts, shared by the page and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ActStatus, ActType


class ActFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=[("", _("All types")), *ActType.choices], required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *ActStatus.choices], required=False
    )
    year = forms.IntegerField(
        label=_("Year adopted"),
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={
            "invalid": _("Enter a year as four digits, for example 2015."),
            "min_value": _("Enter a year from 1900 to 2100."),
            "max_value": _("Enter a year from 1900 to 2100."),
        },
    )

    def clean(self):
        cleaned = super().clean()
        for name, value in self.data.items():
            if "\x00" in str(value):
                raise forms.ValidationError(_("The value of “%(name)s” contains a NUL character."), params={"name": name})
        return cleaned

    def filter(self, queryset):
        """Apply the valid filters to ``queryset``; call after ``is_valid()``."""
        data = self.cleaned_data
        if data.get("type"):
            queryset = queryset.filter(act_type=data["type"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("year"):
            queryset = queryset.filter(adoption_date__year=data["year"])
        return queryset
