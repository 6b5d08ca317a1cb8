"""The ministry's review of filings: who may review which service, what a
reviewer flagged for correction, each submission as it was sent, and the
applicant's satisfaction score after the decision."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fields import safe_article_link, validate_article_link


class ReviewAccess(models.TextChoices):
    VIEW = "view", _("See filings")
    DECIDE = "decide", _("See filings, assign and decide")


class ServiceReviewPermission(models.Model):
    """Lets a group of staff see, or decide on, the filings of one e-service.

    The permission holds for the service in every language: it is matched
    through the page's translation key. People with "eservices.review_filing"
    review every service.
    """

    group = models.ForeignKey(
        "auth.Group", on_delete=models.CASCADE, related_name="service_review_permissions", verbose_name=_("group")
    )
    service = models.ForeignKey(
        "eservices.ServicePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("e-service")
    )
    access = models.CharField(_("access"), max_length=8, choices=ReviewAccess.choices, default=ReviewAccess.DECIDE)

    class Meta:
        verbose_name = _("e-service review permission")
        verbose_name_plural = _("e-service review permissions")
        constraints = [models.UniqueConstraint(fields=["group", "service"], name="one_review_permission_per_service")]

    def __str__(self) -> str:
        return f"{self.group}: {self.service} ({self.get_access_display()})"


class FilingSubmission(models.Model):
    """A filing as the applicant sent it, once per submission, so reviewers
    can compare a resubmission with what was sent before."""

    filing = models.ForeignKey("eservices.Filing", on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    form_data = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    # [{"id", "field_name", "name", "sha256"}] of the files attached at the time.
    files = models.JSONField(default=list)

    class Meta:
        ordering = ["filing", "number"]
        constraints = [models.UniqueConstraint(fields=["filing", "number"], name="one_snapshot_per_submission")]

    def __str__(self) -> str:
        return f"{self.filing} #{self.number}"


class FieldCorrection(models.Model):
    """A field or document a reviewer marked as wrong when returning a filing.

    Open corrections (``resolved_at`` empty) are the only answers the
    applicant may change while the filing is returned.
    """

    filing = models.ForeignKey("eservices.Filing", on_delete=models.CASCADE, related_name="corrections")
    # The submission the reviewer read when flagging the field.
    submission_number = models.PositiveSmallIntegerField()
    field_name = models.CharField(_("field"), max_length=60)
    field_label = models.CharField(_("field label"), max_length=255)
    comment = models.TextField(_("what to correct"))
    article_link = models.CharField(
        _("link to the article that requires it"), max_length=300, blank=True, validators=[validate_article_link]
    )
    article_label = models.CharField(_("name of that article"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["filing", "submission_number", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.filing}: {self.field_label}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def safe_article_link(self) -> str:
        return safe_article_link(self.article_link)


class SatisfactionResponse(models.Model):
    """An applicant's 0–10 answer to "how satisfied are you?" after a decision."""

    filing = models.ForeignKey("eservices.Filing", on_delete=models.CASCADE, related_name="satisfaction")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(10)])
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("satisfaction score")
        verbose_name_plural = _("satisfaction scores")
        constraints = [
            models.UniqueConstraint(fields=["filing", "user"], name="one_score_per_person_and_filing"),
            models.CheckConstraint(condition=models.Q(score__lte=10), name="score_at_most_ten"),
        ]

    def __str__(self) -> str:
        return f"{self.filing}: {self.score}"
