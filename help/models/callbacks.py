"""Requests for a call back from the hotline, queued for staff in the admin."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.organizations.validators import format_phone

MAX_NAME_LENGTH = 150
MAX_MESSAGE_LENGTH = 1000
REFERENCE_PREFIX = "ZS"


class CallbackTopic(models.TextChoices):
    ACCOUNT = "account", _("My account and signing in")
    ORGANIZATION = "organization", _("My organization and its members")
    ESERVICE = "eservice", _("An application through an e-service")
    DOCUMENTS = "documents", _("Documents and uploads")
    OTHER = "other", _("Something else")


class CallbackStatus(models.TextChoices):
    NEW = "new", _("Waiting for a call")
    DONE = "done", pgettext_lazy("call-back status", "Done")


class CallbackRequest(models.Model):
    """Someone's request that the hotline call them back.

    ``reference`` (``ZS-2026-000042``) is set from the primary key in the
    transaction that creates the row, so it is unique and the person can
    quote it on the phone.
    """

    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=MAX_NAME_LENGTH)
    phone = models.CharField(_("phone number"), max_length=16)
    topic = models.CharField(_("topic"), max_length=20, choices=CallbackTopic.choices)
    message = models.TextField(_("message"), blank=True, max_length=MAX_MESSAGE_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=8, choices=CallbackStatus.choices, default=CallbackStatus.NEW, db_index=True
    )
    staff_note = models.TextField(
        _("staff note"), blank=True, help_text=_("What was done, for colleagues. The person never sees it.")
    )
    handled_at = models.DateTimeField(_("marked done"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("marked done by"),
    )

    class Meta:
        verbose_name = _("call-back request")
        verbose_name_plural = _("call-back requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.reference or str(self.pk)

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    def assign_reference(self) -> None:
        """Set the reference from the year received and the primary key, and save it."""
        self.reference = f"{REFERENCE_PREFIX}-{timezone.localdate(self.created_at).year}-{self.pk:06d}"
        type(self).objects.filter(pk=self.pk).update(reference=self.reference)
