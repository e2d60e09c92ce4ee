"""The organization's API: keys, their scopes, audit, signatures as the CSV export gives them,
and signatures recorded from a partner's site through the signing service."""

import json

import pytest
from django.core import mail
from django.test import Client

from awaz.audit.models import AuditEntry
from awaz.organizations.keys import api_key_create, api_key_revoke
from awaz.organizations.models import ApiKey
from awaz.signatures.models import Signature
from tests.factories import make_organization, make_petition, make_signatures
from tests.mailqueue import deliver_queued_mail
from tests.organizers import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return make_member(organization=make_organization(slug="rights"))


def key_for(owner, scope="write"):
    return api_key_create(organization=owner.organization, name="CRM", scope=scope, by=owner.user)


def call(method, address, secret="", body=None, **extra):
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    if body is not None:
        extra.setdefault("content_type", "application/json")
        extra["data"] = json.dumps(body) if not isinstance(body, (str, bytes)) else body
    return getattr(client, method)(address, **headers, **extra)


def test_the_key_is_stored_only_as_a_digest(owner):
    new = key_for(owner)
    stored = ApiKey.objects.get()
    assert new.secret.startswith(f"awaz_{stored.prefix}_")
    assert new.secret not in stored.digest
    assert stored.digest != new.secret and len(stored.digest) == 64
    assert AuditEntry.objects.filter(action="api_key.create").count() == 1


def test_own_petitions_include_drafts_and_every_use_is_audited(owner):
    make_petition(organization=owner.organization, slug="draft-one", status="draft")
    make_petition(organization=owner.organization, slug="open-one")
    make_petition(slug="someone-elses")
    new = key_for(owner, scope="read")
    response = call("get", "/api/v1/organization/petitions", new.secret)
    assert response.status_code == 200
    body = response.json()
    assert {p["slug"] for p in body["petitions"]} == {"draft-one", "open-one"}
    assert next(p for p in body["petitions"] if p["slug"] == "draft-one")["browser_url"] is None
    assert "Access-Control-Allow-Origin" not in response
    use = AuditEntry.objects.get(action="api_key.use")
    assert use.details["operation"] == "petitions.list"
    assert new.secret not in json.dumps(use.details)
    assert ApiKey.objects.get().last_used_at is not None


@pytest.mark.parametrize("secret", ["", "awaz_0000_wrong", "nonsense", "awaz_" + "x" * 300])
def test_a_missing_or_wrong_key_is_401_and_says_nothing_more(owner, secret):
    response = call("get", "/api/v1/organization/petitions", secret)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert "rights" not in response.content.decode()


def test_a_revoked_key_is_refused_like_a_wrong_one(owner):
    new = key_for(owner)
    wrong = call("get", "/api/v1/organization/petitions", "awaz_00000000_wrong")
    api_key_revoke(key=new.key, by=owner.user)
    revoked = call("get", "/api/v1/organization/petitions", new.secret)
    assert revoked.status_code == wrong.status_code == 401
    assert revoked.content == wrong.content
    assert AuditEntry.objects.filter(action="api_key.revoke").count() == 1


def test_another_organizations_petition_is_not_found(owner):
    make_petition(slug="theirs")
    new = key_for(owner)
    response = call("get", "/api/v1/organization/petitions/theirs/signatures", new.secret)
    assert response.status_code == 404


def test_signatures_give_what_the_csv_gives_incrementally(owner):
    petition = make_petition(organization=owner.organization, slug="mine")
    make_signatures(petition, 3, is_public=True)
    make_signatures(petition, 2, is_public=False)
    make_signatures(petition, 1, status="pending")
    new = key_for(owner, scope="read")
    response = call("get", "/api/v1/organization/petitions/mine/signatures?limit=4", new.secret)
    assert response.status_code == 200
    assert response.streaming
    body = json.loads(b"".join(response.streaming_content))
    assert len(body["signatures"]) == 4
    public = [s for s in body["signatures"] if s["first_name"]]
    assert all(s["first_name"].startswith("Signer") and " " not in s["first_name"] for s in public)
    assert all(s["email_address"] == "" for s in body["signatures"])  # nobody agreed
    rest = call(
        "get", f"/api/v1/organization/petitions/mine/signatures?since={body['next']}", new.secret
    )
    later = json.loads(b"".join(rest.streaming_content))
    assert len(later["signatures"]) == 1  # the five confirmed ones, each once
    again = call(
        "get", f"/api/v1/organization/petitions/mine/signatures?since={later['next']}", new.secret
    )
    assert json.loads(b"".join(again.streaming_content))["signatures"] == []
    reads = AuditEntry.objects.filter(action="api_key.use", details__operation="signatures.read")
    assert reads.count() == 3


def test_a_cursor_of_another_petition_is_refused(owner):
    one = make_petition(organization=owner.organization, slug="one")
    make_petition(organization=owner.organization, slug="two")
    make_signatures(one, 1)
    new = key_for(owner)
    first = call("get", "/api/v1/organization/petitions/one/signatures", new.secret)
    cursor = json.loads(b"".join(first.streaming_content))["next"]
    response = call(
        "get", f"/api/v1/organization/petitions/two/signatures?since={cursor}", new.secret
    )
    assert response.status_code == 400


SIGNER = {
    "name": "Aygul Tursun",
    "email_address": "aygul@example.org",
    "country": "DE",
    "source": "coalition-site",
    "public": True,
}


def test_a_partner_records_a_signature_that_waits_for_confirmation(owner):
    petition = make_petition(organization=owner.organization, slug="mine")
    new = key_for(owner)
    response = call(
        "post", "/api/v1/organization/petitions/mine/signatures", new.secret, body=SIGNER
    )
    assert response.status_code == 202, response.content
    signature = Signature.objects.get()
    assert signature.status == "pending" and signature.source == "coalition-site"
    assert signature.petition == petition
    deliver_queued_mail()
    (message,) = mail.outbox
    assert message.to == ["aygul@example.org"]
    # Again: the same answer, no second row (dedup by the signing service).
    again = call("post", "/api/v1/organization/petitions/mine/signatures", new.secret, body=SIGNER)
    assert again.status_code == 202 and again.content == response.content
    assert Signature.objects.count() == 1


def test_recording_needs_a_write_key(owner):
    make_petition(organization=owner.organization, slug="mine")
    new = key_for(owner, scope="read")
    response = call(
        "post", "/api/v1/organization/petitions/mine/signatures", new.secret, body=SIGNER
    )
    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_recording_validates_as_the_sign_form_does(owner):
    make_petition(organization=owner.organization, slug="mine")
    new = key_for(owner)
    bad = {**SIGNER, "name": "www.spam.com", "email_address": "not-an-address", "country": "XX"}
    response = call("post", "/api/v1/organization/petitions/mine/signatures", new.secret, body=bad)
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"name", "email_address", "country"}
    assert Signature.objects.count() == 0


def test_a_closed_petition_takes_no_signature(owner):
    make_petition(organization=owner.organization, slug="mine", status="closed")
    new = key_for(owner)
    response = call(
        "post", "/api/v1/organization/petitions/mine/signatures", new.secret, body=SIGNER
    )
    assert response.status_code == 409


def test_each_key_has_its_own_rate(owner, settings):
    settings.AWAZ_API_PER_KEY_PER_MINUTE = 2
    new = key_for(owner)
    answers = [call("get", "/api/v1/organization/petitions", new.secret) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[-1]["Retry-After"] == "60"


def test_a_key_never_reaches_the_logs(owner, caplog):
    new = key_for(owner)
    with caplog.at_level("DEBUG"):
        call("get", "/api/v1/organization/petitions", new.secret)
        call("get", "/api/v1/organization/petitions/none/signatures", new.secret)
        call("get", "/api/v1/organization/petitions", new.secret + "x")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert new.secret not in logged and new.secret.split("_")[2] not in logged
