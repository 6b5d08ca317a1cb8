"""Choose the search engine for this deployment."""

from django.db import connection

from .backends.base import SearchEngine


def get_engine() -> SearchEngine:
    """Return the embedded engine of the database in use."""
    if connection.vendor == "postgresql":
        from .backends.postgres import PostgreSQLEngine

        return PostgreSQLEngine()

    from .backends.sqlite import SQLiteEngine

    return SQLiteEngine()
