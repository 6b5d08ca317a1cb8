"""Plain-text e-mails rendered in the recipient's language.

Every message is a pair of templates, ``<name>_subject.txt`` and
``<name>_message.txt``. django-allauth's own e-mails go through
cms.accounts.adapter, which applies the same language rule.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


def send_templated_mail(template: str, to: str, context: dict, language: str | None = None) -> None:
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context).strip() + "\n"
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to]).send()
