"""An organization with an owner and a member, shared by the organization tests."""

import pytest

from cms.organizations.choices import Role
from cms.organizations.models import Membership
from tests.accounts.people import make_organization, make_person


@pytest.fixture
def owner():
    return make_person("aysel@example.org")


@pytest.fixture
def organization(owner):
    return make_organization(owner)


@pytest.fixture
def member(organization):
    person = make_person("rauf@example.org")
    return Membership.objects.create(organization=organization, user=person, role=Role.MEMBER)
