"""Admin forms for legal acts: a version from pasted or uploaded text, and articles of draft versions."""

import re

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ActVersion, Provision, ProvisionKind
from .parse_messages import localized
from .parsing import ParseError, parse_text
from .text_extraction import extract_text


class ActVersionForm(WagtailAdminModelForm):
    text_file = forms.FileField(
        label=_("Upload the text"),
        required=False,
        help_text=_("A plain-text (.txt, UTF-8) or Word (.docx) file, up to 10 MB. It replaces the text below."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        text = self.fields["source_text"]
        text.required = False
        # Keep the text exactly as pasted; normalisation happens once, on save.
        text.strip = False
        self.fields["effective_date"].required = True

        # A version belongs to its act for good: moving it would give one act another's text.
        if self.instance.pk:
            self.fields["act"].disabled = True

        # A published text changes only through a new version, so its history stays true.
        if self.instance.pk and self.instance.live:
            text.disabled = True
            text.help_text = _(
                "This text is published and cannot change. To amend the act, start a new version from this one."
            )
            self.fields["text_file"].disabled = True

    def clean(self):
        cleaned = super().clean()
        uploaded = cleaned.get("text_file")
        if self.fields["source_text"].disabled:
            return cleaned
        if uploaded:
            try:
                cleaned["source_text"] = extract_text(uploaded)
            except forms.ValidationError as error:
                self.add_error("text_file", error)
                return cleaned
            cleaned["source_name"] = uploaded.name[:255]

        text = cleaned.get("source_text") or ""
        if not text.strip():
            if uploaded:
                self.add_error("text_file", _("The uploaded file contains no text."))
            else:
                self.add_error("source_text", _("Paste the text of the act or upload a file."))
            return cleaned

        try:
            parse_text(text, source=cleaned.get("source_name") or "")
        except ParseError as error:
            self.add_error(
                "text_file" if uploaded else "source_text",
                _("The text could not be read as a legal act (line %(line)s): %(message)s")
                % {"line": error.line, "message": localized(error)},
            )
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        if not self.fields["source_text"].disabled:
            instance.source_text = self.cleaned_data["source_text"]
        if self.cleaned_data.get("source_name"):
            instance.source_name = self.cleaned_data["source_name"]
        if commit:
            instance.save()
            self.save_m2m()
        return instance


# Article numbers as printed (7, 7-1) and point numbers (3, 3.2, 3.2.1).
PROVISION_NUMBER = re.compile(r"[0-9]+(?:-[0-9]+)?|[0-9]+(?:\.[0-9]+)*")


class ProvisionForm(WagtailAdminModelForm):
    """Edit an article of a draft version, or add a new one to it.

    The version and number are chosen only when the article is added; after
    that they identify its permalink and stay fixed.
    """

    draft_version = forms.ModelChoiceField(
        label=_("Draft version"),
        queryset=ActVersion.objects.filter(live=False).select_related("act"),
        required=False,
        help_text=_("Articles can be added only to a draft version. Start one from the act's current version."),
    )
    new_number = forms.CharField(
        label=_("Number"),
        max_length=32,
        required=False,
        help_text=_("As printed in the act, for example 7 or 7-1 for an article, 3.2 for a point."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["draft_version"].disabled = True
            self.fields["draft_version"].initial = self.instance.version_id
            self.fields["draft_version"].queryset = ActVersion.objects.filter(pk=self.instance.version_id)
            self.fields["new_number"].disabled = True
            self.fields["new_number"].initial = self.instance.number

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            return cleaned

        version = cleaned.get("draft_version")
        number = (cleaned.get("new_number") or "").strip()
        if version is None:
            self.add_error("draft_version", _("Choose the draft version the article belongs to."))
        if not PROVISION_NUMBER.fullmatch(number):
            self.add_error("new_number", _("Enter a number such as 7, 7-1 or 3.2."))
        if version is None or self.errors:
            return cleaned

        kind = version.provisions.values_list("kind", flat=True).first() or ProvisionKind.ARTICLE
        slug = Provision.slug_for(kind, number)
        if version.provisions.filter(slug=slug).exists():
            self.add_error("new_number", _("This version already has number %(number)s.") % {"number": number})
        cleaned["kind"] = kind
        cleaned["slug"] = slug
        cleaned["new_number"] = number
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        if instance.pk is None:
            data = self.cleaned_data
            place_new_provision(instance, data["draft_version"], data["kind"], data["new_number"], data["slug"])
        if commit:
            instance.save()
            self.save_m2m()
        return instance


def number_key(number: str) -> tuple[int, ...]:
    """Sort key of an article or point number: ``7-1`` → (7, 1), ``3.2`` → (3, 2)."""
    return tuple(int(part) for part in re.split(r"[-.]", number) if part.isdigit())


def place_new_provision(provision, version, kind, number, slug) -> None:
    """Put a new provision after the one whose number precedes it, in that one's division."""
    provision.version = version
    provision.kind = kind
    provision.number = number
    provision.slug = slug

    key = number_key(number)
    earlier = [
        (position, division_id)
        for position, division_id, other in version.provisions.values_list("position", "division_id", "number")
        if number_key(other) < key
    ]
    if earlier:
        position, division_id = max(earlier)
        provision.position = position + 1
        provision.division_id = division_id
    else:
        provision.position = 0
        provision.division_id = None

    version.provisions.filter(position__gte=provision.position).update(position=F("position") + 1)
