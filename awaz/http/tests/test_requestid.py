import logging

import pytest
from django.test import Client

from awaz.http.requestid import NONE, RequestIdFilter, incoming_or_new, request_id

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_fresh_request_id():
    first = Client().get("/en/privacy/")["X-Request-ID"]
    second = Client().get("/en/privacy/")["X-Request-ID"]
    assert len(first) >= 16
    assert first != second


def test_the_proxys_request_id_is_kept_when_it_is_a_safe_token():
    response = Client(headers={"x-request-id": "3f2a9c0d1e-b7_44"}).get("/en/privacy/")
    assert response["X-Request-ID"] == "3f2a9c0d1e-b7_44"


@pytest.mark.parametrize(
    "incoming",
    [
        "203.0.113.77",  # an address passed off as an id
        "2001:db8::1",
        "ayshe@example.org",
        "short",
        "x" * 65,
        "abc def ghi",
        "line\r\nforged: yes",
        "<script>alert(1)</script>",
        "",
    ],
)
def test_an_unsafe_incoming_request_id_is_replaced(incoming):
    replaced = incoming_or_new(incoming)
    assert replaced != incoming
    assert incoming_or_new(replaced) == replaced


def test_log_records_get_the_id_of_their_request_and_a_dash_outside_one():
    record = logging.LogRecord("awaz", logging.INFO, __file__, 1, "hello", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == NONE  # type: ignore[attr-defined]
    token = request_id.set("abcdefgh1234")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    assert record.request_id == "abcdefgh1234"  # type: ignore[attr-defined]


def test_a_log_line_written_during_a_request_carries_its_id(caplog):
    caplog.set_level(logging.DEBUG, logger="awaz.request")
    response = Client(headers={"x-request-id": "journey-0001"}).get("/en/privacy/")
    (record,) = [r for r in caplog.records if r.name == "awaz.request"]
    assert record.request_id == response["X-Request-ID"] == "journey-0001"
    assert record.getMessage().startswith("GET /en/privacy/ 200 ")
