"""The search and sort columns stay current through save(), save(update_fields=…), the register import and the migration."""

import importlib

import pytest
from django.apps import apps

from cms.directory.terms import name_sort_key
from cms.organizations.models import Organization
from cms.organizations.register_import import import_register

from .factories import make_registered

pytestmark = pytest.mark.django_db


def test_save_fills_columns():
    organization = make_registered("“Səhiyyə Maarifi” İctimai Birliyi")

    organization.refresh_from_db()
    assert " sehiyye " in organization.search_terms
    assert organization.name_sort_key == name_sort_key("Səhiyyə Maarifi İctimai Birliyi")


def test_save_with_update_fields_refreshes_columns():
    organization = make_registered("“Köhnə Ad” Fondu")

    organization.name = "“Yeni Ad” Fondu"
    organization.save(update_fields=["name"])

    organization.refresh_from_db()
    assert " yeni " in organization.search_terms
    assert " kohne " not in organization.search_terms
    assert organization.name_sort_key == name_sort_key("Yeni Ad Fondu")


def test_save_of_other_fields_leaves_columns_alone():
    organization = make_registered("“Sabit” Fondu")
    Organization.objects.filter(pk=organization.pk).update(search_terms=" stale ")

    organization.legal_address = "Bakı şəhəri"
    organization.save(update_fields=["legal_address"])

    organization.refresh_from_db()
    assert organization.search_terms == " stale "


def test_register_import_keeps_columns_current(tmp_path):
    header = "name,legal_form,voen,registration_number,registration_date,sphere,region,legal_address,status"
    path = tmp_path / "register.csv"
    path.write_text(f"{header}\n“Şəfa Yolu” İctimai Birliyi,public_association,1500120674,1400201426,02.06.2014,"
                    "health,seki-seheri,\"Şəki şəhəri, Nizami küçəsi 7\",active\n", encoding="utf-8")
    import_register(path)
    path.write_text(path.read_text(encoding="utf-8").replace("Şəfa Yolu", "Şəfa Körpüsü"), encoding="utf-8")

    report = import_register(path)

    organization = Organization.objects.get(voen="1500120674")
    assert report.counts["updated"] == 1
    assert " korpusu " in organization.search_terms
    assert " yolu " not in organization.search_terms
    assert organization.name_sort_key == name_sort_key("Şəfa Körpüsü İctimai Birliyi")


def test_migration_fills_existing_rows():
    organization = make_registered("“İstiqlal” Fondu")
    Organization.objects.filter(pk=organization.pk).update(search_terms="", name_sort_key="")
    migration = importlib.import_module("cms.organizations.migrations.0005_directory_search_terms")

    migration.fill_search_columns(apps, None)

    organization.refresh_from_db()
    assert " istiqlal " in organization.search_terms
    assert organization.name_sort_key == name_sort_key("İstiqlal Fondu")
