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
        self.fields["source_text"].required = False

    def clean(self):
        cleaned = super().clean()
        uploaded = cleaned.get("text_file")
        if uploaded:
            try:
                cleaned["source_text"] = extract_text(uploaded)
            except forms.ValidationError as error:
                self.add_error("text_file", error)
                return cleaned
            cleaned["source_name"] = uploaded.name[:255]

        text = cleaned.get("source_text") or ""
        if not text.strip():
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
        instance.source_text = self.cleaned_data["source_text"]
        if self.cleaned_data.get("source_name"):
            instance.source_name = self.cleaned_data["source_name"]
        if commit:
            instance.save()
            self.save_m2m()
        return instance
