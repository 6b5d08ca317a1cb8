"""A field of an e-service form, as the editor defines it."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField

from ..choices_text import split_choices
from ..clean_names import base_name
from ..field_types import CHOICE_TYPES, DEFAULT_FILE_TYPES, FIELD_TYPE_CHOICES, FILE_TYPE_CHOICES

MAX_FILE_SIZE_MB = 50


def validate_file_types(value: str) -> None:
    unknown = [kind for kind in _split_types(value) if kind not in FILE_TYPE_CHOICES]
    if unknown:
        raise ValidationError(
            _("Unknown file types: %(unknown)s. Use: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(FILE_TYPE_CHOICES)}
        )


def _split_types(value: str) -> list[str]:
    return [kind.strip().lower().lstrip(".") for kind in value.replace(";", ",").split(",") if kind.strip()]


def is_safe_article_link(value: str) -> bool:
    """Tell whether ``value`` is a path on this site or an https:// address.

    Browsers read ``//host/…`` and ``/\\host/…`` as addresses of another site,
    and drop tabs and line breaks inside an address, so those never pass.
    """
    if not value or any(char in value for char in "\\\t\r\n ") or not value.isprintable():
        return False
    if value.startswith("/"):
        return not value.startswith("//")
    try:
        parts = urlsplit(value)
    except ValueError:  # an unbalanced [ in the host
        return False
    return parts.scheme == "https" and bool(parts.hostname) and value.startswith("https://")


def safe_article_link(value: str) -> str:
    """Return ``value`` stripped if it is a safe article link, otherwise an empty string.

    Rows made in code skip the model validator, and the link becomes an href
    on applicants' pages and in e-mails, so templates read it through this.
    """
    value = (value or "").strip()
    return value if is_safe_article_link(value) else ""


def validate_article_link(value: str) -> None:
    """Links to the law point into the site's library or to an official https source."""
    if value and not is_safe_article_link(value.strip()):
        raise ValidationError(_("Give an address on this site, such as /qanunlar/…/madde-…/, or an https:// address."))


class ServiceFormField(AbstractFormField):
    page = ParentalKey("eservices.ServicePage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("One choice per line. A choice may contain commas."),
    )
    help_text = models.TextField(_("help text"), blank=True)
    sample_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sample document"),
        help_text=_("A filled-in or blank sample that shows applicants what is expected."),
    )
    article_link = models.CharField(
        _("link to the article that requires it"),
        max_length=300,
        blank=True,
        validators=[validate_article_link],
        help_text=_("For example /qanunlar/qrantlar-haqqinda/madde-3/"),
    )
    article_label = models.CharField(
        _("name of that article"),
        max_length=200,
        blank=True,
        help_text=_("For example: Article 3 of the Law on Grants"),
    )
    allowed_file_types = models.CharField(
        _("allowed file types"),
        max_length=100,
        blank=True,
        default=DEFAULT_FILE_TYPES,
        validators=[validate_file_types],
        help_text=_("For file uploads: comma-separated, from pdf, jpg, png, docx, xlsx."),
    )
    max_file_size_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FILE_SIZE_MB)],
        help_text=_("For file uploads."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("required"),
        FieldPanel("help_text"),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("allowed_file_types"), FieldPanel("max_file_size_mb")]),
            ],
            heading=_("File uploads"),
        ),
        MultiFieldPanel(
            [FieldPanel("sample_document"), FieldPanel("article_link"), FieldPanel("article_label")],
            heading=_("Sample and legal basis"),
        ),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    @property
    def safe_article_link(self) -> str:
        return safe_article_link(self.article_link)

    def get_field_clean_name(self) -> str:
        # The page's form gives each new field a unique name before saving
        # (see ServicePageForm); this is the name before de-duplication.
        return base_name(self.label)

    @property
    def file_types(self) -> list[str]:
        return _split_types(self.allowed_file_types or DEFAULT_FILE_TYPES)

    @property
    def choice_list(self) -> list[str]:
        return split_choices(self.choices) if self.field_type in CHOICE_TYPES else []
