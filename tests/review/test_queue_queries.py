"""The review queue and a filing's review page cost a fixed number of
queries, however many filings the queue lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forms.review import actions

from .conftest import admin_url, new_filing, submit

pytestmark = pytest.mark.django_db


def add_filings(service_page, organization, member, decider, count: int) -> None:
    for number in range(count):
        filing = new_filing(service_page, organization, member)
        filing.form_data = {"olke": "AZ"}
        filing.save(update_fields=["form_data"])
        submit(service_page, filing, member)
        if number % 2:
            actions.assign(filing.pk, decider, by=decider)


def queue_queries(client) -> int:
    client.get(admin_url("index"))  # Warm per-process caches.
    with CaptureQueriesContext(connection) as captured:
        response = client.get(admin_url("index"))
    assert response.status_code == 200
    return len(captured)


def test_queue_queries_do_not_grow(decider, decider_client, service_page, organization, member):
    add_filings(service_page, organization, member, decider, 3)
    few = queue_queries(decider_client)

    add_filings(service_page, organization, member, decider, 12)
    many = queue_queries(decider_client)

    assert many == few


def review_page_queries(client, filing) -> int:
    client.get(admin_url("inspect", filing))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(admin_url("inspect", filing))
    assert response.status_code == 200
    return len(captured)


def test_review_page_queries_do_not_grow_with_history(decider, decider_client, service_page, organization, member):
    add_filings(service_page, organization, member, decider, 2)
    filing = organization.filings.order_by("pk").first()
    few = review_page_queries(decider_client, filing)

    add_filings(service_page, organization, member, decider, 8)
    many = review_page_queries(decider_client, filing)

    assert many == few
