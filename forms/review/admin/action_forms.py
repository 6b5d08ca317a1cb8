"""The forms a reviewer fills in to assign, accept, return or reject a filing."""

from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from ...models.fields import validate_article_link
from ..actions import Flag
from .common import person_label

MAX_TEXT_LENGTH = 2000


def text_area(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class AssignForm(forms.Form):
    reviewer = ReviewerChoiceField(
        label=_("Reviewer"),
        queryset=None,
        empty_label=None,
        help_text=_("Only people who may decide on filings of this e-service are listed."),
    )
    note = forms.CharField(
        label=_("Internal note"),
        help_text=_("For the ministry only: it goes to the audit log, not to the applicant."),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=text_area(),
    )

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers


class AcceptForm(forms.Form):
    registration_number = forms.CharField(
        label=_("Registration number"),
        required=False,
        max_length=50,
        help_text=_("The number the ministry gives the registration, if it gives one."),
    )
    registration_date = forms.DateField(label=_("Date of registration"), required=False, widget=AdminDateInput)
    note = forms.CharField(
        label=_("Note to the applicant"), required=False, max_length=MAX_TEXT_LENGTH, widget=text_area()
    )

    def __init__(self, *args, filing, **kwargs):
        super().__init__(*args, **kwargs)
        self.filing = filing

    def clean_registration_date(self):
        date = self.cleaned_data["registration_date"]
        if date is None:
            return date
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date of registration cannot be in the future."))

        # The ministry registers what was filed, so not before the filing's first submission.
        first_submitted = self.filing.first_submitted_at
        if first_submitted is not None and date < timezone.localdate(first_submitted):
            raise forms.ValidationError(
                _("The date of registration cannot be before the filing was first submitted, on %(date)s."),
                code="before_submission",
                params={"date": date_format(timezone.localdate(first_submitted), "SHORT_DATE_FORMAT")},
            )
        return date


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=MAX_TEXT_LENGTH,
        widget=text_area(5),
        help_text=_("The applicant reads this. Name the article of the law the rejection rests on."),
        error_messages={"required": _("Give the reason for the rejection.")},
    )


@dataclass
class CorrectionRow:
    """One answer of the filing in the return form, with the inputs to flag it."""

    name: str
    label: str
    answer: object
    flag: object
    comment: forms.BoundField
    article_link: forms.BoundField
    article_label: forms.BoundField


class ReturnForm(forms.Form):
    """A "wrong" box, a comment and an article link for each answer, and a general note.

    The boxes share the name ``flagged`` with the field's name as value, so a
    name the form does not know is an invalid choice, not a silent no-op.
    """

    flagged = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(
        label=_("General note to the applicant"), required=False, max_length=MAX_TEXT_LENGTH, widget=text_area()
    )

    def __init__(self, *args, definitions, answers, **kwargs):
        """``definitions``: the form's answer fields; ``answers``: their Answer rows by name."""
        super().__init__(*args, **kwargs)
        self.definitions = definitions
        self.answers = answers
        self.fields["flagged"].choices = [(definition.clean_name, definition.label) for definition in definitions]

        for definition in definitions:
            name = definition.clean_name
            self.fields[f"comment-{name}"] = forms.CharField(
                label=_("What is wrong"), required=False, max_length=MAX_TEXT_LENGTH, widget=text_area(2)
            )
            self.fields[f"article_link-{name}"] = forms.CharField(
                label=_("Link to the article"),
                required=False,
                max_length=300,
                validators=[validate_article_link],
                initial=definition.article_link,
            )
            self.fields[f"article_label-{name}"] = forms.CharField(
                label=_("Name of the article"), required=False, max_length=200, initial=definition.article_label
            )

    @property
    def rows(self) -> list[CorrectionRow]:
        boxes = {box.data["value"]: box for box in self["flagged"]}
        return [
            CorrectionRow(
                name=definition.clean_name,
                label=definition.label,
                answer=self.answers.get(definition.clean_name),
                flag=boxes[definition.clean_name],
                comment=self[f"comment-{definition.clean_name}"],
                article_link=self[f"article_link-{definition.clean_name}"],
                article_label=self[f"article_label-{definition.clean_name}"],
            )
            for definition in self.definitions
        ]

    def clean(self):
        cleaned_data = super().clean()
        if "flagged" not in cleaned_data:
            return cleaned_data

        flagged = cleaned_data["flagged"]
        # What is typed next to an answer left unmarked is not sent, so it cannot be wrong.
        for definition in self.definitions:
            if definition.clean_name not in flagged:
                for prefix in ("comment", "article_link", "article_label"):
                    self.errors.pop(f"{prefix}-{definition.clean_name}", None)
        if not flagged:
            raise forms.ValidationError(_("Mark at least one field or document to correct."), code="nothing_flagged")
        for name in flagged:
            if not cleaned_data.get(f"comment-{name}", "").strip():
                self.add_error(f"comment-{name}", _("Say what the applicant has to correct in this answer."))
        return cleaned_data

    def flags(self) -> list[Flag]:
        return [
            Flag(
                field_name=name,
                comment=self.cleaned_data[f"comment-{name}"],
                article_link=self.cleaned_data[f"article_link-{name}"],
                article_label=self.cleaned_data[f"article_label-{name}"],
            )
            for name in self.cleaned_data["flagged"]
        ]
