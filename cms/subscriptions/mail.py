"""The e-mails of subscriptions, in the subscriber's language, each with a one-click unsubscribe link.

Every message carries ``List-Unsubscribe`` and ``List-Unsubscribe-Post``
(RFC 8058), so mail programs offer their own "Unsubscribe" button, which
POSTs to the link without a cookie or CSRF token.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cms.accounts.mail import absolute_url

from . import tokens
from .models import Subscription


def link(view_name: str, token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse(f"subscriptions:{view_name}", kwargs={"token": token}))


def send_subscription_mail(template: str, subscription: Subscription, context: dict) -> None:
    """Render ``<template>_subject.txt`` and ``_message.txt`` in the subscriber's language and send them."""
    language = subscription.language
    unsubscribe_url = link("unsubscribe", tokens.unsubscribe_token(subscription), language)
    context = {**context, "subscription": subscription, "unsubscribe_url": unsubscribe_url}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context).strip() + "\n"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [subscription.email], headers=headers).send()
