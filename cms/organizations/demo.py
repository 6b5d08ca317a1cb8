"""Two invented organizations with members, and the invented sample register, for demo mode only.

The VÖENs and registration numbers have the right format but belong to no
real organization; the addresses use the reserved example.org domain.
"""

from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from cms.accounts.models import Profile

from .choices import LegalForm, Role
from .models import Membership, Organization
from .register_import import ImportReport, import_register

DEMO_PASSWORD = "fep-demo-2026"
# Invented organizations for the public directory, with a few deliberately bad rows.
SAMPLE_REGISTER = Path(__file__).with_name("register_sample.csv")

DEMO_ORGANIZATIONS = [
    {
        "organization": {
            "voen": "1700000011",
            "name": "“Gənc Hüquqşünaslar” İctimai Birliyi",
            "legal_form": LegalForm.PUBLIC_ASSOCIATION,
            "registration_number": "1400000123",
            "legal_address": "Gəncə şəhəri, Atatürk prospekti 12",
            "region": "gence",
            "phone": "+994222560011",
            "email": "info@genc-huquqsunaslar.example.org",
        },
        "members": [("aysel@example.org", Role.OWNER), ("rauf@example.org", Role.MEMBER)],
    },
    {
        "organization": {
            "voen": "1700000022",
            "name": "“Şəki Regional İnkişaf” Fondu",
            "legal_form": LegalForm.FOUNDATION,
            "registration_number": "1400000456",
            "legal_address": "Şəki şəhəri, M. F. Axundzadə prospekti 40",
            "region": "seki-seheri",
            "phone": "+994242440022",
            "email": "fond@seki-inkisaf.example.org",
        },
        "members": [("leyla@example.org", Role.OWNER), ("aysel@example.org", Role.MEMBER)],
    },
]


def _ensure_person(email: str):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(username=email.split("@")[0] + "-demo", email=email, password=DEMO_PASSWORD)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    Profile.objects.get_or_create(user=user)
    return user


@transaction.atomic
def ensure_demo_organizations() -> list[tuple[str, str, str]]:
    """Create the demo organizations and people; returns (e-mail, role, organization) rows."""
    if not settings.DEMO_MODE:
        raise RuntimeError("Demo organizations exist only when DEMO_MODE is on.")

    rows = []
    for entry in DEMO_ORGANIZATIONS:
        fields = dict(entry["organization"])
        organization, _ = Organization.objects.get_or_create(voen=fields.pop("voen"), defaults=fields)
        for email, role in entry["members"]:
            user = _ensure_person(email)
            Membership.objects.get_or_create(organization=organization, user=user, defaults={"role": role})
            rows.append((email, Role(role).label, organization.name))
    return rows


def ensure_demo_register() -> ImportReport:
    """Import the sample register, so the public directory has content.

    A second run finds every row unchanged and writes nothing. The sample's
    bad rows are rejected and reported, as they would be in a real import.
    """
    if not settings.DEMO_MODE:
        raise RuntimeError("The sample register is loaded only when DEMO_MODE is on.")
    return import_register(SAMPLE_REGISTER)
