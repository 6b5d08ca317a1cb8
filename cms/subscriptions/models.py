"""E-mail subscriptions: who asked for which e-mails, what was announced, and each e-mail sent.

An address is stored only to send the e-mails it asked for. Unsubscribing
deletes the subscription with its delivery records, and a subscription that
is not confirmed within UNCONFIRMED_LIFETIME is deleted by the send sweep
(``manage.py send_subscription_emails``).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# DeliveryStatus is imported from here too, as the status of a subscription e-mail.
from cms.notifications.models import DeliveryStatus, RetriedDelivery  # noqa: F401

UNCONFIRMED_LIFETIME = timedelta(days=7)


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class SubscriptionKind(models.TextChoices):
    NEWS = "news", _("News")
    ACT = "act", _("Changes to a legal act")


class Subscription(models.Model):
    """One address that asked for the news in one language, or for the changes to one act."""

    kind = models.CharField(_("kind"), max_length=8, choices=SubscriptionKind.choices)
    # Stored folded (cms.accounts.emails.fold_email), so "ƏLİ@…" and "əli@…" are one subscriber.
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=8)
    act = models.ForeignKey(
        "legal.LegalAct",
        verbose_name=_("legal act"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    # A news category value; empty means every category.
    category = models.CharField(_("category"), max_length=64, blank=True)
    # The person who followed while signed in; deleting the account deletes what they follow.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    # Signed into the confirmation and unsubscribe links, so a link keeps working
    # only for this row even if the database reuses its id after a deletion.
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "language"],
                condition=models.Q(kind="news"),
                name="subscriptions_one_news_subscription_per_language",
            ),
            models.UniqueConstraint(
                fields=["email", "act"],
                condition=models.Q(kind="act"),
                name="subscriptions_one_follow_per_act",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="news", act__isnull=True) | models.Q(kind="act", act__isnull=False),
                name="subscriptions_act_only_for_act_kind",
            ),
        ]
        indexes = [models.Index(fields=["kind", "confirmed_at"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_kind_display()})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Announcement(models.Model):
    """One news item or one change to an act, with what its e-mails say in each language.

    The words and links are copied when the signal arrives, so the e-mails
    can be written later by the worker even if the page or act changes.
    """

    key = models.CharField(max_length=80, unique=True)  # "news:<page id>" or "act-change:<change id>"
    kind = models.CharField(_("kind"), max_length=8, choices=SubscriptionKind.choices)
    act = models.ForeignKey("legal.LegalAct", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8, blank=True)  # news: the page's language
    category = models.CharField(_("category"), max_length=64, blank=True)
    # {language code: {"title": ..., "url": ..., "summary": ...}}
    content = models.JSONField(default=dict)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Set once a delivery exists for every subscriber; until then the sweep finishes the job.
    fanned_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return self.key


class Delivery(RetriedDelivery):
    """The e-mail of one announcement to one subscriber, and every attempt to send it.

    The unique pair is what makes a repeated signal or a retried task send nothing twice.
    """

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="deliveries")

    class Meta:
        verbose_name = _("subscription e-mail")
        verbose_name_plural = _("subscription e-mails")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "announcement"], name="subscriptions_one_email_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.announcement_id} → {self.subscription_id}: {self.status}"
