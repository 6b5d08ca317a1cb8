"""Render form fields the GOV.UK way: label, hint, error, then the control,
with the control pointing at its hint and error for screen readers."""

from django import forms, template

register = template.Library()

CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def hint_id(field) -> str:
    # Django itself points a control with help text at "<id>_helptext".
    return f"{field.auto_id}_helptext"


def error_id(field) -> str:
    return f"{field.auto_id}_error"


@register.filter
def is_choice_group(field) -> bool:
    return isinstance(field.field.widget, CHOICE_WIDGETS)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def control(field):
    """Render the field's widget with classes and ARIA attributes for its state."""
    widget = field.field.widget
    attrs = {}
    described_by = []
    if field.help_text:
        described_by.append(hint_id(field))
    if field.errors:
        described_by.append(error_id(field))
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)

    if isinstance(widget, forms.Select) and not isinstance(widget, CHOICE_WIDGETS):
        attrs["class"] = "select"
    elif not isinstance(widget, (forms.CheckboxInput, *CHOICE_WIDGETS)):
        attrs["class"] = "input"
    if field.errors and "class" in attrs:
        attrs["class"] += " input--error"
    return field.as_widget(attrs=attrs)


@register.filter
def field_hint_id(field) -> str:
    return hint_id(field)


@register.filter
def field_error_id(field) -> str:
    return error_id(field)
