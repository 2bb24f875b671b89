"""The API fuzzed against its own OpenAPI schema (schemathesis): no input makes a server error,
and every 200 matches the schema it publishes.

Each operation's cases are drawn by Hypothesis inside one test (schemathesis' pytest fixture
loader does not run under this pytest), against the live database of the test.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

EXAMPLES_PER_OPERATION = 40


@pytest.fixture
def wsgi_app():
    """The real WSGI application, kept from closing the test's database connection at the start
    and end of each request (as Django's own test client does): the test runs in one
    transaction."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


@pytest.mark.fuzz  # Schemathesis drives Hypothesis inside the test
def test_no_server_error_and_responses_match_the_schema(official_data, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    # Roles, one role, skills, one skill, companies, one company, FAQ, one entry.
    assert len(operations) == 8
    statuses = set()

    for operation in operations:

        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def fuzz(case):
            response = case.call()
            statuses.add(response.status_code)
            assert response.status_code < 500, case.as_curl_command()
            if response.status_code == 200:
                case.validate_response(
                    response, checks=[response_schema_conformance, content_type_conformance]
                )

        fuzz()

    # The fuzzing reached both answers and refusals, not one kind only.
    assert 200 in statuses and {400, 404} & statuses
