"""Rules of law that a form field alone cannot check.

Each rule reads a filing's answers by field name. It applies to any service
whose form has the fields it names, so it does not depend on page ids or
titles, and editors keep it working as long as they keep the field names
(names never change once a field exists).
"""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

CASH_LIMIT_AZN = Decimal("200")
REGISTRATION_DEADLINE_DAYS = 15


def _choice_position(page, field_name: str, value) -> int | None:
    """Stored choices are the text in the page's language; compare by position."""
    for definition in page.get_form_fields():
        if definition.clean_name == field_name and value in definition.choice_list:
            return definition.choice_list.index(value)
    return None


def cash_donation_errors(page, answers: dict) -> dict[str, str]:
    """Donations may not be taken in cash, except up to 200 manat by a CSO
    whose main purpose is charity (Code of Administrative Offences, Art. 466).
    The form's second payment choice is that cash exception."""
    if _choice_position(page, "payment_method", answers.get("payment_method")) != 1:
        return {}

    money = answers.get("amount") or {}
    try:
        amount = Decimal(str(money.get("amount")))
    except (InvalidOperation, TypeError, AttributeError):
        return {}
    if money.get("currency") == "AZN" and amount <= CASH_LIMIT_AZN:
        return {}
    return {
        "amount": _(
            "A donation in cash may be at most 200 manat, and only to an organization whose main purpose is "
            "charity (Code of Administrative Offences, Article 466). A larger donation must be paid by bank "
            "transfer: choose bank transfer if it was, or return the cash to the donor."
        )
    }


def deadline_warnings(page, answers: dict) -> list[str]:
    """Grant agreements and service contracts are registered within 15 days
    of signing; past that, the applicant is warned before submitting."""
    signed_on = answers.get("signed_on")
    if not signed_on:
        return []
    try:
        signed = date.fromisoformat(signed_on)
    except (TypeError, ValueError):
        return []

    deadline = signed + timedelta(days=REGISTRATION_DEADLINE_DAYS)
    if timezone.localdate() <= deadline:
        return []
    return [
        _(
            "The 15-day deadline for registration ended on %(date)s. You can still submit, but filing late "
            "is an administrative offence (Code of Administrative Offences, Article 432)."
        )
        % {"date": formats.date_format(deadline)}
    ]


def earlier_reference_warnings(page, filing) -> list[str]:
    """Return a warning when the original grant's number that an addendum,
    change or sub-grant names is not an accepted filing of the same
    organization in this service. Grants registered on paper before this site
    have numbers it cannot know, so this is a warning, not an error."""
    from .models import Filing, FilingStatus

    number = "".join(str(filing.form_data.get("earlier_reference") or "").split()).upper()
    if not number:
        return []

    earlier = (
        Filing.objects.filter(organization=filing.organization, page__translation_key=page.translation_key)
        .exclude(pk=filing.pk)
        .filter(Q(reference__iexact=number) | Q(registration_number__iexact=number))
        .first()
    )
    if earlier is None:
        return [
            _(
                "%(number)s is not the number of an application of %(organization)s in this e-service. Check the "
                "number. If the grant was registered on paper, you can still submit."
            )
            % {"number": number, "organization": filing.organization.name}
        ]
    if earlier.status != FilingStatus.ACCEPTED:
        return [
            _("Application %(number)s has not been accepted: its status is “%(status)s”.")
            % {"number": number, "status": earlier.get_status_display()}
        ]
    return []


def rule_errors(page, answers: dict, field_names) -> dict[str, str]:
    """Errors of every rule, kept to the fields of the step being checked."""
    errors = cash_donation_errors(page, answers)
    return {name: message for name, message in errors.items() if name in field_names}
