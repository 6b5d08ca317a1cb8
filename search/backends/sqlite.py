"""The embedded engine on SQLite: an FTS5 table over the normalised terms."""

from django.db import connection, transaction

from ..models import SearchEntry
from ..query import SearchQuery
from .base import CANDIDATES, SearchEngine

TABLE = "lawsearch_fts"
# bm25 weights per column: title_exact, title_folded, body_exact, body_folded.
WEIGHTS = (4.0, 3.0, 1.5, 1.0)


def create_table(cursor) -> None:
    # The text is normalised before it reaches FTS5, so the plain tokenizer with
    # no diacritic handling keeps terms exactly as search.normalise made them.
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "title_exact, title_folded, body_exact, body_folded, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )


def match_expression(query: SearchQuery) -> str:
    """Build the FTS5 MATCH string: every clause must match the folded columns.

    Terms contain only [a-z0-9], so quoting them is all the escaping needed.
    """
    parts = []
    for clause in query.clauses:
        terms = " ".join(f'"{term}"' for term in clause.folded)
        body = f"({terms})" if not clause.phrase else f'"{" ".join(clause.folded)}"'
        parts.append("{title_folded body_folded} : " + body)
    return (" OR " if query.match_any else " AND ").join(parts)


def _filters(query: SearchQuery) -> tuple[str, list]:
    sql, params = [], []
    if query.act_type:
        sql.append("e.act_type = %s")
        params.append(query.act_type)
    if query.status:
        sql.append("e.act_status = %s")
        params.append(query.status)
    if query.year:
        sql.append("e.year = %s")
        params.append(query.year)
    return "".join(f" AND {condition}" for condition in sql), params


class SQLiteEngine(SearchEngine):
    name = "sqlite"

    def replace_act(self, act_id, entries):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE rowid IN (SELECT id FROM lawsearch_searchentry WHERE act_id = %s)",
                [act_id],
            )
            SearchEntry.objects.filter(act_id=act_id).delete()
            SearchEntry.objects.bulk_create(entries, batch_size=500)
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title_exact, title_folded, body_exact, body_folded) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(e.pk, e.title_exact, e.title_folded, e.body_exact, e.body_folded) for e in entries],
            )

    def clear(self):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
            SearchEntry.objects.all().delete()

    def candidates(self, query):
        expression = match_expression(query)
        where, params = _filters(query)
        # The join is needed only to filter. Without it SQLite reads no
        # SearchEntry rows, which about halves the time of a query matching thousands.
        source = f"{TABLE} f JOIN lawsearch_searchentry e ON e.id = f.rowid" if where else f"{TABLE} f"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT f.rowid, bm25({TABLE}, {', '.join(map(str, WEIGHTS))}) AS rank "
                f"FROM {source} WHERE {TABLE} MATCH %s{where} ORDER BY rank, f.rowid LIMIT %s",
                [expression, *params, CANDIDATES],
            )
            # bm25() is lower for better matches; the shared ranking wants higher.
            # The rowid breaks ties, so a page never depends on the query plan.
            scored = [(entry_id, -rank) for entry_id, rank in cursor.fetchall()]
            count = len(scored)
            if count == CANDIDATES:
                # Only a full list of candidates leaves matches uncounted.
                cursor.execute(f"SELECT count(*) FROM {source} WHERE {TABLE} MATCH %s{where}", [expression, *params])
                count = cursor.fetchone()[0]
            return count, scored
