"""One step of an e-service form: building it, binding it to what the
applicant posted or stored, and saving its answers into the filing.

File fields follow forms.uploads: the stored file is the field's initial
value (so an empty file input keeps it and the field asks for no new upload),
and earlier uploads of the filing are offered as a reuse choice.
"""

from dataclasses import dataclass

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.datastructures import MultiValueDict
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import rules, uploads
from .answers import as_form_data, is_file_answer, to_stored
from .choice_translation import in_page_language
from .models import Filing

FILE_TYPE = "file"
EMPTY_VALUES = (None, "", [], (), {}, False)


@dataclass
class StepForm:
    """The Django form of one step, with the filing it belongs to."""

    page: object
    step: object
    filing: Filing
    form: forms.Form

    @cached_property
    def definitions(self) -> dict:
        """The editor's field rows of this step, by clean_name."""
        return {definition.clean_name: definition for definition in self.step.fields}

    @cached_property
    def file_names(self) -> list[str]:
        return [name for name, definition in self.definitions.items() if definition.field_type == FILE_TYPE]

    @property
    def items(self) -> list["FieldItem"]:
        """Every field of the form in order, as the field template renders them."""
        return [FieldItem(bound=self.form[name], definition=self.definitions.get(name)) for name in self.form.fields]


@dataclass
class FieldItem:
    """A bound field with its editor's definition (None for the reuse choice of a file field)."""

    bound: forms.BoundField
    definition: object = None

    @property
    def is_multi_value(self) -> bool:
        return isinstance(self.bound.field.widget, forms.MultiWidget)


def describe_file_limits(definition) -> str:
    """Describe the file types and size a field accepts, as in ``PDF, JPG or PNG, up to 10 MB``."""
    kinds = [kind.upper() for kind in definition.file_types]
    if len(kinds) > 1:
        listed = _("%(first)s or %(last)s") % {"first": ", ".join(kinds[:-1]), "last": kinds[-1]}
    else:
        listed = "".join(kinds)
    return _("%(types)s, up to %(size)s MB") % {"types": listed, "size": definition.max_file_size_mb}


def build_step_form(page, step, filing, data=None, files=None) -> StepForm:
    """Build the step's form with the stored answers as initial values, bound when ``data`` is given."""
    form_class = page.form_builder(step.fields).get_form_class()
    form = form_class(data, files, initial=_initial_answers(page, step, filing), page=page)
    step_form = StepForm(page=page, step=step, filing=filing, form=form)
    for name in step_form.file_names:
        _prepare_file_field(step_form, name)
    return step_form


def _initial_answers(page, step, filing) -> dict:
    answers = in_page_language(page, filing.form_data)
    initial = {name: answers[name] for name in step.names if answers.get(name) is not None}
    file_names = [name for name, value in initial.items() if is_file_answer(value)]
    if file_names:
        # A file answer counts only while its FilingFile still exists.
        existing_files = set(filing.files.values_list("pk", flat=True))
        for name in file_names:
            if initial[name]["file"] not in existing_files:
                del initial[name]
    return initial


def _prepare_file_field(step_form: StepForm, name: str) -> None:
    form_field = step_form.form.fields[name]
    limits = describe_file_limits(step_form.definitions[name])
    # The editor's help text is already escaped by the form builder.
    form_field.help_text = format_html("{} {}", form_field.help_text, limits) if form_field.help_text else limits
    uploads.add_reuse_choice(step_form.form, name, uploads.reusable_files(step_form.filing, exclude_field=name))


def validate(step_form: StepForm) -> bool:
    """Run the form's checks, including that a chosen earlier upload belongs
    to this filing and the rules of law that read several answers."""
    step_form.form.is_valid()
    for name in step_form.file_names:
        if name in step_form.form.cleaned_data:
            uploads.resolve_reuse(step_form.form, name, step_form.filing)

    stored = in_page_language(step_form.page, step_form.filing.form_data)
    answers = {**stored, **_answers_from(step_form)}
    for name, message in rules.rule_errors(step_form.page, answers, step_form.definitions).items():
        if name in step_form.form.fields and name not in step_form.form.errors:
            step_form.form.add_error(name, message)
    return not step_form.form.errors


def left_empty(bound_field: forms.BoundField) -> bool:
    """Return True when the applicant typed or chose nothing in this field.

    The text parts of a multi-value field decide: a currency select always
    has a value, but an amount left empty means the field is empty.
    """
    value = bound_field.data
    widget = bound_field.field.widget
    if isinstance(widget, forms.MultiWidget) and isinstance(value, (list, tuple)):
        parts = [part for part, sub in zip(value, widget.widgets) if not isinstance(sub, forms.Select)]
        return all(part in EMPTY_VALUES for part in parts)
    if isinstance(value, (list, tuple)):
        return all(part in EMPTY_VALUES for part in value)
    return value in EMPTY_VALUES


def drop_errors_of_empty_fields(form: forms.Form) -> None:
    """Forget the errors of fields left empty, for "Save and come back later".

    What was entered must still be valid; what was not entered can wait.
    """
    for name in list(form.errors):
        if name in form.fields and left_empty(form[name]):
            del form.errors[name]


def _answers_from(step_form: StepForm) -> dict:
    """Collect the valid answers of a bound form as JSON values, without file fields and reuse choices."""
    return {
        name: to_stored(value)
        for name, value in step_form.form.cleaned_data.items()
        if name in step_form.definitions and name not in step_form.file_names
    }


def _file_answers(step_form: StepForm, filing: Filing, user) -> dict:
    """Store new uploads and apply reuse choices; a field left empty keeps its file."""
    answers = {}
    cleaned_data = step_form.form.cleaned_data
    for name in step_form.file_names:
        if name not in cleaned_data or step_form.form.has_error(uploads.reuse_field_name(name)):
            continue
        value = cleaned_data[name]
        if value is uploads.REUSE_CHOSEN:
            # validate() has checked the chosen row belongs to this filing.
            answers[name] = uploads.describe(cleaned_data[uploads.reuse_field_name(name)])
        elif isinstance(value, UploadedFile):
            answers[name] = uploads.describe(uploads.store(filing, name, value, user))
    return answers


def save_step(step_form: StepForm, user, *, complete: bool) -> bool:
    """Merge the form's valid answers into the filing; mark the step done if ``complete``.

    Call after validate(). The filing row stays locked until the answers are
    saved, so answers to other steps that another member saved meanwhile are
    kept, and nothing is written once the filing has been submitted: then
    this returns False.
    """
    with transaction.atomic():
        filing = Filing.objects.select_for_update().get(pk=step_form.filing.pk)
        if not filing.is_editable:
            return False

        answers = _answers_from(step_form)
        file_answers = _file_answers(step_form, filing, user)
        answers.update(file_answers)
        filing.form_data = {**filing.form_data, **answers}
        if complete:
            filing.completed_step = max(filing.completed_step, step_form.step.number)
        filing.updated_by = user
        filing.save(update_fields=["form_data", "completed_step", "updated_by", "updated_at"])
        if step_form.file_names:
            uploads.forget_unreferenced(filing)

    step_form.filing.form_data = filing.form_data
    step_form.filing.completed_step = filing.completed_step
    _show_stored_files(step_form, file_answers)
    return True


def _show_stored_files(step_form: StepForm, file_answers: dict) -> None:
    # A form shown again with errors presents a file stored from this POST as
    # the current one, instead of asking for it again.
    form = step_form.form
    if not file_answers:
        return
    form.files = form.files.copy()
    form.data = form.data.copy()
    for name, value in file_answers.items():
        form.files.pop(form.add_prefix(name), None)
        form.data.pop(form.add_prefix(uploads.reuse_field_name(name)), None)
        form.initial[name] = value
        # The BoundField caches its initial value; drop it so the new one shows.
        form._bound_fields_cache.pop(name, None)


def bind_stored_answers(page, step, filing) -> StepForm:
    """Build the step's form bound to the stored answers, as if the applicant posted them again.

    Run validate() on the result to check the answers with today's form.
    """
    unbound = build_step_form(page, step, filing)
    data = as_form_data(unbound.form, in_page_language(page, filing.form_data))
    return build_step_form(page, step, filing, data=data, files=MultiValueDict())


def step_is_complete(page, step, filing) -> bool:
    """Check whether the stored answers of ``step`` pass its form's checks today.

    NOTE: a choice answer is stored as the choice text of the page it was
    given on. If a translation's editor translated the choices, the answer
    fails here on that translation, and the applicant is sent back to the
    step to choose again.
    """
    return validate(bind_stored_answers(page, step, filing))


def failing_field_names(page, steps, filing) -> set[str]:
    """Return the names of the fields whose stored answers fail the form's checks today."""
    names = set()
    for step in steps:
        bound = bind_stored_answers(page, step, filing)
        validate(bound)
        names.update(name for name in bound.form.errors if name in bound.definitions)
    return names


def unfinished_steps(page, steps, filing) -> list:
    """Return the steps the applicant has not completed, or whose answers no longer pass."""
    return [
        step for step in steps if step.number > filing.completed_step or not step_is_complete(page, step, filing)
    ]
