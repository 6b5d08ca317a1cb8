"""Correcting a filing the ministry returned.

While a filing is returned, the applicant may change only the answers and
documents the reviewer flagged (its open FieldCorrections). Everything else
stays as it was submitted. The correction page is a step form made of the
flagged fields only, built by forms.flow_steps, so it checks answers,
uploads and file contents exactly as the steps do. A POST saves only the
fields that form has, so a value posted for any other field is ignored.

A field whose stored answer fails today's checks is editable too, for
example a required field an editor added after the submission. Without it
the filing could not be submitted again.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .field_types import LAYOUT_TYPES
from .flow import members_only, my_applications_url, route_url
from .flow_steps import build_step_form, drop_errors_of_empty_fields, failing_field_names, save_step, validate
from .models import FieldCorrection, Filing, FilingAction, FilingStatus
from .models.fields import safe_article_link
from .steps import Step

# The id of a field's block on the correction page, for links from the check-answers page.
ANCHOR_PREFIX = "correct-"


# --- Reviewer's comments --------------------------------------------------------


@dataclass
class CorrectionNote:
    """A reviewer's comment on one field or document, as the applicant reads it."""

    field_name: str
    label: str
    comment: str
    article_url: str = ""
    article_label: str = ""


def field_labels(page) -> dict[str, str]:
    """The page's answer fields by name, with their labels in the page's language."""
    return {
        definition.clean_name: definition.label
        for definition in page.get_form_fields()
        if definition.field_type not in LAYOUT_TYPES
    }


def correction_notes(corrections, labels: dict[str, str]) -> list[CorrectionNote]:
    """Turn FieldCorrection rows into notes labelled as ``labels`` has them, or as the reviewer saw them."""
    return [
        CorrectionNote(
            field_name=correction.field_name,
            label=labels.get(correction.field_name) or correction.field_label,
            comment=correction.comment,
            article_url=safe_article_link(correction.article_link),
            article_label=correction.article_label,
        )
        for correction in corrections
    ]


def open_corrections(filing: Filing) -> list[FieldCorrection]:
    return list(filing.corrections.filter(resolved_at=None))


def return_note(filing: Filing) -> str:
    """Return the note the reviewer gave with the last return for correction."""
    event = filing.events.filter(action=FilingAction.RETURNED).order_by("-time", "-pk").first()
    return event.note if event else ""


# --- Addresses ------------------------------------------------------------------


def correction_url(page, filing: Filing) -> str:
    return route_url(page, "correct", filing.pk)


def correction_url_for(filing: Filing) -> str:
    """Return the correction page of ``filing`` in the reader's language when the service has it."""
    page = filing.page.localized
    return correction_url(page, filing)


# --- The correction form -------------------------------------------------------


def editable_names(page, steps, filing: Filing, corrections) -> set[str]:
    """Return the names of the fields the applicant may change: flagged ones and ones that fail today's checks."""
    return {correction.field_name for correction in corrections} | failing_field_names(page, steps, filing)


def correction_step(page, steps, filing: Filing, corrections) -> Step:
    """Build a step of the editable fields, in the form's order.

    Its number is the last step's, so saving it complete marks every step
    done: each field that failed a check is in it.
    """
    names = editable_names(page, steps, filing, corrections)
    definitions = [definition for step in steps for definition in step.fields if definition.clean_name in names]
    return Step(number=len(steps), title=str(_("Correct your application")), fields=definitions)


@dataclass
class CorrectionField:
    """One editable field on the correction page: the reviewer's notes, then
    the field and, for a file field, its "use a file you already uploaded" choice."""

    name: str
    notes: list[CorrectionNote]
    items: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return ANCHOR_PREFIX + self.name


def group_fields(step_form, notes: list[CorrectionNote]) -> list[CorrectionField]:
    notes_by_name = {}
    for note in notes:
        notes_by_name.setdefault(note.field_name, []).append(note)

    groups = []
    for item in step_form.items:
        if item.definition is not None:
            name = item.definition.clean_name
            groups.append(CorrectionField(name=name, notes=notes_by_name.get(name, [])))
        # A reuse choice has no definition and follows its file field.
        groups[-1].items.append(item)
    return groups


# --- The view -------------------------------------------------------------------


@members_only
def correct(page, request, filing):
    if filing.status != FilingStatus.RETURNED:
        return redirect(_elsewhere(page, filing))
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])

    steps = page.get_steps()
    corrections = open_corrections(filing)
    step = correction_step(page, steps, filing, corrections)
    if request.method == "POST":
        return _post_correction(page, request, filing, step, corrections)
    return _render_correction(page, request, filing, build_step_form(page, step, filing), corrections)


def _elsewhere(page, filing) -> str:
    """Return where a filing that is not returned goes: a draft to its steps, a sent one to its status page."""
    if filing.is_editable:
        return filing.resume_url_on(page, len(page.get_steps()))
    return reverse("eservices:filing_detail", args=[filing.pk])


def _post_correction(page, request, filing, step, corrections):
    step_form = build_step_form(page, step, filing, data=request.POST, files=request.FILES)
    saving_for_later = "save_and_exit" in request.POST
    valid = validate(step_form)
    if saving_for_later:
        drop_errors_of_empty_fields(step_form.form)

    # As on the steps, valid answers are kept even when others are wrong.
    if not save_step(step_form, request.user, complete=valid):
        return redirect(route_url(page, "confirmation", filing.pk))

    if step_form.form.errors:
        return _render_correction(page, request, filing, step_form, corrections)
    if saving_for_later:
        messages.success(
            request, _("Your corrections have been saved. You can come back and submit the application later.")
        )
        return redirect(my_applications_url())
    return redirect(route_url(page, "check_answers", filing.pk))


def _render_correction(page, request, filing, step_form, corrections):
    notes = correction_notes(corrections, field_labels(page))
    groups = group_fields(step_form, notes)
    names_on_page = {group.name for group in groups}
    context = {
        "filing": filing,
        "step_form": step_form,
        "form": step_form.form,
        "groups": groups,
        # Comments on fields the form no longer has: the applicant reads them but has nothing to change.
        "other_notes": [note for note in notes if note.field_name not in names_on_page],
        "return_note": return_note(filing),
        "back_url": reverse("eservices:filing_detail", args=[filing.pk]),
        "action_url": correction_url(page, filing),
        "check_url": route_url(page, "check_answers", filing.pk),
    }
    return page.render_page(request, "eservices/correction.html", context)


# --- The check-answers page of a returned filing -----------------------------------


def check_answers_context(page, steps, filing: Filing, sections: list[dict], unfinished: list) -> dict:
    """Add the reviewer's notes and "Change" links for the editable answers to the check-answers page.

    Unfinished steps lead to the correction page, because the step pages
    are closed while a filing is returned.
    """
    corrections = open_corrections(filing)
    notes = correction_notes(corrections, field_labels(page))
    editable = editable_names(page, steps, filing, corrections)
    url = correction_url(page, filing)

    for section in sections:
        section["change_url"] = ""
        section["rows"] = [
            {
                "answer": answer,
                "notes": [note for note in notes if note.field_name == answer.name],
                "change_url": f"{url}#{ANCHOR_PREFIX}{answer.name}" if answer.name in editable else "",
            }
            for answer in section["answers"]
        ]
    return {
        "sections": sections,
        "unfinished": [(unfinished_step, url) for unfinished_step, _url in unfinished],
        "back_url": url,
        "correction_url": url,
        "return_note": return_note(filing),
    }
