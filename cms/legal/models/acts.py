"""Legal acts and their consolidated versions.

These are plain Django models with Wagtail's revision, draft, locking and
workflow mixins, so editors can amend them in the admin. The page that
presents them is ``cms.legal.models.pages.LegalActIndexPage``.
"""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .choices import ActStatus, ActType, IssuingBody


# Only what the public routes accept: lowercase ASCII words joined by hyphens.
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Topic(models.Model):
    """A subject CSOs browse by: grants, registration, taxation…"""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name (Azerbaijani)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return localized_value(self, "name")


def localized_value(instance, field_name: str) -> str:
    """Return the ``<field>_<language>`` value for the active language, else the Azerbaijani one."""
    language = (translation.get_language() or "az").split("-")[0]
    if language != "az":
        translated = getattr(instance, f"{field_name}_{language}", "")
        if translated:
            return translated
    return getattr(instance, field_name)


class LegalActQuerySet(models.QuerySet):
    def public(self):
        """Acts a visitor may read: published, with a published current version."""
        return self.filter(live=True, current_version__isnull=False, current_version__live=True)


class LegalAct(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A normative legal act: the Constitution, a code, a law, a decree, a decision or ministry rules."""

    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "The part of the web address after /qanunlar/. Left empty, it is made from the title. "
            "It must not change once the act is published."
        ),
    )
    act_type = models.CharField(_("type"), max_length=32, choices=ActType.choices)
    number = models.CharField(_("number"), max_length=64, blank=True)
    title = models.CharField(_("title (Azerbaijani)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    effective_date = models.DateField(_("date of entry into force"), null=True, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=32, choices=IssuingBody.choices)
    status = models.CharField(_("status"), max_length=16, choices=ActStatus.choices, default=ActStatus.IN_FORCE)
    source_reference = models.TextField(_("source"), blank=True)
    completeness_note = models.TextField(_("note on completeness (Azerbaijani)"), blank=True)
    completeness_note_en = models.TextField(_("note on completeness (English)"), blank=True)
    completeness_note_ru = models.TextField(_("note on completeness (Russian)"), blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="acts", verbose_name=_("topics"))
    sort_order = models.PositiveIntegerField(_("order in lists"), default=1000)
    current_version = models.ForeignKey(
        "legal.ActVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="legal_act")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="legal_act",
        for_concrete_model=False,
    )

    objects = LegalActQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_en"),
        index.SearchField("title_ru"),
        index.AutocompleteField("title"),
        index.SearchField("number"),
        index.FilterField("act_type"),
        index.FilterField("status"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def localized_title(self) -> str:
        return localized_value(self, "title")

    @property
    def localized_completeness_note(self) -> str:
        return localized_value(self, "completeness_note")

    @property
    def year(self) -> int | None:
        return self.adoption_date.year if self.adoption_date else None

    def with_content_json(self, content):
        """Restore a revision, keeping the current version of the live act.

        The current version is derived from the published versions, not edited
        with the act, so an old revision must not bring back an old value.
        """
        obj = super().with_content_json(content)
        obj.current_version_id = self.current_version_id
        return obj

    def clean(self):
        super().clean()
        if self.slug and not SLUG_PATTERN.fullmatch(self.slug):
            raise ValidationError(
                {"slug": _("Use lowercase Latin letters, digits and hyphens only, for example “aile-mecellesi”.")}
            )
        if self.pk and self.live:
            published_slug = LegalAct.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
            if published_slug and published_slug != self.slug:
                raise ValidationError(
                    {"slug": _("The address of a published act cannot change: links and citations point at it.")}
                )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug_for(self.title)
        super().save(*args, **kwargs)

    @classmethod
    def unique_slug_for(cls, title: str) -> str:
        """Make an ASCII slug from an Azerbaijani title, unique among acts."""
        from cms.aztext import slugify

        base = slugify(title, max_length=90) or "akt"
        slug, counter = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug = f"{base}-{counter}"
            counter += 1
        return slug

    def get_preview_template(self, request, mode_name):
        return "legal/preview/act.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["act"] = self
        context["version"] = self.current_version
        return context


class ActVersion(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    models.Model,
):
    """One consolidated text of an act, with the date it took effect.

    A version owns its structure (divisions, provisions, amendment notes),
    built from ``source_text`` by the parser. Publishing a version makes it
    the act's current version.
    """

    act = models.ForeignKey(LegalAct, on_delete=models.CASCADE, related_name="versions", verbose_name=_("act"))
    effective_date = models.DateField(_("effective date of this text"), null=True, blank=True)
    amendment_note = models.TextField(
        _("what amended it"),
        blank=True,
        help_text=_("For example: amended by Law No. 1406-VQD of 28 December 2018."),
    )
    source_text = models.TextField(_("text"), help_text=_("The whole consolidated text in plain-text form."))
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    text_sha256 = models.CharField(max_length=64, editable=False, db_index=True)
    text_length = models.PositiveIntegerField(default=0, editable=False, help_text="Characters in source_text.")
    structure_sha256 = models.CharField(
        max_length=64,
        editable=False,
        blank=True,
        help_text="The text hash and parser version the structure rows were built from.",
    )
    preamble = models.TextField(blank=True, editable=False)
    closing_text = models.TextField(blank=True, editable=False)
    source_documents = models.TextField(
        blank=True, editable=False, help_text="The list of source documents printed before the amendment notes."
    )
    act_notes = models.ManyToManyField(
        "legal.AmendmentNote", blank=True, editable=False, related_name="+",
        help_text="Amendment notes marked on the title, preamble or closing text.",
    )
    parse_report = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="act_version")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="act_version",
        for_concrete_model=False,
    )

    class Meta:
        ordering = [models.F("effective_date").desc(nulls_last=True), "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self):
        if self.effective_date:
            return f"{self.act} ({self.effective_date:%d.%m.%Y})"
        return f"{self.act} (#{self.pk})"

    @property
    def revisions(self):
        return self._revisions

    @property
    def is_current(self) -> bool:
        return self.act.current_version_id == self.pk

    def save(self, *args, **kwargs):
        from ..hashing import normalise_text, text_sha256

        self.source_text = normalise_text(self.source_text)
        self.text_sha256 = text_sha256(self.source_text)
        self.text_length = len(self.source_text)
        super().save(*args, **kwargs)

    def get_preview_template(self, request, mode_name):
        return "legal/preview/version.html"

    def get_preview_context(self, request, mode_name):
        from ..numbering import numbering_problems
        from ..parsing import ParseError, parse_text

        context = super().get_preview_context(request, mode_name)
        try:
            parsed = parse_text(self.source_text, source=self.source_name or str(self.act))
        except ParseError as error:
            context["parse_error"] = error
        else:
            parsed.warnings = sorted([*parsed.warnings, *numbering_problems(parsed)], key=lambda item: item.line)
            context["parsed"] = parsed
        context["version"] = self
        return context
