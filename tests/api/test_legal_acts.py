"""``/api/v1/legal-acts/``: pagination, filters, detail with table of contents, bad input."""

import pytest

pytestmark = pytest.mark.django_db


def test_list_is_paginated(client):
    response = client.get("/api/v1/legal-acts/")

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 5
    assert len(body["results"]) == 5


def test_list_filters_by_type(client):
    response = client.get("/api/v1/legal-acts/", {"type": "code"})

    slugs = [act["slug"] for act in response.json()["results"]]
    assert slugs == ["aile-mecellesi"]


def test_list_filters_by_year(client):
    response = client.get("/api/v1/legal-acts/", {"year": "2005"})

    slugs = [act["slug"] for act in response.json()["results"]]
    assert slugs == ["informasiya-elde-etmek-haqqinda"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"type": "novel"}, "type"),
        ({"status": "maybe"}, "status"),
        ({"year": "two thousand"}, "year"),
        ({"year": "20\x0005"}, "year"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_parameter_is_400_with_message(client, query, field):
    response = client.get("/api/v1/legal-acts/", query)

    body = response.json()
    assert response.status_code == 400
    assert body["detail"]
    assert field in body["errors"] or "__all__" in body["errors"]


def test_detail_has_table_of_contents_with_article_urls(client):
    listing = client.get("/api/v1/legal-acts/", {"type": "constitution"}).json()
    act_id = listing["results"][0]["id"]

    response = client.get(f"/api/v1/legal-acts/{act_id}/")

    body = response.json()
    assert response.status_code == 200
    assert body["title"].startswith("Azərbaycan Respublikasının Konstitusiyası")
    first_division = body["table_of_contents"][0]
    article_urls = [
        provision["url"]
        for division in body["table_of_contents"]
        for chapter in [division, *division["children"]]
        for provision in chapter["provisions"]
    ]
    assert first_division["title"]
    assert "http://testserver/qanunlar/konstitusiya/madde-98-1/" in article_urls


def test_detail_of_unknown_act_is_404(client):
    response = client.get("/api/v1/legal-acts/999999/")

    assert response.status_code == 404


def test_schema_describes_legal_acts(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    assert "/api/v1/legal-acts/" in response.content.decode()


@pytest.mark.parametrize("query", [{"page": "9" * 4301}, {"page_size": "9" * 4301}, {"page_size": "1000"}])
def test_huge_numbers_are_400(client, query):
    response = client.get("/api/v1/legal-acts/", query)

    assert response.status_code == 400


def test_format_parameter_is_accepted(client):
    response = client.get("/api/v1/legal-acts/", {"format": "json"})

    assert response.status_code == 200
