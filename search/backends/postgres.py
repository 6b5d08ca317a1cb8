"""The embedded engine on PostgreSQL: a weighted tsvector over the normalised terms."""

from django.db import connection, transaction

from ..models import SearchEntry
from ..query import Clause, SearchQuery
from .base import CANDIDATES, SearchEngine

TABLE = "lawsearch_vector"
# The ts_rank_cd normalization flag that divides the rank by the document's length in words.
DIVIDE_BY_LENGTH = 2


def create_table(cursor) -> None:
    # The 'simple' configuration only lowercases and splits: the terms are
    # already normalised, and a language configuration would stem them again.
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "entry_id bigint PRIMARY KEY REFERENCES lawsearch_searchentry(id) ON DELETE CASCADE, "
        "document tsvector NOT NULL)"
    )
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING gin (document)")


def clause_expression(clause: Clause) -> str:
    """Build the to_tsquery string of one clause: a term, or a phrase with <->. Terms are [a-z0-9] only."""
    return "(" + " <-> ".join(clause.folded) + ")" if clause.phrase else clause.folded[0]


def tsquery_expression(query: SearchQuery) -> str:
    """Build a to_tsquery string: clauses joined by & (or by | in the relaxed mode)."""
    return (" | " if query.match_any else " & ").join(map(clause_expression, query.clauses))


def matched_clauses_sql(query: SearchQuery) -> tuple[str, list[str]]:
    """Build an SQL expression counting the clauses that ``v.document`` matches, with its parameters."""
    parts = ["(v.document @@ to_tsquery('simple', %s))::int"] * len(query.clauses)
    return " + ".join(parts), [clause_expression(clause) for clause in query.clauses]


def ranking_sql(query: SearchQuery) -> tuple[str, str, list[str]]:
    """Return the rank expression, the ORDER BY list and the parameters of that list.

    Every candidate matches every clause unless the query is relaxed. A relaxed
    query's candidates match some of the clauses, and plain ts_rank_cd puts an
    entry that repeats one of the words many times above one that contains
    most of them. So the entries that match more clauses come first,
    and among those the rank is divided by the entry's length, as bm25 on
    SQLite weighs a word in a short entry above the same word in a long one.
    The entry id breaks ties, so a page never depends on the query plan.
    """
    if not query.match_any:
        return "ts_rank_cd(v.document, q)", "rank DESC, v.entry_id", []
    matched, params = matched_clauses_sql(query)
    return f"ts_rank_cd(v.document, q, {DIVIDE_BY_LENGTH})", f"{matched} DESC, rank DESC, v.entry_id", params


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
        # The join is needed only to filter.
        source = f"{TABLE} v JOIN lawsearch_searchentry e ON e.id = v.entry_id" if where else f"{TABLE} v"
        rank, order, order_params = ranking_sql(query)

        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT v.entry_id, {rank} AS rank "
                f"FROM {source}, to_tsquery('simple', %s) q WHERE v.document @@ q{where} "
                f"ORDER BY {order} LIMIT %s",
                [expression, *params, *order_params, CANDIDATES],
            )
            scored = list(cursor.fetchall())
            count = len(scored)
            if count == CANDIDATES:
                # Only a full list of candidates leaves matches uncounted.
                cursor.execute(
                    f"SELECT count(*) FROM {source} WHERE v.document @@ to_tsquery('simple', %s){where}",
                    [expression, *params],
                )
                count = cursor.fetchone()[0]
            return count, scored
