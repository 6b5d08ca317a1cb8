"""Reference numbers such as QR-2026-000123: readable, unique per service.

A number is taken from the service's row for the year, locked for the rest
of the submitting transaction, so concurrent submissions on PostgreSQL queue
on that row and never share a number. A submission that fails after taking
its number rolls the row back with it. A gap appears only if the database
loses a committed number, and the format tolerates that.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ReferenceSequence


def next_reference(prefix: str) -> str:
    """Take the next number; call inside the transaction that stores it."""
    year = timezone.localdate().year
    sequence = _locked_sequence(prefix, year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{prefix}-{year}-{sequence.last_number:06d}"


def _locked_sequence(prefix: str, year: int) -> ReferenceSequence:
    try:
        return ReferenceSequence.objects.select_for_update().get(prefix=prefix, year=year)
    except ReferenceSequence.DoesNotExist:
        pass

    # The first filing of the year creates the row. If another submission
    # created it a moment earlier, the unique constraint stops this insert,
    # so the row is read again, locked.
    try:
        with transaction.atomic():
            ReferenceSequence.objects.create(prefix=prefix, year=year)
    except IntegrityError:
        pass
    return ReferenceSequence.objects.select_for_update().get(prefix=prefix, year=year)
