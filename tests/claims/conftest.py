"""Organizations imported from the register, people who claim them, and ministry staff.

Staff read the admin in English, so assertions on admin pages do not depend
on the translations. Claimants read the site in Azerbaijani, the default.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from wagtail.users.models import UserProfile

from cms.claims.models import ClaimDocument
from cms.claims.setup import ensure_claim_reviewer_group
from cms.organizations.choices import LegalForm, RegisterStatus
from cms.organizations.models import Organization
from cms.organizations.setup import ensure_officer_group
from tests.accounts.people import PASSWORD, make_person

REGISTER_EMAIL = "info@sefa-yolu.example.org"
CODE_IN_MAIL = re.compile(r"^\s*([0-9]{6})\s*$", re.MULTILINE)


def imported_organization(
    *,
    name="“Şəfa Yolu” İctimai Birliyi",
    voen="1500120674",
    registration_number="1400201426",
    email=REGISTER_EMAIL,
    register_status=RegisterStatus.ACTIVE,
) -> Organization:
    """Create an organization as the register import does: no members, no phone."""
    return Organization.objects.create(
        name=name,
        legal_form=LegalForm.PUBLIC_ASSOCIATION,
        voen=voen,
        registration_number=registration_number,
        legal_address="Şəki şəhəri, Nizami küçəsi 7",
        region="seki-seheri",
        email=email,
        register_status=register_status,
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def staff_person(username: str, *groups, first_name="Nigar", last_name="Məmmədova"):
    """An active member of staff who reads the admin in English."""
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@justice.example.az",
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    user.groups.add(*groups)
    return user


def code_from_mail(address: str = REGISTER_EMAIL) -> str:
    """Return the code in the newest e-mail to ``address``."""
    messages = [message for message in mail.outbox if address in message.to]
    assert messages, f"no e-mail to {address}"
    found = CODE_IN_MAIL.findall(messages[-1].body)
    assert len(found) == 1, messages[-1].body
    return found[0]


@pytest.fixture
def organization():
    return imported_organization()


@pytest.fixture
def claimant():
    return make_person("leyla.huseynova@example.org")


@pytest.fixture
def claimant_client(claimant):
    return signed_in(claimant)


@pytest.fixture
def rival():
    return make_person("ramil.quliyev@example.org")


@pytest.fixture
def reviewer():
    return staff_person("gunel", ensure_claim_reviewer_group(), first_name="Günel", last_name="Əsədova")


@pytest.fixture
def officer():
    """Staff with admin access who may not review claims."""
    return staff_person("tural", ensure_officer_group(), first_name="Tural", last_name="İsmayılov")


@pytest.fixture
def private_media_root(tmp_path, settings):
    """A private storage folder of this test's own, so parallel runs never delete each other's files."""
    storage = ClaimDocument._meta.get_field("file").storage
    original = dict(storage.__dict__)
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    storage._location = str(tmp_path)
    # FileSystemStorage caches both paths on first use.
    storage.__dict__.pop("base_location", None)
    storage.__dict__.pop("location", None)
    yield tmp_path
    storage.__dict__.clear()
    storage.__dict__.update(original)
