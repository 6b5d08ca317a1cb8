"""Choose the search engine for this deployment."""

import logging
import time

from django.conf import settings
from django.db import connection

from .backends.base import SearchEngine

logger = logging.getLogger(__name__)

# After a failed connection, the next attempt waits this long, so a down
# cluster does not slow every search down.
RETRY_SECONDS = 60
_elasticsearch = None
_retry_after = 0.0


def embedded_engine() -> SearchEngine:
    """Return the engine of the database in use."""
    if connection.vendor == "postgresql":
        from .backends.postgres import PostgreSQLEngine

        return PostgreSQLEngine()

    from .backends.sqlite import SQLiteEngine

    return SQLiteEngine()


def get_engine() -> SearchEngine:
    """Return Elasticsearch when ELASTICSEARCH_URL is set and the cluster responds, else the embedded engine.

    A configured cluster that is down must not take search down with it, so
    the failure is logged and the database serves the query.
    """
    if not settings.ELASTICSEARCH_URL:
        return embedded_engine()

    global _elasticsearch, _retry_after
    if _elasticsearch is None and time.monotonic() >= _retry_after:
        try:
            from .backends.elasticsearch import ElasticsearchEngine

            _elasticsearch = ElasticsearchEngine(embedded_engine())
        except Exception:  # the client raises transport, connection and API errors alike
            _retry_after = time.monotonic() + RETRY_SECONDS
            logger.warning("Elasticsearch at %s is unavailable; using the database engine", settings.ELASTICSEARCH_URL)
    return _elasticsearch or embedded_engine()
