"""Shared fixtures: a database holding the site tree and a few real acts.

The session-wide data is loaded once per database (SQLite, and PostgreSQL
when DATABASE_URL points at it); each test runs in a transaction on top.
"""

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client

from cms.home import setup
from cms.legal import importing
from cms.legal.catalogue import load_catalogue, read_text
from cms.legal.parsing import parse_text

from . import table_snapshot

# A small, varied part of the shipped corpus: the Constitution (Roman-numbered
# paragraphs, lost superscripts), a code (parts, chapters, amendment notes),
# a law and two acts made of points instead of articles.
SESSION_ACTS = [
    "az-constitution-1995.txt",
    "az-code-family-1999.txt",
    "az-law-right-to-obtain-information-2005.txt",
    "az-cabmin-decision-339-2015-foreign-donor-grant-right-rules.txt",
    "az-moj-collegium-11-N-2015-rules-study-of-ngo-activity.txt",
]


def import_files(file_names):
    topics, entries = load_catalogue()
    importing.sync_topics(topics)
    by_file = {entry.file: entry for entry in entries}
    outcomes = []
    for name in file_names:
        entry = by_file[name]
        text = read_text(entry.path())
        parsed = parse_text(text, source=name)
        outcomes.append(importing.import_entry(entry, text, parsed))
    return outcomes


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        locales = setup.ensure_locales()
        setup.ensure_site_tree(locales)
        setup.ensure_moderation_workflow()
        setup.ensure_editor_groups()
        import_files(SESSION_ACTS)


@pytest.fixture(scope="session", autouse=True)
def test_files_root():
    """Remove this process's media folders (see cms/settings/test.py) when the session ends."""
    import shutil

    from django.conf import settings

    yield
    shutil.rmtree(settings.TEST_FILES_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: rate limits, used two-factor
    codes and cached pages live there and outlive a test's transaction."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in Azerbaijani, whatever language the previous one left active."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def client():
    return Client()


def pytest_collection_modifyitems(config, items):
    """Run the search tests last: their fixture imports the whole corpus into the session database,
    and other tests count the five acts loaded above."""
    items.sort(key=lambda item: "tests/search/" in item.nodeid)


@pytest.fixture
def run_queued_tasks():
    """Run the notification worker until the queue is empty, as ``db_worker`` does in production.

    The worker calls close_old_connections() between tasks. Inside a test's
    transaction autocommit is off, so Django would close the PostgreSQL
    connection and the test would lose its transaction. The patch below skips
    that call.
    """
    from unittest import mock

    from django.core.management import call_command

    def run():
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(
                "db_worker", "--backend", "notifications", "--queue-name", "*", "--batch", "--no-startup-delay",
                "--no-reload", verbosity=0,
            )

    return run


# Listing every app keeps the app registry whole, and makes the flush that
# ends a transactional test use TRUNCATE ... CASCADE: on PostgreSQL the search
# index table lawsearch_vector, which has no model, references
# lawsearch_searchentry, and a plain TRUNCATE of that table fails.
ALL_APPS = [config.name for config in django_apps.get_app_configs()]


@pytest.fixture(scope="module")
def restored_database(django_db_setup, django_db_blocker):
    """Put the session's data back after the transactional tests of a module empty the database.

    A transactional test ends by flushing every table, which would take the
    site tree and the acts loaded above away from the tests that run after
    it. The tables are copied aside before the module's tests and back after
    them (tests/table_snapshot.py). Only the race tests use this, and they
    need PostgreSQL.
    """
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time, so there is no race to test.")
    with django_db_blocker.unblock():
        table_snapshot.take()
    yield
    with django_db_blocker.unblock():
        table_snapshot.restore()
