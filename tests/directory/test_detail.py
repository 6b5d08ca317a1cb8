"""One organization's public page at /reyestr/<pk>/: register data only, 404 when not public, the claim link."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.accounts.people import translated

from .factories import make_registered

pytestmark = pytest.mark.django_db


def page_html(client, organization, language: str = "") -> str:
    prefix = f"/{language}" if language else ""
    response = client.get(f"{prefix}/reyestr/{organization.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_shows_register_data(client, health_seki):
    organization = health_seki[0]

    html = page_html(client, organization)

    assert "“Sağlam Gələcək” İctimai Birliyi" in html
    assert "1500110337" in html
    assert "1400200713" in html
    assert "14 mart 2015" in html
    assert "Şəki şəhəri, Nizami küçəsi 7" in html
    assert translated("Public association") in html
    assert translated("Health") in html
    assert translated("Active") in html


def test_unclaimed_organization_offers_claim(client, health_seki):
    organization = health_seki[0]

    html = page_html(client, organization)

    assert f'href="/teskilatlar/sahiblik/?organization={organization.pk}"' in html
    assert translated("Is this your organization?") in html


def test_claimed_organization_has_no_claim_link(client, claimed):
    html = page_html(client, claimed)

    assert "data-claim" not in html
    assert "sahiblik" not in html


def test_claim_link_keeps_language(client, health_seki):
    organization = health_seki[1]

    html = page_html(client, organization, "en")

    assert f'href="/en/teskilatlar/sahiblik/?organization={organization.pk}"' in html


def test_verified_organization_without_register_status(client, verified_only):
    html = page_html(client, verified_only)

    assert verified_only.name in html
    assert translated("Not recorded") in html


def test_private_organization_is_404(client, private_organization):
    response = client.get(f"/reyestr/{private_organization.pk}/")

    assert response.status_code == 404
    assert "Gizli" not in response.content.decode()


def test_unknown_organization_is_404(client):
    assert client.get("/reyestr/999999/").status_code == 404


def test_detail_runs_few_queries(client, health_seki):
    organization = health_seki[0]
    page_html(client, organization)

    with CaptureQueriesContext(connection) as queries:
        page_html(client, organization)

    # The organization, whether it has members, and the header's section links.
    assert len(queries) <= 6


def test_liquidated_status_shown(client, health_seki):
    html = page_html(client, health_seki[2])

    assert "tag--register-liquidated" in html
    assert translated("Liquidated") in html


def test_imported_without_sphere_says_not_recorded(client):
    organization = make_registered("“Sahəsiz” Fondu", sphere="", registration_date=None)

    html = page_html(client, organization)

    assert html.count(translated("Not recorded")) == 2
