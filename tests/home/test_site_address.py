"""The Wagtail site takes its address from SITE_BASE_URL, so full page addresses in the API and e-mails work."""

import pytest
from wagtail.models import Site

from cms.home import setup

pytestmark = pytest.mark.django_db


def run_setup():
    setup.ensure_site_tree(setup.ensure_locales())
    return Site.objects.get(is_default_site=True)


def test_default_address_replaced(settings):
    settings.SITE_BASE_URL = "https://e-pencere.example.az"
    Site.objects.update(hostname="localhost", port=80)

    site = run_setup()

    assert (site.hostname, site.port) == ("e-pencere.example.az", 443)


def test_port_taken_from_address(settings):
    settings.SITE_BASE_URL = "http://127.0.0.1:8123"
    Site.objects.update(hostname="localhost", port=80)

    site = run_setup()

    assert (site.hostname, site.port) == ("127.0.0.1", 8123)


def test_editor_address_kept(settings):
    settings.SITE_BASE_URL = "https://e-pencere.example.az"
    Site.objects.update(hostname="edliyye.example.az", port=443)

    site = run_setup()

    assert (site.hostname, site.port) == ("edliyye.example.az", 443)


def test_api_links_use_site_base_url(client, settings):
    response = client.get("/api/v1/pages/", {"type": "home.HomePage"})

    first = response.json()["items"][0]
    assert first["meta"]["detail_url"].startswith(settings.SITE_BASE_URL + "/api/v1/pages/")
