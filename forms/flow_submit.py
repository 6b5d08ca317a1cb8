"""Submitting a filing: the declaration, and the one transaction that gives
it a reference number, keeps a copy of what was sent and notifies the
organization (the confirmation e-mail goes out through the notification queue)."""

import enum
import html
import re
from datetime import timedelta

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from .flow_steps import unfinished_steps
from .formfields import DeclarationField
from .models import Filing, FilingAction, FilingEvent, FilingStatus, FilingSubmission
from .references import next_reference
from .review import notices


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

        record_submission(page, filing, user)
    return Outcome.SUBMITTED


def record_submission(page, filing: Filing, user) -> None:
    """Mark ``filing`` submitted, keep a copy of what was sent and notify its organization.

    Called with the filing row locked. A filing returned for correction keeps
    its first reference number; its open corrections count as answered, and
    the ministry's time for a decision starts again from this submission.
    """
    now = timezone.now()
    previous_status = filing.status
    resubmitting = previous_status == FilingStatus.RETURNED

    filing.status = FilingStatus.SUBMITTED
    filing.submitted_at = now
    filing.first_submitted_at = filing.first_submitted_at or now
    filing.submission_count += 1
    if page.decision_days:
        filing.decision_due = timezone.localdate(now) + timedelta(days=page.decision_days)
    if not filing.reference:
        filing.reference = next_reference(page.reference_prefix)
    filing.updated_by = user
    filing.save(
        update_fields=[
            "status", "submitted_at", "first_submitted_at", "submission_count", "decision_due", "reference",
            "updated_by", "updated_at",
        ]
    )

    FilingSubmission.objects.create(
        filing=filing,
        number=filing.submission_count,
        submitted_at=now,
        submitted_by=user,
        form_data=filing.form_data,
        files=[
            {"id": row.pk, "field_name": row.field_name, "name": row.original_name, "sha256": row.sha256}
            for row in filing.files.all()
        ],
    )
    if resubmitting:
        filing.corrections.filter(resolved_at=None).update(resolved_at=now)

    action = FilingAction.RESUBMITTED if resubmitting else FilingAction.SUBMITTED
    event = FilingEvent.objects.create(
        filing=filing, user=user, action=action, from_status=previous_status, to_status=FilingStatus.SUBMITTED
    )
    log(instance=filing, action=f"eservices.{action}", user=user, data={"reference": filing.reference})
    notices.status_changed(event)


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
