"""Changes to legislation: the record behind the public list and feed of what changed in the library.

A row is written by ``cms.legal.changes`` when an act gets a newer current
version, when an editor publishes the first version of a new act, or when an
act's status changes. Rows are history: they are never edited, and a new wording
whose version is unpublished or deleted drops out of the public list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .acts import ActVersion, LegalAct
from .choices import ActStatus


class ChangeKind(models.TextChoices):
    ADDED = "added", _("Added to the library")
    NEW_VERSION = "new_version", _("New wording in force")
    STATUS = "status", _("Status changed")


class ActChangeQuerySet(models.QuerySet):
    def public(self):
        """Changes a visitor may see: of public acts, and new wordings that are still published."""
        return self.filter(
            act__live=True,
            act__current_version__isnull=False,
            act__current_version__live=True,
        ).filter(models.Q(kind=ChangeKind.STATUS) | models.Q(version__live=True))


class ActChange(models.Model):
    """One change to an act that readers should hear about."""

    act = models.ForeignKey(LegalAct, on_delete=models.CASCADE, related_name="changes", verbose_name=_("act"))
    kind = models.CharField(_("kind of change"), max_length=16, choices=ChangeKind.choices)
    date = models.DateField(
        _("date"), help_text=_("When the change takes effect: the new wording's effective date, or the day the status changed.")
    )
    version = models.ForeignKey(
        ActVersion,
        verbose_name=_("version"),
        null=True,
        blank=True,
        # A status change keeps its row when the version it was recorded with is deleted.
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    old_status = models.CharField(_("old status"), max_length=16, choices=ActStatus.choices, blank=True)
    new_status = models.CharField(_("new status"), max_length=16, choices=ActStatus.choices, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)

    objects = ActChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("change to legislation")
        verbose_name_plural = _("changes to legislation")

    def __str__(self):
        return f"{self.act}: {self.get_kind_display()} ({self.date:%d.%m.%Y})"
