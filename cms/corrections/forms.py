"""The member's two forms: choose what to correct, then give the correct value, reason and evidence."""

import hashlib
import json
import re

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import evidence
from .subjects import Target, conflict, display_value, to_text

MAX_REASON_LENGTH = 2000
FILING_CHOICE_PREFIX = "filing-"


def filing_choice(filing) -> str:
    return f"{FILING_CHOICE_PREFIX}{filing.pk}"


class ChooseSubjectForm(forms.Form):
    """Step one: the radio buttons, one per register field and one per correctable filing."""

    subject = forms.ChoiceField(
        label=_("What is wrong in the ministry's data?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the ministry should correct.")},
    )

    def __init__(self, *args, organization_targets, filing_targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization_targets = organization_targets
        self.filing_targets = filing_targets
        choices = [(target.subject, target.label()) for target in organization_targets]
        choices += [(filing_choice(target.filing), target.label()) for target in filing_targets]
        self.fields["subject"].choices = choices

    def options(self, targets, start: int = 0) -> list[dict]:
        """Return each target's radio button with the values the ministry has now, for the template.

        The buttons are numbered from ``start`` like Django's own radio ids,
        so the error summary's link to "id_subject_0" finds the first one.
        """
        chosen = self["subject"].value()
        options = []
        for index, target in enumerate(targets, start=start):
            value = filing_choice(target.filing) if target.filing is not None else target.subject
            current = target.read_values()
            options.append(
                {
                    "value": value,
                    "id": f"id_subject_{index}",
                    "label": target.label(),
                    "checked": chosen == value,
                    # (label, value shown, whether the ministry has no value) per field.
                    "current": [
                        (target.field_label(name), display_value(name, current[name]), not current[name])
                        for name in target.fields
                    ],
                    "service": target.filing.page.localized.title if target.filing is not None else "",
                }
            )
        return options


def values_digest(values: dict) -> str:
    """Fingerprint the values a form showed, so a change while the member typed is noticed."""
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


class CorrectionForm(forms.Form):
    """Step two: the correct value of each field of the subject, the reason and the evidence.

    ``pending`` contains the files the member already uploaded with this form
    (evidence.pending_for). The ids of those to keep come back in
    ``kept_evidence``, and ``remove_evidence`` lists those to drop.
    """

    reason = forms.CharField(
        label=_("Why is the ministry's value wrong?"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say where the correct value comes from, for example the certificate of state registration."),
        error_messages={"required": _("Give the reason for the correction.")},
    )
    # Required for the label's sake: clean() checks that kept and new files make at least one.
    evidence = evidence.EvidenceField(label=_("Documents that show the correct value"), required=True)

    def __init__(self, target: Target, *args, pending=None, **kwargs):
        self.target = target
        self.current_values = target.read_values()
        kwargs.setdefault("initial", dict(self.current_values))
        super().__init__(*args, **kwargs)

        value_fields = {name: target.form_field(name) for name in target.fields}
        self.fields = {**value_fields, **self.fields}
        self.value_names = list(value_fields)
        self.fields["evidence"].help_text = _(
            "PDF, JPG or PNG, up to %(size)s MB each, at most %(count)s files. You can choose several files at once."
        ) % {"size": evidence.MAX_FILE_SIZE_MB, "count": evidence.MAX_FILES}

        self.pending = list(pending) if pending is not None else []
        self.accepted_uploads = []
        self.kept_files = self._kept_files()

    # --- Files kept from an earlier try ---------------------------------------------

    def _ids(self, name: str) -> set[int]:
        if not self.is_bound:
            return set()
        # ASCII digits only: str.isdigit() also passes "²", which int() rejects.
        return {int(value) for value in self.data.getlist(name) if re.fullmatch(r"[0-9]{1,18}", value)}

    def _kept_files(self) -> list:
        """Return the pending files the form sent back to keep, minus those ticked to remove."""
        kept_ids = self._ids("kept_evidence") - self._ids("remove_evidence")
        return [row for row in self.pending if row.pk in kept_ids]

    def removed_files(self) -> list:
        removed_ids = self._ids("remove_evidence")
        return [row for row in self.pending if row.pk in removed_ids]

    def kept_file_labels(self) -> list[dict]:
        return [
            {"pk": row.pk, "name": row.original_name, "size": filesizeformat(row.size)} for row in self.kept_files
        ]

    # --- Checks ----------------------------------------------------------------------------

    @property
    def expected_digest(self) -> str:
        return values_digest(self.current_values)

    def cleaned_values(self) -> dict[str, str]:
        return {name: to_text(self.cleaned_data.get(name)) for name in self.value_names}

    def clean_evidence(self):
        uploads = self.cleaned_data["evidence"]
        accepted, errors = evidence.check_uploads(uploads)
        total = len(self.kept_files) + len(uploads)
        if total > evidence.MAX_FILES:
            raise forms.ValidationError(
                gettext("Attach at most %(limit)s files. You chose %(count)s.")
                % {"limit": evidence.MAX_FILES, "count": total},
                code="too_many_files",
            )
        self.accepted_uploads = accepted
        if errors:
            raise forms.ValidationError(errors)
        return accepted

    def clean(self):
        cleaned_data = super().clean()

        if self.is_bound and self.data.get("current_digest") != self.expected_digest:
            raise forms.ValidationError(
                gettext(
                    "The ministry's record changed while you were filling in the form. Check the value it has now "
                    "and your answer, then send the request again."
                ),
                code="record_changed",
            )

        value_errors = any(name in self.errors for name in self.value_names)
        if not value_errors:
            self._check_values()

        if "evidence" not in self.errors and not (self.kept_files or self.accepted_uploads):
            self.add_error("evidence", gettext("Attach at least one document that shows the correct value."))
        return cleaned_data

    def _check_values(self) -> None:
        values = self.cleaned_values()
        if values == {name: self.current_values[name] for name in self.value_names}:
            message = gettext("This is the value the ministry already has. Enter the correct value.")
            if len(self.value_names) > 1:
                message = gettext("These are the values the ministry already has. Change the one that is wrong.")
            self.add_error(self.value_names[0], message)
            return

        clash = conflict(self.target, values)
        if clash is not None:
            name, message = clash
            self.add_error(name, message)
