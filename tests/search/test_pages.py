"""The search page and /api/v1/search/."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_corpus")]

# The most a search runs: the engine's query with all words, which finds
# nothing, the query with any word and its count, then the candidates' rows,
# the page's acts and articles (one query), the library page and its locale.
MAX_SEARCH_QUERIES = 7


def test_search_page_shows_highlighted_hits(client):
    response = client.get("/axtaris/", {"q": "qrant muqavilesi"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "<mark>" in content
    assert "/qanunlar/" in content


def test_empty_query_shows_help(client):
    response = client.get("/axtaris/")

    assert response.status_code == 200
    assert response.context["hits"] == []


@pytest.mark.parametrize("query", ['"Əmək', "\\", "x" * 5000, "mad\x00də", "*"])
def test_search_page_survives_bad_queries(client, query):
    response = client.get("/axtaris/", {"q": query, "page": "99999"})

    assert response.status_code == 200


def test_search_page_in_english(client):
    response = client.get("/en/axtaris/", {"q": "nikah"})

    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_search_box_on_every_page(client):
    response = client.get("/qanunlar/")

    assert 'action="/axtaris/"' in response.content.decode()


def test_api_search_results(client):
    response = client.get("/api/v1/search/", {"q": "ictimai birlik", "type": "law"})

    body = response.json()
    assert response.status_code == 200
    assert body["count"] > 0
    first = body["results"][0]
    assert set(first) == {"kind", "act", "article_number", "heading", "snippet", "url"}
    assert first["url"].startswith("http://testserver/qanunlar/")


def test_api_search_page_links_keep_language(client):
    response = client.get("/api/v1/search/", {"q": "qanun", "lang": "en"})

    body = response.json()
    assert body["count"] > 20
    assert "lang=en" in body["next"]
    assert "page=2" in body["next"]
    assert "lang=en" in client.get(body["next"]).json()["previous"]


@pytest.mark.parametrize("query", ["qanun", "notariat", "sənədlərin ayrıca qovluqda saxlanması"])
def test_api_search_query_count_is_fixed(client, django_assert_max_num_queries, query):
    """Ranking, hits, acts and articles load in a fixed number of queries, however many hits there are."""
    # The first request after the cache is emptied fills it (site roots, library address) once.
    client.get("/api/v1/search/", {"q": "konstitusiya"})

    with django_assert_max_num_queries(MAX_SEARCH_QUERIES):
        response = client.get("/api/v1/search/", {"q": query})

    assert response.status_code == 200
    assert response.json()["results"]


def test_search_page_query_count_fixed(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Both match fewer entries than the engine's candidate limit, so the engine runs no count query.
    # A first request fills the emptied cache, so both measured ones start warm.
    client.get("/axtaris/", {"q": "konstitusiya"})
    counts = {}
    for query in ("notariat", "donor"):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/axtaris/", {"q": query})
        counts[len(response.context["hits"])] = len(captured)

    assert len(counts) == 2
    assert len(set(counts.values())) == 1


@pytest.mark.parametrize(
    ("query", "field"),
    [({}, "q"), ({"q": " "}, "q"), ({"q": "qanun", "page": "0"}, "page"), ({"q": "qanun", "year": "x"}, "year"),
     ({"q": "qanun", "sort": "x"}, "sort")],
)
def test_api_search_bad_parameters(client, query, field):
    response = client.get("/api/v1/search/", query)

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_index_follows_publishing(client):
    from cms.legal.models import LegalAct
    from search.indexing import index_act

    act = LegalAct.objects.get(slug="aile-mecellesi")
    LegalAct.objects.filter(pk=act.pk).update(live=False)
    index_act(act.pk)

    response = client.get("/api/v1/search/", {"q": "nikah yaşı"})

    assert all(hit["act"]["slug"] != "aile-mecellesi" for hit in response.json()["results"])


def test_publishing_a_version_reindexes_its_act(client, django_capture_on_commit_callbacks):
    from wagtail.signals import published

    from cms.legal.models import ActVersion, LegalAct
    from cms.legal.publishing import copy_as_draft, on_version_published

    act = LegalAct.objects.get(slug="aile-mecellesi")
    draft = copy_as_draft(act.current_version)
    article = draft.provisions.get(number="1")
    article.text = "1.1. Zümrüdvari sınaq sözü burada."
    article.save()
    ActVersion.objects.filter(pk=draft.pk).update(live=True, effective_date="2024-04-01")
    draft.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        on_version_published(draft)
        published.send(sender=ActVersion, instance=draft, revision=None)

    response = client.get("/api/v1/search/", {"q": "zumrudvari"})

    assert [hit["article_number"] for hit in response.json()["results"]] == ["1"]
