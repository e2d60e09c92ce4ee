"""Every error of the contract: a problem (RFC 9457) whose detail says what is wrong."""

import json

import pytest
from django.test import Client

from awaz.organizations.keys import api_key_create
from awaz.signatures.models import Signature
from tests.factories import make_organization, make_petition
from tests.organizers import make_member

pytestmark = pytest.mark.django_db

RECORD = "/api/v1/organization/petitions/mine/signatures"
SIGNER = {"name": "Aygul", "email_address": "aygul@example.org", "country": "DE", "source": "s"}


@pytest.fixture
def secret():
    owner = make_member(organization=make_organization())
    make_petition(organization=owner.organization, slug="mine")
    return api_key_create(
        organization=owner.organization, name="Site", scope="write", by=owner.user
    ).secret


def post(secret, body, content_type="application/json"):
    return Client().generic(
        "POST", RECORD, body, content_type=content_type, HTTP_AUTHORIZATION=f"Bearer {secret}"
    )


def problem_of(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["type"] == "about:blank" and body["title"]
    return body


def test_malformed_json_is_400_saying_where(secret):
    body = problem_of(post(secret, '{"name": "Aygul",'), 400)
    assert "not valid JSON" in body["detail"]
    assert "line 1" in body["detail"]


def test_a_json_array_is_400(secret):
    assert "JSON object" in problem_of(post(secret, "[]"), 400)["detail"]


def test_unknown_fields_are_refused_by_name(secret):
    body = problem_of(post(secret, json.dumps({**SIGNER, "nmae": "x", "extra": 1})), 400)
    assert body["detail"] == "Unknown fields: nmae, extra."
    assert {e["field"] for e in body["errors"]} == {"nmae", "extra"}
    assert Signature.objects.count() == 0


def test_a_missing_field_is_named(secret):
    body = problem_of(post(secret, json.dumps({"name": "Aygul", "source": "s"})), 400)
    assert {e["field"] for e in body["errors"]} == {"email_address", "country"}


def test_a_body_in_another_content_type_is_415(secret):
    body = problem_of(post(secret, "name=Aygul", "application/x-www-form-urlencoded"), 415)
    assert "application/json" in body["detail"]


def test_an_undeclared_method_is_405_with_allow():
    response = Client().delete("/api/v1/petitions")
    body = problem_of(response, 405)
    assert response["Allow"] == "GET"
    assert "GET" in body["detail"]


def test_a_body_over_64_kb_is_413_unread(secret):
    # Declared length only: the middleware answers before reading (the body is short).
    response = Client().generic(
        "POST",
        RECORD,
        "{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
        CONTENT_LENGTH=str(64 * 1024 + 1),
    )
    assert "65537" in problem_of(response, 413)["detail"]


def test_a_body_of_64_kb_is_read(secret):
    padded = json.dumps({**SIGNER, "comments": ""})
    response = post(secret, padded + " " * (64 * 1024 - len(padded)))
    assert response.status_code == 202


def test_an_unknown_address_is_404():
    problem_of(Client().get("/api/v1/nothing-here"), 404)
    problem_of(Client().get("/api/v2/petitions"), 404)


def test_an_invalid_query_value_is_400():
    body = problem_of(Client().get("/api/v1/petitions?status=sleeping"), 400)
    assert body["errors"][0]["field"] == "status"


def test_too_many_calls_from_one_network_are_429(settings):
    settings.AWAZ_API_PER_NETWORK_PER_MINUTE = 3
    client = Client()
    answers = [client.get("/api/v1/petitions").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    response = client.get("/api/v1/petitions")
    assert problem_of(response, 429)["detail"].startswith("Too many")
    assert response["Retry-After"] == "60"


def test_the_openapi_document_is_3_1_and_declares_problems():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    record = schema["paths"]["/api/v1/organization/petitions/{slug}/signatures"]["post"]
    assert "application/problem+json" in record["responses"]["400"]["content"]
    assert set(schema["paths"]) == {
        "/api/v1/petitions",
        "/api/v1/petitions/{slug}",
        "/api/v1/petitions/{slug}/count",
        "/api/v1/organizations/{slug}",
        "/api/v1/organization/petitions",
        "/api/v1/organization/petitions/{slug}/signatures",
    }


def test_the_docs_page_lists_every_operation_from_the_document():
    response = Client().get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    for address in ("/api/v1/petitions/{slug}/count", "/api/v1/organization/petitions"):
        assert address in page
    assert "<script" not in page
