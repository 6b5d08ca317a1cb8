"""Forms the claimant fills in: find the organization, enter the code, send documents."""

import re
import unicodedata

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.directory.queries import PUBLIC_RULE
from cms.organizations.models import Organization
from cms.organizations.validators import normalise_voen
from forms.uploads import UploadField, UploadWidget

from . import codes
from .models import DocumentKind

DOCUMENT_TYPES = ["pdf", "jpg", "png"]
DOCUMENT_MAX_SIZE_MB = 10
NOTE_MAX_LENGTH = 2000


class FindForm(forms.Form):
    """Find an organization by VÖEN or state registration number, or by the id a link carries."""

    number = forms.CharField(
        label=_("VÖEN or state registration number"),
        max_length=50,
        help_text=_("The VÖEN has 10 digits. The registration number is on the certificate of state registration."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Enter the VÖEN or the state registration number.")},
    )
    organization = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    error_messages = {
        "not_found": _(
            "No organization has the VÖEN or registration number “%(number)s”. Check the number on the "
            "certificate of state registration and try again."
        ),
        "bad_link": _("The link does not name an organization. Search by VÖEN or registration number instead."),
    }

    def clean(self):
        cleaned_data = super().clean()
        has_link = bool(self.data.get("organization"))
        if has_link and "number" in self.errors and not self.data.get("number"):
            # A link names the organization, so no number is needed.
            del self.errors["number"]
        if "organization" in self.errors:
            del self.errors["organization"]
            self.add_error("number", self.error_messages["bad_link"])
        if self.errors:
            return cleaned_data

        number = cleaned_data.get("number", "").strip()
        if number:
            cleaned_data["found"] = find_organization(number)
            if cleaned_data["found"] is None:
                self.add_error("number", self.error_messages["not_found"] % {"number": number})
        else:
            cleaned_data["found"] = findable_organizations().filter(pk=cleaned_data["organization"]).first()
            if cleaned_data["found"] is None:
                self.add_error("number", self.error_messages["bad_link"])
        return cleaned_data


def findable_organizations():
    """Return the organizations a claimant may look up: those the public directory lists.

    Any other organization answers as unknown, so stepping through ids or
    numbers reveals nothing the directory does not already publish.
    """
    return Organization.objects.filter(PUBLIC_RULE)


def find_organization(number: str) -> Organization | None:
    """Return the listed organization whose VÖEN or registration number is ``number`` as people type it."""
    voen = normalise_voen(number)
    if re.fullmatch(r"[0-9]{10}", voen):
        by_voen = findable_organizations().filter(voen=voen).first()
        if by_voen is not None:
            return by_voen

    # Spaces typed between the digits are dropped, and letters match in either case.
    registration_number = re.sub(r"\s+", "", number)
    if not registration_number:
        return None
    return findable_organizations().filter(registration_number__iexact=registration_number).first()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the e-mail"),
        max_length=20,
        help_text=_("6 digits."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "class": "input--code",
            }
        ),
        error_messages={"required": _("Enter the code from the e-mail.")},
    )

    def clean_code(self):
        code = codes.normalise_code(self.cleaned_data["code"])
        if not codes.is_well_formed(code):
            raise forms.ValidationError(
                _("Enter the code as the 6 digits from the e-mail, for example 123456."), code="malformed"
            )
        return code


class DocumentWidget(UploadWidget):
    """A file input that names the document already uploaded for it, with a link to open it."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.current_document = None

    def get_context(self, name, value, attrs):
        context = forms.FileInput.get_context(self, name, value, attrs)
        document = self.current_document
        if document is not None:
            context["widget"]["current_file"] = {
                "name": document.original_name,
                "size": document.size,
                "url": reverse("claims:document", args=[document.claim_id, document.pk]),
            }
        return context


def _document_field(label, help_text, required=True) -> UploadField:
    return UploadField(
        allowed_types=DOCUMENT_TYPES,
        max_size_mb=DOCUMENT_MAX_SIZE_MB,
        label=label,
        help_text=help_text,
        required=required,
        widget=DocumentWidget,
    )


class DocumentsForm(forms.Form):
    """The documents and note of the staff route.

    A document uploaded earlier counts as given: pass the claim's documents
    as ``documents`` and the field is satisfied without a new file.
    """

    charter = _document_field(
        _("Charter"),
        _("The page of the charter that names the organization, with the ministry's registration stamp. "
          "PDF, JPG or PNG, at most 10 MB."),
    )
    authority = _document_field(
        _("Letter of authority"),
        _("The decision of the governing body or the power of attorney that names you as the person who acts "
          "for the organization. PDF, JPG or PNG, at most 10 MB."),
    )
    other = _document_field(
        _("Another document"),
        _("For example, the certificate of state registration. PDF, JPG or PNG, at most 10 MB."),
        required=False,
    )
    note = forms.CharField(
        label=_("Your role in the organization"),
        max_length=NOTE_MAX_LENGTH,
        help_text=_("For example: “Chair of the board since 2021, elected by the general meeting.”"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what your role in the organization is.")},
    )

    def __init__(self, *args, documents=None, **kwargs):
        documents = documents or {}
        initial = kwargs.pop("initial", {}) or {}
        for kind, document in documents.items():
            initial[kind] = {"file": document.pk, "name": document.original_name, "size": document.size}
        super().__init__(*args, initial=initial, **kwargs)
        self.show_documents(documents)

    def show_documents(self, documents: dict) -> None:
        """Name the stored document above each file input; ``documents`` maps DocumentKind values to rows."""
        for kind in DocumentKind.values:
            self.fields[kind].widget.current_document = documents.get(kind)

    def clean_note(self):
        return visible_text(self.cleaned_data["note"])


def visible_text(text: str) -> str:
    """Keep line breaks and visible characters: other control and format characters
    (direction overrides among them) could disguise the note staff read."""
    kept = []
    for char in text.replace("\r\n", "\n"):
        if char == "\n":
            kept.append(char)
        elif char.isspace():
            kept.append(" ")
        elif unicodedata.category(char)[0] != "C":
            kept.append(char)
    return "".join(kept).strip()
