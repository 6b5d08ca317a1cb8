"""The staff list of organizations shows and filters the sphere and the register status."""

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from cms.organizations.admin.common import admin_url
from cms.organizations.setup import ensure_officer_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user(username="officer", email="officer@justice.example.az", password="x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    user.groups.add(ensure_officer_group())
    return user


def listed_names(response) -> list[str]:
    return sorted(organization.name for organization in response.context["object_list"])


def test_list_shows_sphere_and_status(client, officer, health_seki, others):
    client.force_login(officer)

    response = client.get(admin_url("index"))

    table = response.context["table"]
    row = next(organization for organization in table.data if organization.pk == health_seki[2].pk)
    with translation.override("en"):
        cells = {column.name: str(column.get_value(row)) for column in table.columns.values()}
    assert cells["get_sphere_display"] == "Health"
    assert cells["get_register_status_display"] == "Liquidated"
    assert "Status in the state register" in response.content.decode()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"sphere": "youth"}, ["“İstiqlal Gəncləri” İctimai Birliyi"]),
        ({"register_status": "liquidated"}, ["“Sağlam Ana və Uşaq” İctimai Birliyi"]),
        ({"sphere": "health", "register_status": "active"}, ["“Sağlam Gələcək” İctimai Birliyi", "“Şəfqət” Tibbi Yardım Fondu"]),
    ],
)
def test_filters_by_sphere_and_status(client, officer, health_seki, others, filters, expected):
    client.force_login(officer)

    response = client.get(admin_url("index"), filters)

    assert listed_names(response) == expected
