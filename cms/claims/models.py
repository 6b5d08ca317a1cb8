"""Claims on organizations that are on the ministry's register.

A person claims an organization to become the first (or another) person
acting for it. They prove it either with a one-time code e-mailed to the
organization's address on record (ClaimCode), or with documents that
ministry staff check (ClaimDocument). cms.claims.actions contains every rule
that changes these rows.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.organizations.choices import Role
from cms.organizations.models import Organization
from forms.storage import private_storage


class ClaimStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    SUBMITTED = "submitted", _("Waiting for the ministry")
    COMPLETED = "completed", _("Confirmed by e-mail code")
    APPROVED = "approved", _("Approved by the ministry")
    REFUSED = "refused", _("Refused by the ministry")
    CANCELLED = "cancelled", _("Cancelled")


# A person has at most one claim in these statuses per organization.
OPEN_STATUSES = (ClaimStatus.OPEN, ClaimStatus.SUBMITTED)
# Claims that made the claimant a member.
GRANTED_STATUSES = (ClaimStatus.COMPLETED, ClaimStatus.APPROVED)


class ClaimQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Claim(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="claims", verbose_name=_("organization")
    )
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organization_claims",
        verbose_name=_("claimant"),
    )
    status = models.CharField(_("status"), max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.OPEN)
    note = models.TextField(_("claimant's note"), blank=True)

    created_at = models.DateTimeField(_("started"), default=timezone.now)
    # Any step the claimant takes; an open claim left alone stops holding the
    # e-mail code route (cms.claims.rules.ACTIVITY_WINDOW).
    last_activity_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("documents submitted"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    # The refusal's reason, or the note that came with an approval; the claimant reads it.
    decision_note = models.TextField(_("decision note"), blank=True)
    granted_role = models.CharField(_("role granted"), max_length=16, choices=Role.choices, blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization claim")
        verbose_name_plural = _("organization claims")
        ordering = ["-created_at", "-pk"]
        default_permissions = ()
        permissions = [("review_claim", _("Can review organization claims"))]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "claimant"],
                condition=Q(status__in=OPEN_STATUSES),
                name="claim_one_open_per_person",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"], name="claim_organization_status")]

    def __str__(self) -> str:
        return f"{self.organization} — {self.claimant.email}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_granted(self) -> bool:
        return self.status in GRANTED_STATUSES


class VoidReason(models.TextChoices):
    EXPIRED = "expired", _("Expired")
    ATTEMPTS = "attempts", _("Too many wrong attempts")
    REPLACED = "replaced", _("Replaced by a new code")
    CLOSED = "closed", _("Claim closed")


class ClaimCode(models.Model):
    """A one-time code e-mailed to the organization's address; only its HMAC is stored."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64, editable=False)
    # The organization's address at sending time; the record may change later.
    sent_to = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)
    void_reason = models.CharField(max_length=16, choices=VoidReason.choices, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["claim", "created_at"], name="claimcode_claim_created")]

    def __str__(self) -> str:
        return f"code {self.pk} of claim {self.claim_id}"

    @property
    def is_live(self) -> bool:
        """Not used, not void and not yet expired."""
        return self.used_at is None and self.voided_at is None and self.expires_at > timezone.now()


class DocumentKind(models.TextChoices):
    CHARTER = "charter", _("Charter")
    AUTHORITY = "authority", _("Letter of authority")
    OTHER = "other", _("Other document")


def _private_path(instance, filename: str) -> str:
    # The stored name reveals nothing; the claimant's file name is kept in original_name.
    return f"claims/{instance.claim_id}/{uuid.uuid4().hex}"


class ClaimDocument(models.Model):
    """A document sent with a claim; served only to the claimant and to claim reviewers."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=16, choices=DocumentKind.choices)
    file = models.FileField(storage=private_storage, upload_to=_private_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["claim", "kind"], name="claimdocument_one_per_kind")]

    def __str__(self) -> str:
        return self.original_name
