"""/api/v1/search/ with section=help: help and news hits beside the unchanged legislation results."""

import pytest

from .conftest import QUESTION_PATH

pytestmark = pytest.mark.django_db


def test_help_section_returns_pages(help_tree, client):
    response = client.get("/api/v1/search/", {"q": "sifremi unutmusam", "section": "help"})

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 1
    assert body["results"] == [
        {
            "kind": "faq",
            "act": None,
            "article_number": None,
            "heading": "Şifrəmi unutmuşam. Hesaba necə daxil olum?",
            "snippet": body["results"][0]["snippet"],
            "url": "http://testserver" + QUESTION_PATH,
        }
    ]


def test_help_section_follows_accept_language(translated_help_tree, client):
    response = client.get(
        "/api/v1/search/", {"q": "forgotten password", "section": "help"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert [hit["url"] for hit in response.json()["results"]] == ["http://testserver/en" + QUESTION_PATH]


def test_kind_filter(help_tree, client):
    faq = client.get("/api/v1/search/", {"q": "sifremi", "section": "help", "kind": "faq"}).json()
    news = client.get("/api/v1/search/", {"q": "sifremi", "section": "help", "kind": "news"}).json()

    assert faq["count"] == 1
    assert news == {"count": 0, "next": None, "previous": None, "results": []}


def test_laws_section_is_the_default(help_tree, client):
    """Without section the response lists the legislation only, as before help pages were searchable."""
    response = client.get("/api/v1/search/", {"q": "sifremi"})

    assert response.status_code == 200
    assert all(hit["kind"] in ("act", "article") for hit in response.json()["results"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"section": "news"}, "section"),
        ({"section": "help", "kind": "blog"}, "kind"),
        ({"kind": "faq"}, "kind"),
        ({"section": "laws", "kind": "faq"}, "kind"),
        ({"section": "help", "type": "law"}, "type"),
        ({"section": "help", "year": "2015"}, "year"),
    ],
)
def test_bad_parameters(help_tree, client, params, field):
    response = client.get("/api/v1/search/", {"q": "sifremi", **params})

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_schema_lists_section_and_kind(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    operation = response.json()["paths"]["/api/v1/search/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert set(parameters["section"]["schema"]["enum"]) == {"laws", "help"}
    assert set(parameters["kind"]["schema"]["enum"]) == {"faq", "guide", "sample", "news"}
