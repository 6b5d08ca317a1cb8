"""Admin forms for legal acts: adding a version by pasting or uploading its text."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

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
                % {"line": error.line, "message": error.message},
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
