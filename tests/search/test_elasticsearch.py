"""The Elasticsearch engine without a server: its mapping, the queries it sends, and the fallback.

No Elasticsearch can be installed on these machines. The same contract tests
as the embedded engines (test_engine.py) run against a real cluster whenever
ELASTICSEARCH_URL is set; these tests check what would be sent to one.
"""

import pytest

from search import engines
from search.backends.elasticsearch import EntryDocument, build_search
from search.query import parse_query


def test_mapping_indexes_terms_as_they_are():
    mapping = EntryDocument._index.to_dict()

    analysis = mapping["settings"]["analysis"]["analyzer"]["normalised_terms"]
    properties = mapping["mappings"]["properties"]
    assert analysis == {"type": "custom", "tokenizer": "whitespace"}
    assert properties["body_folded"] == {"type": "text", "analyzer": "normalised_terms"}
    assert properties["act_type"] == {"type": "keyword"}
    assert properties["year"] == {"type": "integer"}


def test_query_requires_every_clause_on_folded_fields():
    body = build_search(parse_query("Qrant MÜQAVİLƏSİ", act_type="law", year=2015)).to_dict()

    must = body["query"]["bool"]["must"][0]["bool"]["must"]
    filters = body["query"]["bool"]["filter"]
    assert [clause["multi_match"]["query"] for clause in must] == ["qrant", "muqavile"]
    assert must[0]["multi_match"]["fields"] == ["title_folded^3", "body_folded"]
    assert {"term": {"act_type": "law"}} in filters
    assert {"term": {"year": 2015}} in filters
    assert body["size"] == 200


def test_quoted_phrase_becomes_phrase_query():
    body = build_search(parse_query('"məlumat əldə etmək"')).to_dict()

    clause = body["query"]["bool"]["must"][0]["bool"]["must"][0]["multi_match"]
    assert clause["type"] == "phrase"
    assert clause["query"] == " ".join(parse_query('"məlumat əldə etmək"').clauses[0].folded)


def test_exact_spelling_adds_score_only():
    body = build_search(parse_query("şəhər")).to_dict()

    should = body["query"]["bool"]["should"][0]["multi_match"]
    assert should["query"] == "şəhər"
    assert should["fields"] == ["title_exact^4", "body_exact^1.5"]


def test_relaxed_query_needs_one_clause():
    query = parse_query("xarici donor müraciət")
    query.match_any = True

    body = build_search(query).to_dict()

    required = body["query"]["bool"]["must"][0]["bool"]
    assert required["minimum_should_match"] == 1
    assert len(required["should"]) == 3


@pytest.mark.django_db
def test_unreachable_cluster_falls_back_to_database(settings, monkeypatch, caplog):
    """A closed port on this machine plays the part of a cluster that is down."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    monkeypatch.setattr(engines, "_elasticsearch", None)
    monkeypatch.setattr(engines, "_retry_after", 0.0)

    engine = engines.get_engine()
    results = engine.search(parse_query("nikah"))

    assert engine.name in ("sqlite", "postgresql")
    assert results.count >= 0
    assert "unavailable" in caplog.text
