"""Finding an organization on the register and starting a claim on it."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.claims.models import Claim, ClaimStatus
from cms.claims.rules import MAX_OPEN_CLAIMS_PER_PERSON, mask_email
from cms.organizations.choices import RegisterStatus
from tests.accounts.people import make_organization, translated

from .conftest import imported_organization, signed_in

pytestmark = pytest.mark.django_db

START = reverse("claims:start")


def test_sign_in_required(client, organization):
    response = client.get(START, {"organization": organization.pk})

    assert response.status_code == 302
    assert response["Location"].startswith("/hesab/login/?next=")
    assert f"organization%3D{organization.pk}" in response["Location"]


@pytest.mark.parametrize("typed", ["1500120674", "1500 120 674", " 1500-120-674 ", "1400201426", "1400 201 426"])
def test_find_by_voen_or_registration_number(claimant_client, organization, typed):
    response = claimant_client.get(START, {"number": typed})

    assert response.status_code == 200
    page = response.content.decode()
    assert f'data-found-organization="{organization.pk}"' in page
    assert "“Şəfa Yolu” İctimai Birliyi" in page
    assert "Şəki şəhəri, Nizami küçəsi 7" in page
    assert "i***@s***.example.org" in page
    assert "info@sefa-yolu.example.org" not in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_link_preselects_organization(claimant_client, organization):
    response = claimant_client.get(START, {"organization": organization.pk})

    assert response.status_code == 200
    assert f'data-found-organization="{organization.pk}"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"number": "1500999999"}, "No organization has the VÖEN or registration number “%(number)s”. Check the number on the certificate of state registration and try again."),
        ({"number": ""}, "Enter the VÖEN or the state registration number."),
        ({"organization": "abc"}, "The link does not name an organization. Search by VÖEN or registration number instead."),
        ({"organization": "999999"}, "The link does not name an organization. Search by VÖEN or registration number instead."),
        ({"organization": "-4"}, "The link does not name an organization. Search by VÖEN or registration number instead."),
    ],
)
def test_bad_search_gets_error(claimant_client, organization, query, message):
    response = claimant_client.get(START, query)

    assert response.status_code == 200
    page = response.content.decode()
    assert "data-error-summary" in page
    assert "data-found-organization" not in page
    expected = translated(message, number=query.get("number", "")) if "%(number)s" in message else translated(message)
    assert expected.replace("“", "&ldquo;") in page or expected in page


def test_nul_bytes_rejected(claimant_client, organization):
    response = claimant_client.get(START, {"number": "1500\x00120674"})

    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()


def test_unregistered_organization_not_claimable(claimant_client, rival):
    created = make_organization(rival, name="“Yeni Dalğa” İctimai Birliyi", voen="1400057421")

    response = claimant_client.get(START, {"number": "1400057421"})
    posted = claimant_client.post(START, {"organization": created.pk})

    # Organizations the directory does not list answer as unknown, not as refused.
    assert "data-error-summary" in response.content.decode()
    assert "data-start-claim" not in response.content.decode()
    assert posted.status_code == 400
    assert not Claim.objects.exists()


def test_liquidated_organization_not_claimable(claimant_client):
    liquidated = imported_organization(register_status=RegisterStatus.LIQUIDATED)

    response = claimant_client.post(START, {"organization": liquidated.pk})

    assert response.status_code == 400
    message = translated(
        "According to the state register this organization has been liquidated, so it cannot be claimed. "
        "If the register is wrong, contact the Ministry of Justice."
    )
    assert message in response.content.decode()
    assert not Claim.objects.exists()


def test_verified_organization_claimable_without_register(claimant_client, rival, organization):
    verified = make_organization(rival, name="“Təsdiqli” Fondu", voen="1400057499")
    verified.verified_at = organization.imported_at or verified.created_at
    verified.save(update_fields=["verified_at"])

    response = claimant_client.post(START, {"organization": verified.pk})

    assert response.status_code == 302
    assert Claim.objects.get().organization == verified


def test_start_creates_claim_once(claimant_client, claimant, organization):
    first = claimant_client.post(START, {"organization": organization.pk})
    second = claimant_client.post(START, {"organization": organization.pk})

    claim = Claim.objects.get()
    assert first["Location"] == reverse("claims:detail", args=[claim.pk])
    assert second["Location"] == first["Location"]
    assert claim.claimant == claimant
    assert claim.status == ClaimStatus.OPEN
    entries = ModelLogEntry.objects.filter(action="claims.started", object_id=str(organization.pk))
    assert entries.count() == 1
    assert entries.get().data == {"claim": claim.pk, "email": claimant.email}


def test_start_with_bad_input_never_fails(claimant_client, organization):
    for data in ({}, {"organization": ""}, {"organization": "x"}, {"organization": "1\x00"}, {"organization": "0"}):
        response = claimant_client.post(START, data)

        assert response.status_code == 400, data
    assert not Claim.objects.exists()


def test_member_cannot_claim(rival):
    owned = make_organization(rival, name="“Öz” Birliyi", voen="1400057488")
    owned.register_status = RegisterStatus.ACTIVE
    owned.save(update_fields=["register_status"])

    response = signed_in(rival).post(START, {"organization": owned.pk})

    assert response.status_code == 400
    assert not Claim.objects.exists()


def test_open_claims_per_person_limited(claimant_client):
    organizations = [
        imported_organization(name=f"“Birlik {number}”", voen=f"150000{number:04d}", registration_number=f"14000{number:05d}")
        for number in range(MAX_OPEN_CLAIMS_PER_PERSON + 1)
    ]
    for organization in organizations[:-1]:
        assert claimant_client.post(START, {"organization": organization.pk}).status_code == 302

    response = claimant_client.post(START, {"organization": organizations[-1].pk})

    assert response.status_code == 400
    assert Claim.objects.count() == MAX_OPEN_CLAIMS_PER_PERSON


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("info@sefa-yolu.example.org", "i***@s***.example.org"),
        ("elaqe@gmail.com", "e***@g***.com"),
        ("a@b.example.org", "a***@b***.example.org"),
        ("idare@ofis.sefa.example.org", "i***@o***.s***.example.org"),
        ("not-an-address", "***"),
    ],
)
def test_mask_email(address, masked):
    assert mask_email(address) == masked


def test_private_organization_answers_as_unknown(claimant_client, rival):
    private = make_organization(rival, name="“Gizli Layihə” İctimai Birliyi", voen="1400057499")
    private.registration_number = "1400888777"
    private.save(update_fields=["registration_number"])

    queries = [{"organization": private.pk}, {"number": "1400057499"}, {"number": "1400888777"}]
    for query in queries:
        page = claimant_client.get(START, query).content.decode()

        assert "Gizli Layihə" not in page, query
        assert f'data-found-organization="{private.pk}"' not in page, query

    response = claimant_client.post(START, {"organization": private.pk})

    assert response.status_code == 400
    assert not Claim.objects.exists()
