"""The structure of one version: divisions, provisions and amendment notes."""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import LockableMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from .acts import ActVersion
from .choices import PROVISION_SLUG_PREFIX, DivisionKind, ProvisionKind

# A numbered paragraph at the start of a line: "1.2.", "12.3.4.", "I.", "IV."
PARAGRAPH_NUMBER = re.compile(r"^(?P<number>(?:\d+(?:-\d+)?\.)+|[IVXL]+\.)\s")


class Division(models.Model):
    """A part (bölmə), chapter (fəsil) or numbered section of a version."""

    version = models.ForeignKey(ActVersion, on_delete=models.CASCADE, related_name="divisions")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    kind = models.CharField(max_length=16, choices=DivisionKind.choices)
    number = models.CharField(max_length=32, blank=True)
    title = models.CharField(max_length=1000, blank=True)
    text = models.TextField(blank=True, help_text="Text between the heading and the first provision.")
    slug = models.SlugField(max_length=80)
    position = models.PositiveIntegerField()
    depth = models.PositiveSmallIntegerField(default=0)
    notes = models.ManyToManyField("AmendmentNote", blank=True, related_name="divisions")

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "slug"], name="unique_division_slug_per_version"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number} {self.title}".strip()


class AmendmentNote(models.Model):
    """A note from the list of amendments: which act changed the text, and the wording before."""

    version = models.ForeignKey(ActVersion, on_delete=models.CASCADE, related_name="notes")
    number = models.PositiveIntegerField()
    text = models.TextField()
    amending_act_date = models.DateField(null=True, blank=True)
    amending_act_number = models.CharField(max_length=64, blank=True)
    previous_wording = models.TextField(blank=True)

    class Meta:
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="unique_note_number_per_version"),
        ]

    def __str__(self):
        return f"[{self.number}] {self.text[:80]}"


class Provision(LockableMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """An article (maddə), or a point (bənd) in an act without articles.

    The slug (``madde-7-1``) is the stable part of the article's permalink:
    it is derived from the number and is the same in every version.
    """

    version = models.ForeignKey(ActVersion, on_delete=models.CASCADE, related_name="provisions")
    division = models.ForeignKey(
        Division, null=True, blank=True, on_delete=models.SET_NULL, related_name="provisions"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ProvisionKind.choices, editable=False)
    number = models.CharField(_("number"), max_length=32, editable=False)
    slug = models.SlugField(max_length=80, editable=False)
    title = models.CharField(_("heading"), max_length=1000, blank=True)
    text = models.TextField(_("text"), help_text=_("Separate paragraphs with a blank line."))
    position = models.PositiveIntegerField(editable=False)
    notes = models.ManyToManyField(AmendmentNote, blank=True, related_name="provisions", editable=False)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="provision")

    # Wagtail's own database search over articles. The site searches with the
    # search app; this index is the baseline that bench/search.py compares with.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.FilterField("version_id"),
    ]

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["version", "slug"], name="unique_provision_slug_per_version"),
        ]
        indexes = [models.Index(fields=["version", "position"], name="provision_order")]

    def __str__(self):
        return f"{self.label}. {self.title}" if self.title else self.label

    @property
    def revisions(self):
        return self._revisions

    @property
    def label(self) -> str:
        """The heading label in Azerbaijani, as the act prints it: ``Maddə 7-1``."""
        if self.kind == ProvisionKind.ARTICLE:
            return f"Maddə {self.number}"
        return f"{self.number}."

    @staticmethod
    def slug_for(kind: str, number: str) -> str:
        number_part = re.sub(r"[^0-9a-z]+", "-", number.lower()).strip("-") or "0"
        return f"{PROVISION_SLUG_PREFIX[kind]}-{number_part}"

    def paragraphs(self) -> list[dict]:
        """Split the text into paragraphs, each with an anchor when it is numbered."""
        result = []
        for block in self.text.split("\n\n"):
            block = block.strip()
            if not block:
                continue
            match = PARAGRAPH_NUMBER.match(block)
            anchor = ""
            if match:
                anchor = "p-" + re.sub(r"[^0-9A-Za-z]+", "-", match["number"]).strip("-")
            result.append({"text": block, "anchor": anchor})
        return result

    def get_preview_template(self, request, mode_name):
        return "legal/preview/provision.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["provision"] = self
        context["act"] = self.version.act
        return context
