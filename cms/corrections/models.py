"""Members' requests to correct the ministry's data, and the evidence they attach.

A request keeps two sets of values, each ``{field name: text}`` with dates
as ISO strings: ``current_values``, the record as it was when the member
asked (the snapshot), and ``requested_values``, the values the member states are
correct. Staff accept a request only while the record still equals the
snapshot (cms.corrections.decisions).
"""

import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms.storage import private_storage

from .choices import CorrectionStatus, Subject


class CorrectionRequest(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="correction_requests",
        verbose_name=_("organization"),
    )
    # Set only when the request corrects a filing's registration record.
    filing = models.ForeignKey(
        "eservices.Filing",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correction_requests",
        verbose_name=_("filing"),
    )
    subject = models.CharField(_("what to correct"), max_length=32, choices=Subject.choices)
    current_values = models.JSONField(_("values when requested"), default=dict, encoder=DjangoJSONEncoder)
    requested_values = models.JSONField(_("requested values"), default=dict, encoder=DjangoJSONEncoder)
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=16, choices=CorrectionStatus.choices, default=CorrectionStatus.SUBMITTED, db_index=True
    )

    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("submitted by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    # The reason for a rejection, or the ministry's optional note on an acceptance.
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organization", "status"])]
        permissions = [("review_correction", _("Can review requests to correct the ministry's data"))]

    def __str__(self) -> str:
        return _("Request No. %(number)s") % {"number": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status == CorrectionStatus.SUBMITTED


def _evidence_path(instance, filename: str) -> str:
    # Like filings' files, the stored name reveals nothing and cannot be
    # guessed; the member's file name is kept in original_name.
    return f"corrections/{instance.organization_id}/{uuid.uuid4().hex}"


class CorrectionEvidence(models.Model):
    """A document a member attached to a request, served only after an access check.

    A file stays without a request while the member's form has errors, so
    that they need not choose it again. cms.corrections.evidence deletes
    such files once they are abandoned.
    """

    request = models.ForeignKey(
        CorrectionRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(storage=private_storage, upload_to=_evidence_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name
