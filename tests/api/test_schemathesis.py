"""Property-based requests from the OpenAPI schema: no server errors, responses as described.

Schemathesis reads ``/api/v1/schema/`` through the WSGI application (no
server, no network) and sends a bounded, derandomized number of generated
requests to every GET operation. Sign-in, sign-out and password reset (the
POST operations) are left out: they send e-mail and count against rate
limits, and tests/api/test_auth_api.py covers them.

NOTE: schemathesis.pytest.from_fixture fails under pytest 9 (it reads the
removed ``Function._nodeid``, schemathesis 4.32.5), so the test drives
Hypothesis itself, one operation after another.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

pytestmark = pytest.mark.django_db

# About 20 GET operations × 8 examples keeps the run near half a minute on two cores.
EXAMPLES_PER_OPERATION = 8
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@pytest.fixture
def connection_kept_open():
    """Keep the test's database connection open across requests, as Django's test client does.

    The WSGI handler closes it when a request finishes; on PostgreSQL the next
    request would then fail, and the test's transaction would be lost.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def get_operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    return [result.ok() for result in schema.include(method="GET").get_all_operations()]


def check_operation(operation) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.validate_response(case.call(), checks=CHECKS)

    run()


def test_get_operations_conform(connection_kept_open):
    operations = get_operations()
    failures = {}
    for operation in operations:
        try:
            check_operation(operation)
        # Hypothesis raises schemathesis' FailureGroup, a BaseExceptionGroup.
        # Each operation's failure is collected so that one run reports them all.
        except (Exception, BaseExceptionGroup) as error:
            failures[operation.label] = str(error)[:2000]

    assert len(operations) >= 18
    assert not failures, "\n\n".join(f"{label}:\n{message}" for label, message in failures.items())
