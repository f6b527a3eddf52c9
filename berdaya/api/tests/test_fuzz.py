"""Schemathesis fuzzes every operation of the OpenAPI schema in-process: no input gives a server error,
and every 2xx answer matches the schema. Bounded (a few examples per operation) so the suite stays fast."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from berdaya.koperasi.tests.conftest import make_cooperative
from berdaya.naker import services as naker_services
from berdaya.naker.tests.test_services import vacancy_data
from berdaya.programs.tests.conftest import make_program
from berdaya.training.tests.conftest import make_event
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import issue

# The schema endpoint touches no database, so it loads at collection time.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the database connection after each request (request_finished); Django's test
    client switches that off for the test's transaction, schemathesis' WSGI client does not."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token_header(cast, person):
    make_enterprise(actor=cast.umkm, owner=person)
    make_cooperative(actor=cast.koperasi)
    make_program(actor=cast.umkm)
    vacancy = naker_services.vacancy_post(actor=cast.p3k, data=vacancy_data())
    naker_services.vacancy_verify(actor=cast.admin, vacancy=vacancy)
    make_event(actor=cast.umkm)
    _, client = issue(actor=cast.admin, user=cast.umkm, rate_per_minute=10_000)
    return client.headers


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_input_gives_a_server_error(case, token_header):
    case.call_and_validate(headers=token_header, checks=[not_a_server_error, response_schema_conformance])
