"""Builds the Django form of an e-service step from the editor's fields."""

from django import forms
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from . import formfields
from .choices_text import split_choices
from .field_types import LAYOUT_TYPES


class ServiceFormBuilder(FormBuilder):
    def get_formatted_field_choices(self, field):
        return [(choice, choice) for choice in split_choices(field.choices)]

    def get_formatted_field_initial(self, field):
        return split_choices(field.default_value)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        # Editors' help text is shown as text, never as HTML.
        options["help_text"] = conditional_escape(field.help_text)
        return options

    @property
    def formfields(self):
        # Wagtail's loop, minus the layout-only types, which make no field.
        fields = {}
        for field in self.fields:
            if field.field_type in LAYOUT_TYPES:
                continue
            options = self.get_field_options(field)
            create = self.get_create_field_function(field.field_type)
            fields[field.clean_name or field.get_field_clean_name()] = create(field, options)
        return fields

    def create_singleline_field(self, field, options):
        options["max_length"] = 500
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = 10_000
        options.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        return forms.CharField(**options)

    def create_date_field(self, field, options):
        options.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        return formfields.BoundedDateField(**options)

    def create_dropdown_field(self, field, options):
        # A select with no empty first option answers itself when left alone.
        options["choices"] = [("", _("Choose one"))] + self.get_formatted_field_choices(field)
        return forms.ChoiceField(**options)

    def create_voen_field(self, field, options):
        return formfields.VoenField(**options)

    def create_phone_field(self, field, options):
        return formfields.PhoneField(**options)

    def create_country_field(self, field, options):
        options.pop("initial", None)
        return formfields.CountryField(**options)

    def create_money_field(self, field, options):
        options.pop("initial", None)
        return formfields.MoneyField(**options)

    def create_daterange_field(self, field, options):
        options.pop("initial", None)
        return formfields.DateRangeField(**options)

    def create_declaration_field(self, field, options):
        options.pop("initial", None)
        options.pop("required", None)
        return formfields.DeclarationField(**options)

    def create_file_field(self, field, options):
        from .uploads import UploadField

        options.pop("initial", None)
        return UploadField(allowed_types=field.file_types, max_size_mb=field.max_file_size_mb, **options)

