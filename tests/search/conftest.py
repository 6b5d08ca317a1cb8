"""Search tests index the whole shipped corpus once per database, so relevance is measured on real data."""

import pytest

from tests.conftest import import_files


@pytest.fixture(scope="session")
def search_corpus(django_db_setup, django_db_blocker):
    """Import every shipped act on top of the session's acts and index them all."""
    from cms.legal.catalogue import load_catalogue
    from search.indexing import rebuild

    with django_db_blocker.unblock():
        _topics, entries = load_catalogue()
        from cms.legal.models import LegalAct

        present = set(LegalAct.objects.values_list("slug", flat=True))
        import_files([entry.file for entry in entries if entry.slug not in present])
        rebuild()
    yield
