"""Organizations on the register, verified by the ministry, or private, for the directory tests."""

import datetime
import itertools

from django.utils import timezone

from cms.organizations.choices import LegalForm, RegisterStatus, Sphere
from cms.organizations.models import Organization

_numbers = itertools.count(1)


def make_registered(name: str, **fields) -> Organization:
    """Create an organization as the register import does: imported, no members, no contacts unless given."""
    number = next(_numbers)
    values = {
        "name": name,
        "legal_form": LegalForm.PUBLIC_ASSOCIATION,
        "voen": f"15{number:08d}",
        "registration_number": f"14{number:08d}",
        "registration_date": datetime.date(2015, 3, 14),
        "legal_address": "Şəki şəhəri, Nizami küçəsi 7",
        "region": "seki-seheri",
        "sphere": Sphere.HEALTH,
        "register_status": RegisterStatus.ACTIVE,
        "imported_at": timezone.now(),
        "import_source": "register.csv",
        **fields,
    }
    organization = Organization(**values)
    organization.full_clean()
    organization.save()
    return organization


def make_many(count: int, **fields) -> list[Organization]:
    return [make_registered(f"“Nümunə {index:03d}” İctimai Birliyi", **fields) for index in range(count)]
