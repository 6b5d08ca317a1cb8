"""Readers' feedback on answers: "Was this helpful?" votes and view counts.

Neither is a field of the question page. Page fields are copied into every
revision, and publishing an older revision would bring back an old count.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_COMMENT_LENGTH = 1000


class AnswerVote(models.Model):
    """One reader's answer to "Was this helpful?" on one question page, with an optional comment after "no".

    ``session_hash`` is a keyed hash of the session key, so one session
    votes once per page; the session key itself is never stored. ``user``
    is set only when the reader was signed in.
    """

    page = models.ForeignKey(
        "help.FaqQuestionPage", on_delete=models.CASCADE, related_name="votes", verbose_name=_("question")
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=MAX_COMMENT_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    commented_at = models.DateTimeField(_("commented"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signed-in user"),
    )
    session_hash = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("answer vote")
        verbose_name_plural = _("answer votes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "session_hash"], name="help_answervote_one_per_session"),
        ]
        indexes = [models.Index(fields=["page", "helpful"])]

    def __str__(self) -> str:
        return f"{self.page_id}: {'yes' if self.helpful else 'no'}"


class AnswerViews(models.Model):
    """How many times a question page has been opened, in every language separately."""

    page = models.OneToOneField(
        "help.FaqQuestionPage", on_delete=models.CASCADE, primary_key=True, related_name="view_count"
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("answer views")
        verbose_name_plural = _("answer views")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.views}"
