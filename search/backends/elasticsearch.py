"""The Elasticsearch engine, for deployments that outgrow one database server.

Documents carry the terms ``search.normalise`` already made, and the
analyzer only splits on whitespace, so Elasticsearch matches exactly what
the embedded engines match. The SearchEntry rows stay in the database, and
the cluster contains a searchable copy of them.
"""

import logging

from django.conf import settings
from elasticsearch_dsl import Document, Integer, Keyword, Q, Search, Text, analyzer
from elasticsearch_dsl.connections import connections

from ..models import SearchEntry
from ..query import SearchQuery
from .base import CANDIDATES, SearchEngine

logger = logging.getLogger(__name__)

INDEX = "lawsearch-entries"
ALIAS = "default"

# The terms are normalised before indexing; the analyzer must not change them.
terms = analyzer("normalised_terms", tokenizer="whitespace")


class EntryDocument(Document):
    act_id = Integer()
    act_type = Keyword()
    act_status = Keyword()
    year = Integer()
    title_exact = Text(analyzer=terms)
    title_folded = Text(analyzer=terms)
    body_exact = Text(analyzer=terms)
    body_folded = Text(analyzer=terms)

    class Index:
        name = INDEX
        settings = {"number_of_shards": 1}


def document_for(entry: SearchEntry) -> EntryDocument:
    return EntryDocument(
        meta={"id": entry.pk},
        act_id=entry.act_id,
        act_type=entry.act_type,
        act_status=entry.act_status,
        year=entry.year,
        title_exact=entry.title_exact,
        title_folded=entry.title_folded,
        body_exact=entry.body_exact,
        body_folded=entry.body_folded,
    )


def build_search(query: SearchQuery) -> Search:
    """Translate a parsed query into an Elasticsearch request body (tested without a server)."""
    clauses = []
    for clause in query.clauses:
        text = " ".join(clause.folded)
        kind = "phrase" if clause.phrase else "best_fields"
        clauses.append(Q("multi_match", query=text, fields=["title_folded^3", "body_folded"], type=kind))
    # Words as typed score extra, like the exact columns of the embedded engines.
    exact = Q("multi_match", query=" ".join(sorted(query.exact_terms)), fields=["title_exact^4", "body_exact^1.5"])
    if query.match_any:
        required = Q("bool", should=clauses, minimum_should_match=1)
    else:
        required = Q("bool", must=clauses)

    search = Search(index=INDEX).query(Q("bool", must=[required], should=[exact]))
    for field, value in (("act_type", query.act_type), ("act_status", query.status), ("year", query.year)):
        if value:
            search = search.filter("term", **{field: value})
    return search.extra(size=CANDIDATES, track_total_hits=True).source(False)


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, embedded: SearchEngine, url: str | None = None):
        # The database engine is always kept current too, so search goes on
        # when the cluster fails.
        self.embedded = embedded
        connections.create_connection(alias=ALIAS, hosts=[url or settings.ELASTICSEARCH_URL], request_timeout=5)
        EntryDocument.init(using=ALIAS)

    def replace_act(self, act_id, entries):
        from elasticsearch.helpers import bulk

        self.embedded.replace_act(act_id, entries)
        try:
            client = connections.get_connection(ALIAS)
            client.delete_by_query(index=INDEX, query={"term": {"act_id": act_id}}, refresh=True)
            bulk(client, (document_for(entry).to_dict(include_meta=True) for entry in entries), refresh=True)
        except Exception:  # transport and API errors alike; the database index is current
            logger.exception("Indexing act %s in Elasticsearch failed; rebuild the index when it is back", act_id)

    def clear(self):
        self.embedded.clear()
        EntryDocument._index.delete(using=ALIAS, ignore_unavailable=True)
        EntryDocument.init(using=ALIAS)

    def candidates(self, query):
        try:
            response = build_search(query).using(ALIAS).execute()
        except Exception:  # transport and API errors alike
            logger.warning("Elasticsearch search failed; the database engine runs the query instead", exc_info=True)
            return self.embedded.candidates(query)
        return response.hits.total.value, [(int(hit.meta.id), hit.meta.score) for hit in response]
