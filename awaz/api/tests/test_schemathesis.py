"""schemathesis against a live server, over every operation of the OpenAPI document: no 5xx,
every answer matches the schema (status code, content type, body, headers).

Part of the ordinary test suite (so `make check` runs it), with a short budget per operation.
"""

import hypothesis
import hypothesis.errors
import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from awaz.organizations.keys import api_key_create
from tests.factories import make_organization, make_petition, make_signatures
from tests.organizers import make_member

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def api_schema(live_server, settings):
    settings.AWAZ_API_PER_NETWORK_PER_MINUTE = 1_000_000
    settings.AWAZ_API_PER_KEY_PER_MINUTE = 1_000_000
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")


@pytest.fixture
def secret():
    owner = make_member(organization=make_organization(slug="rights"))
    petition = make_petition(organization=owner.organization, slug="seed", languages=("en", "ug"))
    make_signatures(petition, 3)
    return api_key_create(
        organization=owner.organization, name="schemathesis", scope="write", by=owner.user
    ).secret


POSITIVE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Input outside the schema: still never a 5xx, and always a declared content type.
NEGATIVE = [not_a_server_error, content_type_conformance]


def _run(operation, mode, checks, headers, examples):
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis.settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case):
        case.call_and_validate(headers=headers, checks=checks)

    run()


def test_every_operation_keeps_the_contract(api_schema, secret):
    headers = {"Authorization": f"Bearer {secret}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 7  # the signatures address takes GET and POST
    negative = 0
    for operation in operations:
        _run(operation, GenerationMode.POSITIVE, POSITIVE, headers, examples=25)
        negative += _run_negative(operation, headers)
    assert negative >= 3  # the list's filters, the signatures' query, the body to record


def _run_negative(operation, headers) -> int:
    """1 if invalid input was sent, 0 for an operation whose every input is a bare string
    (a slug): there is no invalid input to make for it."""
    try:
        _run(operation, GenerationMode.NEGATIVE, NEGATIVE, headers, examples=15)
    except hypothesis.errors.Unsatisfiable:
        return 0
    return 1
