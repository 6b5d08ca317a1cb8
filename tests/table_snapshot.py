"""Copies of every table in a PostgreSQL schema of their own, to undo a transactional test's flush in SQL.

A transactional test commits, so it ends by emptying every table. Copying the
tables aside before it and back after it takes a fraction of a second, where
serialising the rows through the ORM took tens of seconds.
"""

from django.db import connection

SCHEMA = "test_table_snapshot"
# Migrations are never flushed, and copying them back would only duplicate rows.
SKIPPED_TABLES = {"django_migrations"}


def _tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    )
    return [name for (name,) in cursor.fetchall() if name not in SKIPPED_TABLES]


def _writable_columns(cursor, table: str) -> list[str]:
    # Generated columns take no values; identity columns "BY DEFAULT" do.
    cursor.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %s AND is_generated = 'NEVER' "
        "ORDER BY ordinal_position",
        [table],
    )
    return [connection.ops.quote_name(name) for (name,) in cursor.fetchall()]


def take() -> None:
    """Copy every table of the public schema into the snapshot schema, replacing an older snapshot."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in _tables(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"CREATE TABLE {SCHEMA}.{quoted} AS TABLE public.{quoted}")


def restore() -> None:
    """Empty every table and copy the snapshot back, then move each sequence past the restored ids."""
    from django.apps import apps
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        tables = _tables(cursor)
        quoted = {table: connection.ops.quote_name(table) for table in tables}
        # Replica mode skips the foreign key triggers, so tables can be filled in any order.
        cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute("TRUNCATE " + ", ".join(f"public.{name}" for name in quoted.values()))
            for table, name in quoted.items():
                columns = ", ".join(_writable_columns(cursor, table))
                cursor.execute(f"INSERT INTO public.{name} ({columns}) SELECT {columns} FROM {SCHEMA}.{name}")
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)
        cursor.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
