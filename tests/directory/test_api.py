"""``/api/v1/organizations/``: the public directory for apps, its filters, 400s and the OpenAPI schema."""

import json

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from jsonschema import Draft202012Validator

from tests.accounts.people import translated

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/organizations/"


# --- Checking responses against the schema ------------------------------------------


def json_schema(node):
    """Turn an OpenAPI 3.0 schema into JSON Schema that also rejects undocumented properties."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: json_schema(value) for key, value in node.items() if key != "nullable"}
    if "properties" in converted and "additionalProperties" not in converted:
        converted["additionalProperties"] = False
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@pytest.fixture(scope="module")
def openapi():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema))


def assert_matches_schema(openapi, component: str, data) -> None:
    document = {"$ref": f"#/components/schemas/{component}", "components": json_schema(openapi["components"])}
    errors = [error.message for error in Draft202012Validator(document).iter_errors(data)]
    assert errors == []


def names(response) -> list[str]:
    return [organization["name"] for organization in response.json()["results"]]


# --- List and detail ----------------------------------------------------------------


def test_list_matches_schema(client, health_seki, others, verified_only, openapi):
    response = client.get(LIST_URL)

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 6
    assert_matches_schema(openapi, "PaginatedOrganizationList", body)


def test_list_is_sorted_and_public_only(client, health_seki, private_organization):
    response = client.get(LIST_URL)

    assert names(response) == [
        "“Sağlam Ana və Uşaq” İctimai Birliyi",
        "“Sağlam Gələcək” İctimai Birliyi",
        "“Şəfqət” Tibbi Yardım Fondu",
    ]


def test_detail_matches_schema(client, health_seki, openapi):
    organization = health_seki[0]

    response = client.get(f"{LIST_URL}{organization.pk}/")

    body = response.json()
    assert response.status_code == 200
    assert_matches_schema(openapi, "Organization", body)
    assert body == {
        "id": organization.pk,
        "name": "“Sağlam Gələcək” İctimai Birliyi",
        "legal_form": "public_association",
        "legal_form_label": translated("Public association"),
        "voen": "1500110337",
        "registration_number": "1400200713",
        "registration_date": "2015-03-14",
        "sphere": "health",
        "sphere_label": translated("Health"),
        "region": "seki-seheri",
        "region_name": "Şəki şəhəri",
        "legal_address": "Şəki şəhəri, Nizami küçəsi 7",
        "register_status": "active",
        "register_status_label": translated("Active"),
        "url": f"http://testserver/reyestr/{organization.pk}/",
        "api_url": f"http://testserver/api/v1/organizations/{organization.pk}/",
    }


def test_verified_organization_has_blank_status(client, verified_only, openapi):
    response = client.get(f"{LIST_URL}{verified_only.pk}/")

    body = response.json()
    assert body["register_status"] == ""
    assert body["sphere"] == ""
    assert_matches_schema(openapi, "Organization", body)


def test_labels_follow_accept_language(client, health_seki):
    response = client.get(f"{LIST_URL}{health_seki[0].pk}/", HTTP_ACCEPT_LANGUAGE="ru")

    body = response.json()
    assert body["sphere_label"] == translated("Health", "ru")
    assert body["region_name"] == "Şəki şəhəri"


def test_private_organization_is_404(client, private_organization):
    response = client.get(f"{LIST_URL}{private_organization.pk}/")

    assert response.status_code == 404
    assert "Gizli" not in response.content.decode()


# --- Filters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sphere": "youth"}, ["“İstiqlal Gəncləri” İctimai Birliyi"]),
        ({"region": "gence"}, ["“Bilik Körpüsü” Maarifçilik İctimai Birliyi"]),
        ({"legal_form": "foundation"}, ["“Şəfqət” Tibbi Yardım Fondu"]),
        ({"status": "liquidated"}, ["“Sağlam Ana və Uşaq” İctimai Birliyi"]),
        ({"sphere": "health", "status": "active"}, ["“Sağlam Gələcək” İctimai Birliyi", "“Şəfqət” Tibbi Yardım Fondu"]),
        ({"q": "ISTIQLAL"}, ["“İstiqlal Gəncləri” İctimai Birliyi"]),
        ({"q": "sefqet fondunun"}, ["“Şəfqət” Tibbi Yardım Fondu"]),
        ({"q": "1500110337"}, ["“Sağlam Gələcək” İctimai Birliyi"]),
        ({"q": "saglam", "status": "active"}, ["“Sağlam Gələcək” İctimai Birliyi"]),
        ({"q": "", "sphere": ""}, None),
    ],
)
def test_filters(client, health_seki, others, query, expected):
    response = client.get(LIST_URL, query)

    assert response.status_code == 200
    if expected is None:
        assert response.json()["count"] == 5
    else:
        assert names(response) == expected


def test_page_size(client, health_seki, others):
    response = client.get(LIST_URL, {"page_size": "2", "page": "2"})

    body = response.json()
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["previous"]
    assert body["next"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"sphere": "astrology"}, "sphere"),
        ({"region": "atlantis"}, "region"),
        ({"legal_form": "company"}, "legal_form"),
        ({"status": "sleeping"}, "status"),
        ({"status": "active\x00"}, "status"),
        ({"q": "sağlam\x00"}, "q"),
        ({"q": "a" * 201}, "q"),
        ({"colour": "red"}, "colour"),
        ({"email": "idare@example.org"}, "email"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
    ],
)
def test_bad_parameter_is_400_with_message(client, health_seki, query, field):
    response = client.get(LIST_URL, query)

    body = response.json()
    assert response.status_code == 400
    assert body["detail"] == translated("Some query parameters are invalid.")
    assert body["errors"][field]


def test_bad_sphere_message_is_translated(client, health_seki):
    response = client.get(LIST_URL, {"sphere": "astrology"}, HTTP_ACCEPT_LANGUAGE="ru")

    assert response.json()["errors"]["sphere"] == [translated("Choose a sphere of activity from the list.", "ru")]


def test_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    from .factories import make_many

    make_many(3)
    with django_assert_max_num_queries(3) as few:
        client.get(LIST_URL, {"q": "numune", "sphere": "health"})
    make_many(27)

    with django_assert_max_num_queries(3) as many:
        response = client.get(LIST_URL, {"q": "numune", "sphere": "health"})

    assert response.json()["count"] == 30
    assert len(many.captured_queries) == len(few.captured_queries)


def test_schema_lists_organizations(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    schema = json.loads(response.content)
    parameters = {parameter["name"] for parameter in schema["paths"]["/api/v1/organizations/"]["get"]["parameters"]}
    assert {"q", "sphere", "region", "legal_form", "status", "page", "page_size"} <= parameters
    assert "/api/v1/organizations/{id}/" in schema["paths"]
    assert "email" not in schema["components"]["schemas"]["Organization"]["properties"]
    assert "phone" not in schema["components"]["schemas"]["Organization"]["properties"]
