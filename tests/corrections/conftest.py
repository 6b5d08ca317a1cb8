"""Organizations, an accepted grant filing and ministry staff, shared by the correction tests.

From tests/eservices/conftest.py and tests/review/conftest.py:

- ``member``: aysel@example.az, owner of ``organization`` (“Gənclər Birliyi”,
  VÖEN 1400057421), who reads e-mails in Azerbaijani;
- ``colleague``: kamran@example.az, a plain member who reads English;
- ``outsider``: rauf@example.az, owner of “Ekoloji Təşəbbüs” (VÖEN 2200112233).

Staff read the admin in English. ``officer`` has "corrections.review_correction"
through the "Data correction reviewers" group; ``decider`` reviews grant
filings but may not decide on corrections.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cms.corrections.forms import values_digest
from cms.corrections.models import CorrectionEvidence
from cms.corrections.setup import ensure_reviewer_group
from cms.corrections.subjects import filing_target, organization_target
from forms.models import FilingFile
from forms.review import actions
from tests.eservices import files
from tests.eservices.conftest import (  # noqa: F401  (fixtures used by the correction tests)
    colleague,
    make_organization,
    member,
    organization,
    outsider,
    service_page,
    signed_in_client,
)
from tests.review.conftest import (  # noqa: F401
    chief,
    decider,
    deciders_group,
    staff_person,
    submitted_grant_filing,
)

NAMESPACE = "correction_review"


def admin_url(view_name: str, *args) -> str:
    return reverse(f"{NAMESPACE}:{view_name}", args=[getattr(arg, "pk", arg) for arg in args])


def pdf(name: str = "Qeydiyyat şəhadətnaməsi.pdf", text: str = "Dovlet qeydiyyati") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, files.pdf_bytes(text=text), content_type="application/pdf")


def png(name: str = "Çıxarış.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, files.png_bytes(), content_type="image/png")


def send(client, organization, subject: str, values: dict, *, reason="Dövlət qeydiyyatı şəhadətnaməsində başqa cür yazılıb.",
         evidence=None, filing=None, **extra):
    """Post the request form for ``subject`` (or ``filing``) as the browser would, with the digest it showed."""
    target = filing_target(filing) if filing is not None else organization_target(organization, subject)
    url = (
        reverse("corrections:new_filing", args=[organization.pk, filing.pk])
        if filing is not None
        else reverse("corrections:new", args=[organization.pk, subject])
    )
    data = {
        "current_digest": values_digest(target.read_values()),
        "reason": reason,
        "evidence": [pdf()] if evidence is None else evidence,
        **values,
        **extra,
    }
    return client.post(url, data)


@pytest.fixture
def private_media_root(tmp_path, settings):
    """A private storage folder of this test's own, for filings' files and evidence alike."""
    storages = [
        FilingFile._meta.get_field("file").storage,
        CorrectionEvidence._meta.get_field("file").storage,
    ]
    originals = [dict(storage.__dict__) for storage in storages]
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    for storage in storages:
        storage._location = str(tmp_path)
        # FileSystemStorage caches both paths on first use.
        storage.__dict__.pop("base_location", None)
        storage.__dict__.pop("location", None)
    yield tmp_path
    for storage, original in zip(storages, originals):
        storage.__dict__.clear()
        storage.__dict__.update(original)


@pytest.fixture
def officer(db):
    """A ministry officer who decides on correction requests."""
    return staff_person("gunel", "Günel", "Səfərova", ensure_reviewer_group())


@pytest.fixture
def officer_client(officer):
    return signed_in_client(officer)


@pytest.fixture
def member_client(member, organization):
    return signed_in_client(member)


@pytest.fixture
def colleague_client(colleague):
    return signed_in_client(colleague)


@pytest.fixture
def outsider_client(outsider):
    return signed_in_client(outsider)


@pytest.fixture
def accepted_filing(service_page, organization, member, chief, private_media_root):
    """A grant filing the ministry accepted today with registration number QR-QEYD-77."""
    filing = submitted_grant_filing(service_page, organization, member)
    actions.accept(
        filing.pk,
        by=chief,
        registration_number="QR-QEYD-77",
        registration_date=timezone.localdate(filing.first_submitted_at),
        note="Qeydiyyata alındı.",
    )
    filing.refresh_from_db()
    return filing
