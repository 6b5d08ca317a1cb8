"""Submitting a filing: the declaration, the one transaction that gives it a
reference number, and the confirmation e-mail."""

import enum
import html
import re

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.accounts.adapter import recipient_language
from cms.accounts.mail import absolute_url, send_templated_mail

from .flow_steps import unfinished_steps
from .formfields import DeclarationField
from .models import Filing, FilingEvent, FilingStatus
from .references import next_reference


class DeclarationForm(forms.Form):
    """The tick box under the answers; its label is the page's declaration text."""

    confirm = DeclarationField(label=_("I confirm"))

    def __init__(self, *args, declaration: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = declaration


class Outcome(enum.Enum):
    SUBMITTED = "submitted"
    ALREADY_SUBMITTED = "already_submitted"
    UNFINISHED = "unfinished"


def submit_filing(page, filing_id: int, user) -> Outcome:
    """Submit a draft once, however many times the button is pressed.

    The filing row stays locked until the transaction ends, so a second
    request for the same filing waits, then finds it submitted and changes
    nothing. Every step's stored answers are checked again first.
    """
    with transaction.atomic():
        # Lock the filing row only: other submissions of the same organization need not wait.
        filing = Filing.objects.select_for_update(of=("self",)).select_related("organization").get(pk=filing_id)
        if not filing.is_editable:
            return Outcome.ALREADY_SUBMITTED
        if unfinished_steps(page, page.get_steps(), filing):
            return Outcome.UNFINISHED

        previous_status = filing.status
        filing.status = FilingStatus.SUBMITTED
        filing.submitted_at = timezone.now()
        # A filing returned for correction keeps the number it was given first.
        if not filing.reference:
            filing.reference = next_reference(page.reference_prefix)
        filing.updated_by = user
        filing.save(update_fields=["status", "submitted_at", "reference", "updated_by", "updated_at"])
        FilingEvent.objects.create(
            filing=filing, user=user, from_status=previous_status, to_status=FilingStatus.SUBMITTED
        )
        transaction.on_commit(lambda: send_submitted_mail(page, filing, user))
    return Outcome.SUBMITTED


def page_in_language(page, language: str):
    """Return the live translation of ``page`` in ``language``, or the page itself."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated.specific if translated is not None and translated.live else page


def rich_text_to_plain(text: str) -> str:
    """Convert Wagtail rich text to plain text, one paragraph or list item per line."""
    text = re.sub(r"<li[^>]*>", "- ", text or "")
    text = re.sub(r"</(p|li|h[1-6])>|<br\s*/?>", "\n", text)
    lines = (" ".join(line.split()) for line in html.unescape(strip_tags(text)).splitlines())
    return "\n".join(line for line in lines if line)


def send_submitted_mail(page, filing: Filing, user) -> None:
    """E-mail the person who submitted: the reference and what happens next, in their language."""
    language = recipient_language(user)
    service = page_in_language(page, language)
    # The site-relative path, with the language prefix of the translation.
    page_path = service.get_url_parts()[2]
    confirmation_path = page_path + service.reverse_subpage("confirmation", args=(filing.pk,))
    context = {
        "filing": filing,
        "reference": filing.reference,
        "service_title": service.title,
        "organization": filing.organization,
        "what_happens_next": rich_text_to_plain(service.what_happens_next),
        "decision_days": service.decision_days,
        "url": absolute_url(confirmation_path),
    }
    send_templated_mail("eservices/email/filing_submitted", user.email, context, language=language)
