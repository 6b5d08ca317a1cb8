"""Filings: an organization's application through an e-service, from first
draft to the ministry's decision, with its files and history."""

import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..storage import private_storage


class FilingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    RETURNED = "returned", _("Returned for correction")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


# Statuses in which the applicant may change answers and files.
EDITABLE_STATUSES = {FilingStatus.DRAFT, FilingStatus.RETURNED}


# Statuses in which the ministry has the filing and owes a decision.
AWAITING_DECISION = {FilingStatus.SUBMITTED, FilingStatus.UNDER_REVIEW}

# The ministry's decisions; a filing in one of these is closed.
DECIDED_STATUSES = {FilingStatus.ACCEPTED, FilingStatus.REJECTED}


class FilingQuerySet(models.QuerySet):
    def for_user(self, user):
        """Filings of the organizations ``user`` belongs to: the only ones they may see."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__memberships__user=user)

    def overdue(self, today=None):
        """Filings still awaiting a decision after their statutory deadline."""
        today = today or timezone.localdate()
        return self.filter(status__in=AWAITING_DECISION, decision_due__lt=today)


class Filing(models.Model):
    page = models.ForeignKey(
        "eservices.ServicePage", on_delete=models.PROTECT, related_name="filings", verbose_name=_("e-service")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("organization"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=FilingStatus.choices, default=FilingStatus.DRAFT, db_index=True
    )
    form_data = models.JSONField(_("answers"), default=dict, encoder=DjangoJSONEncoder)
    # The last step the applicant completed; the check-answers page needs all.
    completed_step = models.PositiveSmallIntegerField(default=0)
    reference = models.CharField(_("reference number"), max_length=20, unique=True, null=True, blank=True)

    created_at = models.DateTimeField(_("started"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    # How many times the applicant has submitted: 1, then one more per resubmission.
    submission_count = models.PositiveSmallIntegerField(default=0)

    # The ministry's side.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_filings",
        verbose_name=_("reviewer"),
    )
    decision_due = models.DateField(_("decision due"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    registration_date = models.DateField(_("date of registration"), null=True, blank=True)

    objects = FilingQuerySet.as_manager()

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["organization", "status"]),
            models.Index(fields=["status", "decision_due"]),
        ]
        permissions = [("review_filing", _("Can review filings of every e-service"))]

    def __str__(self) -> str:
        return self.reference or _("Draft %(id)s") % {"id": self.pk}

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_awaiting_decision(self) -> bool:
        return self.status in AWAITING_DECISION

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATUSES

    def days_left(self, today=None) -> int | None:
        """Days until the decision is due (negative when overdue), or None with no deadline or once decided."""
        if self.decision_due is None or not self.is_awaiting_decision:
            return None
        return (self.decision_due - (today or timezone.localdate())).days

    @property
    def is_overdue(self) -> bool:
        days = self.days_left()
        return days is not None and days < 0

    def service_url(self, suffix: str = "") -> str:
        """Return an address under the service page, in the reader's language when it exists."""
        return self.page.localized.get_url() + suffix

    def resume_url_on(self, page, step_count: int) -> str:
        """Return where the applicant carries on under ``page``: the first
        unfinished step, or the check-answers page when every step is done."""
        if self.completed_step < step_count:
            return page.url + page.reverse_subpage("step", args=(self.pk, self.completed_step + 1))
        return page.url + page.reverse_subpage("check_answers", args=(self.pk,))

    @property
    def resume_url(self) -> str:
        page = self.page.localized
        return self.resume_url_on(page, len(page.get_steps()))


class FilingAction(models.TextChoices):
    STARTED = "started", _("Started")
    SUBMITTED = "submitted", _("Submitted")
    RESUBMITTED = "resubmitted", _("Resubmitted after correction")
    ASSIGNED = "assigned", _("Assigned to a reviewer")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for correction")
    REJECTED = "rejected", _("Rejected")
    # The ministry corrected the registration number or date at the organization's request (cms.corrections).
    RECORD_CORRECTED = "record_corrected", _("Registration record corrected")


class FilingEvent(models.Model):
    """One step in a filing's history: who did what, when and why.

    ``note`` is the reason the applicant reads; ``details`` keeps what the
    step changed as ``{field: {"before": …, "after": …}}`` for the audit log.
    """

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="events")
    time = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=16, choices=FilingAction.choices, blank=True)
    from_status = models.CharField(max_length=16, choices=FilingStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=FilingStatus.choices)
    note = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["time", "pk"]

    def __str__(self) -> str:
        return f"{self.filing}: {self.from_status} → {self.to_status}"


def _private_path(instance, filename: str) -> str:
    # The stored name reveals nothing and cannot be guessed; the applicant's
    # file name is kept in original_name.
    return f"filings/{instance.filing_id}/{uuid.uuid4().hex}"


class FilingFile(models.Model):
    """A document uploaded to a filing; served only through a permission check."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="files")
    field_name = models.CharField(max_length=60)
    file = models.FileField(storage=private_storage, upload_to=_private_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ReferenceSequence(models.Model):
    """The last reference number given per service prefix and year."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="one_sequence_per_prefix_year")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last_number}"
