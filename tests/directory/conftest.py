"""Fixtures of the directory tests: public organizations of every kind, and private data that must never show."""

import datetime

import pytest
from django.utils import timezone

from cms.organizations import membership
from cms.organizations.choices import LegalForm, RegisterStatus, Sphere
from cms.organizations.models import Organization
from forms.models import Filing
from tests.accounts.people import make_person

from tests.eservices.conftest import service_page  # noqa: F401  (fixture used by claimed)

from .factories import make_registered

# Private data of organizations: none of it may appear in a page, an export or the API.
OWNER_EMAIL = "nermin.aliyeva@example.org"
OWNER_NAME = "Nərmin Əliyeva"
CONTACT_EMAIL = "idare@saglam-gelecek.example.org"
CONTACT_PHONE = "+994502223344"
VERIFICATION_NOTE = "Şəhadətnamənin surəti yoxlanıldı, 12 saylı qovluq"
FILING_REFERENCE = "QR-2026-000917"


@pytest.fixture
def health_seki():
    """Three health organizations in Şəki, one liquidated."""
    return [
        make_registered("“Sağlam Gələcək” İctimai Birliyi", voen="1500110337", registration_number="1400200713"),
        make_registered("“Şəfqət” Tibbi Yardım Fondu", legal_form=LegalForm.FOUNDATION),
        make_registered(
            "“Sağlam Ana və Uşaq” İctimai Birliyi",
            register_status=RegisterStatus.LIQUIDATED,
            registration_date=datetime.date(2007, 3, 27),
        ),
    ]


@pytest.fixture
def others():
    return [
        make_registered(
            "“İstiqlal Gəncləri” İctimai Birliyi", sphere=Sphere.YOUTH, region="baki", legal_address="Bakı şəhəri"
        ),
        make_registered(
            "“Bilik Körpüsü” Maarifçilik İctimai Birliyi", sphere=Sphere.EDUCATION, region="gence",
            register_status=RegisterStatus.SUSPENDED,
        ),
    ]


@pytest.fixture
def private_organization():
    """Created by an applicant, never verified: not in the directory."""
    owner = make_person("gizli.sahib@example.org")
    organization = Organization(
        name="“Gizli Təşəbbüs” İctimai Birliyi",
        legal_form=LegalForm.PUBLIC_ASSOCIATION,
        voen="1700000099",
        legal_address="Bakı şəhəri, Nizami küçəsi 10",
        region="baki",
        sphere=Sphere.HEALTH,
        phone="+994501110099",
        email="gizli@example.org",
    )
    return membership.create_organization(organization, owner)


@pytest.fixture
def claimed(service_page):
    """A registered organization that members claimed: contacts, an owner, a verification note and a filing."""
    organization = make_registered(
        "“Səhiyyə Maarifi” İctimai Birliyi",
        region="seki-seheri",
        email=CONTACT_EMAIL,
        phone=CONTACT_PHONE,
        verified_at=timezone.now(),
        verification_note=VERIFICATION_NOTE,
    )
    owner = make_person(OWNER_EMAIL)
    owner.first_name, owner.last_name = OWNER_NAME.split()
    owner.save()
    organization.memberships.create(user=owner, role="owner")
    Filing.objects.create(page=service_page, organization=organization, created_by=owner, reference=FILING_REFERENCE)
    return organization


@pytest.fixture
def verified_only():
    """Created by an applicant and verified by the ministry, never imported: public, with no register status."""
    owner = make_person("tesdiqli@example.org")
    organization = Organization(
        name="“Təsdiqli Könüllülər” İctimai Birliyi",
        legal_form=LegalForm.PUBLIC_ASSOCIATION,
        voen="1700000088",
        registration_number="1400000888",
        legal_address="Gəncə şəhəri, Atatürk prospekti 5",
        region="gence",
        phone="+994501110088",
        email="tesdiqli@example.org",
    )
    organization = membership.create_organization(organization, owner)
    organization.verified_at = timezone.now()
    organization.save(update_fields=["verified_at"])
    return organization


PRIVATE_TEXTS = [OWNER_EMAIL, OWNER_NAME, "Nərmin", "Əliyeva", CONTACT_EMAIL, CONTACT_PHONE, "502223344",
                 VERIFICATION_NOTE, FILING_REFERENCE, "gizli@example.org", "+994501110099", "tesdiqli@example.org"]
