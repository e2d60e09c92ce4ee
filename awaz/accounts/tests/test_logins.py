"""Log-ins, failed log-ins and log-outs leave audit entries, with no password or address."""

import json

import pytest
from django.test import Client

from awaz.audit.models import AuditEntry
from awaz.audit.services import audit_target
from tests.organizers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.77"


def _log_in(email: str, password: str):
    client = Client(REMOTE_ADDR=ADDRESS)
    response = client.post("/en/accounts/login/", {"username": email, "password": password})
    return client, response


def _entries() -> list[tuple[str, int | None, str]]:
    return [(e.action, e.actor_id, e.target) for e in AuditEntry.objects.order_by("pk")]


def test_a_log_in_and_a_log_out_are_audited_against_the_account():
    person = make_user()
    client, response = _log_in(person.email, PASSWORD)
    assert response.status_code == 302
    client.post("/en/accounts/logout/")
    target = audit_target(person)
    assert _entries() == [("user.login", person.pk, target), ("user.logout", person.pk, target)]


def test_a_wrong_password_for_an_account_is_audited_without_the_password_or_the_address():
    person = make_user()
    _client, response = _log_in(person.email.upper(), "a wrong guess, secret-ish")
    assert response.status_code == 200
    assert _entries() == [("user.login_failed", None, audit_target(person))]
    stored = json.dumps(list(AuditEntry.objects.values()), default=str)
    assert "wrong guess" not in stored
    assert ADDRESS not in stored
    assert person.email not in stored.lower()


def test_a_wrong_password_for_an_address_without_an_account_leaves_nothing():
    _log_in("nobody@example.org", "a wrong guess")
    assert _entries() == []
