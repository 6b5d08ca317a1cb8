"""Ministry reviewers and submitted filings, shared by the review tests.

Two services: the grant agreement service of tests/eservices/conftest.py
(prefix QR) and a service for donor registrations (prefix DR). Staff read
the admin in English, so assertions do not depend on the translations:

- ``decider`` and ``second_decider`` may see, assign and decide grant filings;
- ``viewer`` may only see grant filings;
- ``donor_reviewer`` decides on donor filings only;
- ``chief`` has "eservices.review_filing": every service.

Filings are submitted through forms.flow_submit.record_submission, as the
applicant's "Submit" button does, with real documents in private storage.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from wagtail.users.models import UserProfile

from forms import uploads
from forms.flow_submit import record_submission
from forms.models import (
    Filing,
    FilingAction,
    FilingEvent,
    FilingFile,
    FilingStatus,
    ReviewAccess,
    ServiceReviewPermission,
)
from tests.eservices import files
from tests.eservices.conftest import (  # noqa: F401  (fixtures used by the review tests)
    AGREE,
    english_service_page,
    make_organization,
    make_service_page,
    member,
    organization,
    outsider,
    service_page,
    signed_in_client,
)

NAMESPACE = "filing_review"

DONOR_FIELDS = [
    {"label": "Donorun adı", "clean_name": "donorun_adi", "field_type": "singleline"},
    {"label": "Donorun ölkəsi", "clean_name": "donorun_olkesi", "field_type": "country"},
    {
        "label": "Qeydiyyat şəhadətnaməsi",
        "clean_name": "sehadetname",
        "field_type": "file",
        "allowed_file_types": "pdf,jpg,png",
    },
]


def admin_url(view_name: str, *args) -> str:
    return reverse(f"{NAMESPACE}:{view_name}", args=[getattr(arg, "pk", arg) for arg in args])


def staff_person(username: str, first_name: str, last_name: str, *groups):
    """An active member of staff who reads the admin in English."""
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@justice.example.az",
        password="x",
        first_name=first_name,
        last_name=last_name,
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    user.groups.add(*groups)
    return user


def reviewer_group(name: str, service, access: str) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    ServiceReviewPermission.objects.create(group=group, service=service, access=access)
    return group


def grant_answers(contract) -> dict:
    """Valid answers to the grant agreement service, with ``contract`` as the uploaded agreement."""
    return {
        "teskilatin_adi": "Gənclər Birliyi İctimai Birliyi",
        "olke": "AZ",
        "qrantin_meblegi": {"amount": "15000", "currency": "USD"},
        "layihenin_muddeti": {"start": "2026-01-01", "end": "2026-12-31"},
        "donorla_razilasma": AGREE,
        "elave_qeyd": "Birinci sətir",
        "qrant_muqavilesi": uploads.describe(contract),
        "tesdiq": True,
    }


def upload(data: bytes, name: str, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def pdf_upload(name: str = "Qrant müqaviləsi.pdf", text: str = "Qrant muqavilesi") -> SimpleUploadedFile:
    return upload(files.pdf_bytes(text=text), name, "application/pdf")


def new_filing(page, organization, person) -> Filing:
    filing = Filing.objects.create(page=page, organization=organization, created_by=person, updated_by=person)
    FilingEvent.objects.create(filing=filing, user=person, action=FilingAction.STARTED, to_status=FilingStatus.DRAFT)
    return filing


def submit(page, filing, person) -> Filing:
    """Submit (or resubmit) ``filing`` as the applicant's "Submit" button does."""
    with transaction.atomic():
        locked = Filing.objects.select_for_update().get(pk=filing.pk)
        record_submission(page, locked, person)
    filing.refresh_from_db()
    return filing


def submitted_grant_filing(page, organization, person, *, document=None) -> Filing:
    filing = new_filing(page, organization, person)
    contract = uploads.store(filing, "qrant_muqavilesi", document or pdf_upload(), person)
    filing.form_data = grant_answers(contract)
    filing.save(update_fields=["form_data"])
    return submit(page, filing, person)


def submitted_donor_filing(page, organization, person) -> Filing:
    filing = new_filing(page, organization, person)
    image = upload(files.png_bytes(), "Şəhadətnamə.png", "image/png")
    certificate = uploads.store(filing, "sehadetname", image, person)
    filing.form_data = {
        "donorun_adi": "Açıq Cəmiyyət Fondu",
        "donorun_olkesi": "DE",
        "sehadetname": uploads.describe(certificate),
    }
    filing.save(update_fields=["form_data"])
    return submit(page, filing, person)


@pytest.fixture
def private_media_root(tmp_path, settings):
    """A private storage folder of this test's own.

    The shared fixture of tests/eservices/conftest.py removes whatever
    appeared in the one shared folder during a test, which deletes the files
    of another test run working in the same checkout at the same time.
    """
    storage = FilingFile._meta.get_field("file").storage
    original = dict(storage.__dict__)
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    storage._location = str(tmp_path)
    # FileSystemStorage caches both paths on first use.
    storage.__dict__.pop("base_location", None)
    storage.__dict__.pop("location", None)
    yield tmp_path
    storage.__dict__.clear()
    storage.__dict__.update(original)


# --- Services and staff -------------------------------------------------------------


@pytest.fixture
def donor_service(service_page):
    return make_service_page(
        title="Xarici donorun qeydiyyatı", slug="xarici-donor", prefix="DR", fields=DONOR_FIELDS
    )


@pytest.fixture
def deciders_group(service_page):
    return reviewer_group("Qrant müqavilələri: qərar", service_page, ReviewAccess.DECIDE)


@pytest.fixture
def viewers_group(service_page):
    return reviewer_group("Qrant müqavilələri: baxış", service_page, ReviewAccess.VIEW)


@pytest.fixture
def donor_group(donor_service):
    return reviewer_group("Xarici donorlar: qərar", donor_service, ReviewAccess.DECIDE)


@pytest.fixture
def decider(deciders_group):
    return staff_person("nigar", "Nigar", "Məmmədova", deciders_group)


@pytest.fixture
def second_decider(deciders_group):
    return staff_person("elvin", "Elvin", "Əliyev", deciders_group)


@pytest.fixture
def viewer(viewers_group):
    return staff_person("sebine", "Səbinə", "Hüseynova", viewers_group)


@pytest.fixture
def donor_reviewer(donor_group):
    return staff_person("ilqar", "İlqar", "Quliyev", donor_group)


@pytest.fixture
def chief(db):
    """A head of department who reviews every e-service through "eservices.review_filing"."""
    person = staff_person("aynur", "Aynur", "Rzayeva")
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="eservices", codename="review_filing"),
    )
    return person


@pytest.fixture
def decider_client(decider):
    return signed_in_client(decider)


@pytest.fixture
def viewer_client(viewer):
    return signed_in_client(viewer)


@pytest.fixture
def donor_client(donor_reviewer):
    return signed_in_client(donor_reviewer)


@pytest.fixture
def member_client(member, organization):
    return signed_in_client(member)


# --- Filings ---------------------------------------------------------------------------


@pytest.fixture
def grant_filing(service_page, organization, member, private_media_root):
    return submitted_grant_filing(service_page, organization, member)


@pytest.fixture
def donor_filing(donor_service, organization, member, private_media_root):
    return submitted_donor_filing(donor_service, organization, member)


@pytest.fixture
def draft_filing(service_page, organization, member):
    return new_filing(service_page, organization, member)
