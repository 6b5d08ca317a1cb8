"""``/api/v1/schema/`` describes our endpoints and Wagtail's; ``/api/v1/docs/`` is self-hosted."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from drf_spectacular.validation import validate_schema
from jsonschema import Draft202012Validator

from tests.directory.test_api import json_schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def assert_matches(openapi, schema: dict, data) -> None:
    document = {**json_schema(schema), "components": json_schema(openapi["components"])}
    errors = [error.message for error in Draft202012Validator(document).iter_errors(data)]
    assert errors == []


def test_schema_is_valid_openapi(openapi):
    validate_schema(openapi)


@pytest.mark.parametrize(
    "path",
    ["/api/v1/pages/", "/api/v1/pages/{id}/", "/api/v1/images/", "/api/v1/documents/{id}/", "/api/v1/legal-acts/"],
)
def test_schema_lists_content_and_our_endpoints(openapi, path):
    assert "get" in openapi["paths"][path]


def test_every_operation_takes_lang(openapi):
    missing = [
        (path, method)
        for path, item in openapi["paths"].items()
        for method, operation in item.items()
        if not any(parameter["name"] == "lang" for parameter in operation["parameters"])
    ]

    assert missing == []


def test_every_page_type_has_a_component(openapi):
    from wagtail.models import Page, get_page_models

    detail = openapi["paths"]["/api/v1/pages/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]
    described = {option["$ref"].rsplit("/", 1)[1] for option in detail["schema"]["anyOf"]}

    assert len(described) == len([model for model in get_page_models() if model is not Page])
    assert "HelpIndexPageDetail" in described


def test_home_page_matches_its_component_exactly(client, openapi):
    from cms.home.models import HomePage

    home = HomePage.objects.get(locale__language_code="az")
    body = client.get(f"/api/v1/pages/{home.pk}/").json()

    # json_schema() rejects properties the schema does not name, so this is stricter than the API promises.
    assert_matches(openapi, {"$ref": "#/components/schemas/HomePageDetail"}, body)


def test_page_listing_matches_schema(client, openapi):
    body = client.get("/api/v1/pages/", {"lang": "en"}).json()

    schema = openapi["paths"]["/api/v1/pages/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert_matches(openapi, schema, body)


def test_error_matches_schema(client, openapi):
    body = client.get("/api/v1/pages/", {"order": "bad"}).json()

    assert_matches(openapi, {"$ref": "#/components/schemas/Error"}, body)


def test_docs_page_uses_only_this_site(client):
    response = client.get("/api/v1/docs/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "swagger-ui-bundle.js" in html
    assert re.findall(r"(?:https?:)?//[^\s\"'<>]+", html) == []


def test_docs_script_uses_only_this_site(client):
    response = client.get("/api/v1/docs/", {"script": ""})

    script = response.content.decode()
    assert response.status_code == 200
    assert "api/v1/schema/" in script
    assert re.findall(r"https?://", script) == []


def test_docs_assets_are_static_files_of_this_site(client):
    html = client.get("/api/v1/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="/static/([^"?]+)"', html)

    missing = [asset for asset in assets if finders.find(asset) is None]

    assert len(assets) >= 3
    assert missing == []


def test_schema_names_no_foreign_example_host(openapi):
    assert "example.org" not in json.dumps(openapi)
