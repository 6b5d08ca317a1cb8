"""Document samples: the list at ``komek/numuneler/`` and one page per sample.

A sample is a page rather than a snippet, so FAQ answers, e-service pages
and form fields can link to its address, and it gets a translation per
language and the pages' moderation workflow. Its files are Wagtail documents (a
filled-in version and, optionally, a blank one) and must be PDF or DOCX by
content. Translations share the documents, which are in Azerbaijani like the
papers filed with the ministry.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from ..uploads import validate_sample_document
from .guides import ServiceLinkSerializer, live_translations_of, plain_text
from .pages import FaqQuestionPageForm, HelpListPage, PublicCacheMixin

DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class SampleIndexPage(HelpListPage):
    """The list of document samples in the help centre."""

    subpage_types = ["help.DocumentSamplePage"]
    template = "help/sample_index_page.html"

    class Meta:
        verbose_name = _("document samples")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["samples"] = (
            DocumentSamplePage.objects.live()
            .public()
            .child_of(self)
            .select_related("filled_document", "blank_document")
            .order_by("path")
        )
        return context


class DownloadSerializer(serializers.Field):
    """One of a sample's documents as {url, format, size, title}, or None."""

    def to_representation(self, document) -> dict | None:
        return download_details(document)


def download_details(document) -> dict | None:
    """Return what a download link shows: the document's URL, format (DOCX, PDF), size in bytes and title."""
    if document is None:
        return None
    return {
        "url": document.url,
        "format": document.file_extension.upper(),
        "size": document.file_size,
        "title": document.title,
    }


class DocumentSamplePage(PublicCacheMixin, Page):
    """A sample document: when to use it, a filled-in version, a blank one and the e-services it belongs to."""

    description = RichTextField(
        _("when to use it"),
        features=DESCRIPTION_FEATURES,
        help_text=_("Who needs this document, for which application, and what to change in the sample."),
    )
    filled_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("sample document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A PDF or DOCX file: the document filled in with example data, or sample wording to adapt."),
    )
    blank_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("blank form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the same document with empty fields, as a PDF or DOCX file."),
    )
    services = ParentalManyToManyField(
        "eservices.ServicePage",
        blank=True,
        related_name="help_samples",
        verbose_name=_("e-services"),
        help_text=_("The e-services this document is filed with. Their pages list it."),
    )

    search_fields = Page.search_fields + [index.SearchField("description")]

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("filled_document"),
        FieldPanel("blank_document"),
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = FaqQuestionPageForm
    parent_page_types = ["help.SampleIndexPage"]
    subpage_types = []
    template = "help/document_sample_page.html"

    api_fields = [
        APIField("description", serializer=serializers.ReadOnlyField(source="description_html")),
        APIField("filled_document", serializer=DownloadSerializer(read_only=True)),
        APIField("blank_document", serializer=DownloadSerializer(read_only=True)),
        APIField("services", serializer=ServiceLinkSerializer()),
    ]

    # The site search's contract: pages that declare a kind and a text are indexed.
    site_search_kind = "sample"

    class Meta:
        verbose_name = _("document sample")

    def clean(self):
        super().clean()
        errors = {}
        for name in ("filled_document", "blank_document"):
            try:
                validate_sample_document(getattr(self, name))
            except ValidationError as error:
                errors[name] = error.messages
        if errors:
            raise ValidationError(errors)

    @property
    def description_html(self) -> str:
        return expand_db_html(self.description)

    def site_search_text(self) -> str:
        """Return the plain text the site search indexes: when to use the sample."""
        return plain_text(self.description)

    def related_services(self):
        return live_translations_of(self.services.all(), self.locale_id)

    def documents(self) -> list:
        """Return the sample's documents, the sample first and the blank form second.

        Their content was checked when the page was saved; checking a DOCX
        means decompressing it, too slow to repeat on every view.
        """
        # TODO: a document replaced in the document library after that is not checked again.
        return [document for document in (self.filled_document, self.blank_document) if document is not None]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.related_services()
        context["sample_index"] = self.get_parent()
        return context

    @classmethod
    def for_document(cls, document, locale: Locale | None = None):
        """Return the live sample page in ``locale`` (default: the active one) that offers ``document``, or None."""
        if document is None:
            return None
        locale = locale or Locale.get_active()
        return (
            cls.objects.live()
            .public()
            .filter(locale=locale)
            .filter(Q(filled_document=document) | Q(blank_document=document))
            .order_by("path")
            .first()
        )
