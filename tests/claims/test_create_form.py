"""Adding an organization that is already on the register points to its claim page instead."""

import pytest
from django.urls import reverse

from cms.organizations.choices import Role
from cms.organizations.models import Membership, Organization
from tests.accounts.people import make_organization, translated

from .conftest import imported_organization, signed_in

pytestmark = pytest.mark.django_db

CREATE = reverse("organizations:create")
SITE_ACCOUNT = (
    "An organization with this VÖEN already has an account on the site. Ask one of its owners to invite you; "
    "if none of them can, the ministry can restore access."
)
ON_REGISTER = "This organization is already on the ministry's register, so it cannot be added again. Claim it instead."


def create_data(**changes) -> dict:
    return {
        "name": "“Şəfa Yolu” İctimai Birliyi",
        "legal_form": "public_association",
        "voen": "",
        "registration_number": "",
        "registration_date": "",
        "legal_address": "Şəki şəhəri, Nizami küçəsi 7",
        "region": "seki-seheri",
        "phone": "050 123 45 67",
        "email": "leyla@example.org",
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"voen": "1500 120 674"}, "voen"),
        ({"voen": "1500120699", "registration_number": " 1400201426 "}, "registration_number"),
    ],
)
def test_register_number_links_to_claim(claimant_client, organization, changes, field):
    response = claimant_client.post(CREATE, create_data(**changes))

    assert response.status_code == 200
    page = response.content.decode()
    assert translated(ON_REGISTER).replace("'", "&#x27;") in page
    assert f'href="{reverse("claims:start")}?organization={organization.pk}"' in page
    assert "data-on-register" in page
    assert response.context["form"].errors[field] == [translated(ON_REGISTER)]
    assert Organization.objects.count() == 1


def test_site_organization_keeps_invitation_message(claimant_client, rival):
    make_organization(rival, voen="1400057421")

    response = claimant_client.post(CREATE, create_data(voen="1400057421"))

    page = response.content.decode()
    assert "data-on-register" not in page
    assert reverse("claims:start") not in page
    assert response.context["form"].errors["voen"] == [translated(SITE_ACCOUNT)]


def test_owner_edit_keeps_own_register_numbers(rival):
    organization = imported_organization()
    Membership.objects.create(organization=organization, user=rival, role=Role.OWNER)

    response = signed_in(rival).post(
        reverse("organizations:edit", args=[organization.pk]),
        create_data(voen="1500120674", registration_number="1400201426", name="“Şəfa Yolu” İctimai Birliyi (yeni)"),
    )

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name.endswith("(yeni)")
