import logging

import pytest

from awaz.privacy.logs import RedactPersonalData, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "POST /en/signatures/confirm/WzEsIm:1x:abc/ 303",
            "POST /en/signatures/confirm/[token] 303",
        ),
        ("GET /ug/signatures/remove/WzEsIm:1x:abc/", "GET /ug/signatures/remove/[token]"),
        (
            "GET /en/my-signatures/open/WzEsIm:1x:abc/ 302",
            "GET /en/my-signatures/open/[token] 302",
        ),
        (
            "Forbidden: /en/accounts/password/MQ/c3b2kf-8a7e6b5c4d3e2f1a/",
            "Forbidden: /en/accounts/password/[token]",
        ),
        ("GET /en/accounts/password/ 200", "GET /en/accounts/password/ 200"),
        ("refused ayshe.t+news@example.org.", "refused [email]."),
        ("from 203.0.113.77, again", "from [ip], again"),
        ("from 2001:db8::17 and ::ffff:203.0.113.77", "from [ip] and [ip]"),
        ("[2001:db8::1]:443", "[[ip]]:443"),
    ],
)
def test_tokens_addresses_and_ips_are_cut_out(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["at 12:30:45", "version 1.2.3.4.5", "ratio 3:2", "Foo::bar", "task 42 failed", "a:b"],
)
def test_times_versions_and_plain_words_stay(text):
    assert redact(text) == text


def record(message: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    return logging.LogRecord("awaz", logging.ERROR, __file__, 1, message, args, exc_info)


def test_the_filter_redacts_the_arguments_of_a_message():
    entry = record("mail to %s from %s refused", "ayshe@example.org", "203.0.113.77")
    RedactPersonalData().filter(entry)
    assert entry.getMessage() == "mail to [email] from [ip] refused"


def test_the_filter_redacts_the_traceback_too():
    try:
        raise ValueError("no mailbox ayshe@example.org at 203.0.113.77")
    except ValueError as error:
        entry = record("sending failed", exc=error)
    RedactPersonalData().filter(entry)
    line = logging.Formatter().format(entry)
    assert "ValueError: no mailbox [email] at [ip]" in line
    assert "ayshe" not in line
    assert "203.0.113.77" not in line
