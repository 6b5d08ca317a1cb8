"""The embedded engine on PostgreSQL: a weighted tsvector over the normalised terms."""

from django.db import connection, transaction

from ..models import SearchEntry
from ..query import SearchQuery
from .base import CANDIDATES, SearchEngine

TABLE = "lawsearch_vector"


def create_table(cursor) -> None:
    # The 'simple' configuration only lowercases and splits: the terms are
    # already normalised, and a language configuration would stem them again.
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "entry_id bigint PRIMARY KEY REFERENCES lawsearch_searchentry(id) ON DELETE CASCADE, "
        "document tsvector NOT NULL)"
    )
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING gin (document)")


def tsquery_expression(query: SearchQuery) -> str:
    """Build a to_tsquery string: clauses joined by &, phrases with <->. Terms are [a-z0-9] only."""
    parts = []
    for clause in query.clauses:
        parts.append("(" + " <-> ".join(clause.folded) + ")" if clause.phrase else clause.folded[0])
    return (" | " if query.match_any else " & ").join(parts)


class PostgreSQLEngine(SearchEngine):
    name = "postgresql"

    def replace_act(self, act_id, entries):
        with transaction.atomic(), connection.cursor() as cursor:
            SearchEntry.objects.filter(act_id=act_id).delete()
            SearchEntry.objects.bulk_create(entries, batch_size=500)
            cursor.execute(
                f"INSERT INTO {TABLE} (entry_id, document) "
                "SELECT id, setweight(to_tsvector('simple', title_folded), 'A') "
                "|| setweight(to_tsvector('simple', body_folded), 'B') "
                "FROM lawsearch_searchentry WHERE act_id = %s",
                [act_id],
            )

    def clear(self):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
            SearchEntry.objects.all().delete()

    def candidates(self, query):
        expression = tsquery_expression(query)
        conditions, params = [], []
        for column, value in (("act_type", query.act_type), ("act_status", query.status), ("year", query.year)):
            if value:
                conditions.append(f" AND e.{column} = %s")
                params.append(value)
        where = "".join(conditions)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM {TABLE} v JOIN lawsearch_searchentry e ON e.id = v.entry_id "
                f"WHERE v.document @@ to_tsquery('simple', %s){where}",
                [expression, *params],
            )
            count = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT v.entry_id, ts_rank_cd(v.document, q) AS rank "
                f"FROM {TABLE} v JOIN lawsearch_searchentry e ON e.id = v.entry_id, "
                f"to_tsquery('simple', %s) q WHERE v.document @@ q{where} ORDER BY rank DESC LIMIT %s",
                [expression, *params, CANDIDATES],
            )
            return count, list(cursor.fetchall())
