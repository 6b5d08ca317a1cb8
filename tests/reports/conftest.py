"""Filings in every state with fixed timestamps, across two services, and the
staff who report on them: a reviewer of every service, a reviewer of the
grant service only, and staff who review nothing.

Figures the data gives (the tests check them):

- grant service "QR": accepted after 2 days (returned once on the way),
  rejected after 4 days, submitted and overdue, under review, returned.
  A draft is there too, which staff never see;
- registration service "DQ": accepted after 10 days, submitted and overdue;
- satisfaction scores 10 and 9 (first grant filing), 3 (rejected one), 7 (DQ).
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from forms.models import Filing, FilingAction, FilingEvent, FilingStatus, ReviewAccess, SatisfactionResponse
from forms.models import ServiceReviewPermission
from tests.accounts.people import make_person
from tests.eservices.conftest import make_organization, make_service_page, translate_page

GRANT_TITLE = "Qrant müqaviləsinin qeydiyyatı"
REGISTRATION_TITLE = "Qeyri-hökumət təşkilatının dövlət qeydiyyatı"
AZERBAIJANI_NAME = "Ədliyyə İctimai Birliyi"
CYRILLIC_NAME = "Общество защиты прав потребителей"


def at(day: str, time: str = "10:00") -> datetime.datetime:
    """An aware datetime in the site's time zone (Asia/Baku)."""
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day}T{time}"))


def admin_access() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def staff(email: str, *groups, first_name: str = "", last_name: str = ""):
    person = make_person(email)
    person.is_staff = True
    person.first_name, person.last_name = first_name, last_name
    person.save()
    person.groups.add(*groups)
    return person


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def grant_service(db):
    return make_service_page()


@pytest.fixture
def registration_service(db):
    return make_service_page(title=REGISTRATION_TITLE, slug="dovlet-qeydiyyati", prefix="DQ")


@pytest.fixture
def english_grant_service(grant_service):
    return translate_page(grant_service, "en", "Registering a grant agreement")


@pytest.fixture
def applicant(db):
    return make_person("leyla@example.az")


@pytest.fixture
def second_applicant(db):
    return make_person("boris@example.az")


@pytest.fixture
def association(applicant):
    return make_organization(applicant, AZERBAIJANI_NAME, "1400057421")


@pytest.fixture
def society(second_applicant):
    return make_organization(second_applicant, CYRILLIC_NAME, "2200112233")


@pytest.fixture
def full_reviewer(db):
    """Staff in a group with "review_filing": every service."""
    group = Group.objects.create(name="Bütün xidmətlər üzrə baxış")
    group.permissions.add(admin_access(), Permission.objects.get(codename="review_filing"))
    return staff("nigar@justice.gov.az", group, first_name="Nigar", last_name="Məmmədova")


@pytest.fixture
def grant_reviewer(grant_service):
    """Staff whose only group may see the grant service's filings."""
    group = Group.objects.create(name="Qrant baxışı")
    group.permissions.add(admin_access())
    ServiceReviewPermission.objects.create(group=group, service=grant_service, access=ReviewAccess.VIEW)
    return staff("elvin@justice.gov.az", group, first_name="Elvin", last_name="Əliyev")


@pytest.fixture
def other_staff(db):
    """Staff who may open the admin but review no service."""
    group = Group.objects.create(name="Redaktorlar (hesabat yoxdur)")
    group.permissions.add(admin_access())
    return staff("redaktor@justice.gov.az", group)


@dataclass
class Dataset:
    accepted_grant: Filing
    rejected_grant: Filing
    overdue_grant: Filing
    reviewing_grant: Filing
    returned_grant: Filing
    draft_grant: Filing
    accepted_registration: Filing
    overdue_registration: Filing


def make_filing(page, organization, status, reference="", *, first_submitted=None, decided=None, due=None, **fields):
    submitted = fields.pop("submitted", first_submitted)
    return Filing.objects.create(
        page=page,
        organization=organization,
        status=status,
        reference=reference or None,
        first_submitted_at=first_submitted,
        submitted_at=submitted,
        submission_count=fields.pop("submission_count", 1 if first_submitted else 0),
        decided_at=decided,
        decision_due=due,
        **fields,
    )


def mark_returned(filing, when):
    FilingEvent.objects.create(
        filing=filing,
        time=when,
        action=FilingAction.RETURNED,
        from_status=FilingStatus.UNDER_REVIEW,
        to_status=FilingStatus.RETURNED,
        note="Müqavilənin surəti oxunmur.",
    )


@pytest.fixture
def filings(grant_service, registration_service, association, society, full_reviewer, applicant, second_applicant):
    today = timezone.localdate()
    past_due = today - datetime.timedelta(days=3)
    future_due = today + datetime.timedelta(days=5)

    data = Dataset(
        accepted_grant=make_filing(
            grant_service, association, FilingStatus.ACCEPTED, "QR-2026-0001",
            first_submitted=at("2026-03-02"), submitted=at("2026-03-03"), decided=at("2026-03-04"),
            submission_count=2, assigned_to=full_reviewer, registration_number="+994125555555",
            registration_date=datetime.date(2026, 3, 4),
            form_data={
                "teskilatin_adi": "=1+2",
                "elave_qeyd": "@SUM(A1)",
                "donorla_razilasma": "-5 text",
                "qrant_muqavilesi": {"file": 1, "name": "müqavilə.pdf", "size": 10, "content_type": "application/pdf"},
            },
        ),
        rejected_grant=make_filing(
            grant_service, society, FilingStatus.REJECTED, "QR-2026-0002",
            first_submitted=at("2026-03-10", "09:00"), decided=at("2026-03-14", "09:00"),
            form_data={"teskilatin_adi": CYRILLIC_NAME},
        ),
        overdue_grant=make_filing(
            grant_service, association, FilingStatus.SUBMITTED, "QR-2026-0003",
            first_submitted=at("2026-04-01"), due=past_due,
        ),
        reviewing_grant=make_filing(
            grant_service, society, FilingStatus.UNDER_REVIEW, "QR-2026-0004",
            first_submitted=at("2026-04-05"), due=future_due, assigned_to=full_reviewer,
        ),
        returned_grant=make_filing(
            grant_service, association, FilingStatus.RETURNED, "QR-2026-0005", first_submitted=at("2026-04-07"),
        ),
        draft_grant=make_filing(grant_service, association, FilingStatus.DRAFT),
        accepted_registration=make_filing(
            registration_service, society, FilingStatus.ACCEPTED, "DQ-2026-0001",
            first_submitted=at("2026-03-01", "08:00"), decided=at("2026-03-11", "08:00"),
        ),
        overdue_registration=make_filing(
            registration_service, association, FilingStatus.SUBMITTED, "DQ-2026-0002",
            first_submitted=at("2026-05-01"), due=past_due,
        ),
    )
    mark_returned(data.accepted_grant, at("2026-03-02", "15:00"))
    mark_returned(data.returned_grant, at("2026-04-08"))

    colleague = make_person("samir@example.az")
    SatisfactionResponse.objects.create(filing=data.accepted_grant, user=applicant, score=10)
    SatisfactionResponse.objects.create(filing=data.accepted_grant, user=colleague, score=9)
    SatisfactionResponse.objects.create(filing=data.rejected_grant, user=second_applicant, score=3)
    SatisfactionResponse.objects.create(filing=data.accepted_registration, user=second_applicant, score=7)
    return data
