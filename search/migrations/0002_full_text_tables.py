"""Create the full-text table of the database in use: FTS5 on SQLite, tsvector on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            from search.backends.sqlite import create_table
        elif vendor == "postgresql":
            from search.backends.postgres import create_table
        else:
            return
        create_table(cursor)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    table = {"sqlite": "lawsearch_fts", "postgresql": "lawsearch_vector"}.get(vendor)
    if table:
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [
        ("lawsearch", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
