"""Right-to-left marks in plain-text mail, checked on the sent message as a client parses it."""

import email
import email.policy
import re

import pytest
from django.core import mail
from django.utils import translation

from awaz.i18n.bidi import RLM, rtl_marked
from awaz.signatures.emails import _message, access_message

ARABIC = re.compile("[\u0600-\u06ff]")


def test_a_uyghur_line_that_starts_with_a_latin_word_or_a_number_gets_a_mark() -> None:
    text = "Awaz: ئىمزالار\n10 000 كىشى ئىمزا قويدى\nبىز Awaz دا\nhttps://example.org/x\n"
    assert rtl_marked(text, "ug").split("\n") == [
        RLM + "Awaz: ئىمزالار",
        RLM + "10 000 كىشى ئىمزا قويدى",
        "بىز Awaz دا",  # starts with a Uyghur letter: already right to left
        "https://example.org/x",  # no Uyghur letter: a link stays untouched
        "",
    ]


@pytest.mark.parametrize("language", ["en", "ug-latn", "ug-cyrl", "ru"])
def test_left_to_right_languages_get_no_mark(language: str) -> None:
    assert rtl_marked("Awaz: ئىمزالار", language) == "Awaz: ئىمزالار"


def _parsed(message: mail.EmailMessage) -> email.message.EmailMessage:
    raw = message.message().as_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def test_a_uyghur_signer_mail_has_an_encoded_subject_and_marked_lines() -> None:
    message = access_message(address="signer@example.org", language="ug", token="abc")
    raw = message.message().as_bytes()
    subject_line = re.search(rb"^Subject: (.*(?:\r?\n[ \t].*)*)", raw, re.MULTILINE)
    assert subject_line is not None
    assert b"=?utf-8?" in subject_line.group(1)  # RFC 2047, no raw 8-bit header
    parsed = _parsed(message)
    assert parsed["Subject"] == message.subject  # decodes whole: no letter split across words
    assert ARABIC.search(parsed["Subject"])
    plain = parsed.get_body(preferencelist=("plain",))
    assert plain is not None
    lines = plain.get_content().split("\n")
    for line in lines:
        if ARABIC.search(line) and re.match(r"[A-Za-z0-9]", line):
            raise AssertionError(f"unmarked left-to-right start: {line!r}")
    assert any(ARABIC.search(line) for line in lines)


def test_an_update_in_uyghur_whose_lines_start_with_numbers_is_marked_in_the_sent_message() -> None:
    context: dict[str, object] = {
        "update_title": "10 000 ئىمزا!",
        "update_body": "2024-يىلى بىز باشلىدۇق.\nUN نىڭ دوكلاتى چىقتى.\nبىز داۋاملاشتۇرىمىز.",
        "title": "Free Ilham Tohti",
        "petition_url": "https://example.org/p/",
        "unsubscribe_url": "https://example.org/u/",
        "remove_url": "https://example.org/r/",
    }
    with translation.override("ug"):
        message = _message("signatures/emails/update", context, "signer@example.org")
    parsed = _parsed(message)
    assert parsed["Subject"] == message.subject
    plain = parsed.get_body(preferencelist=("plain",))
    assert plain is not None
    lines = plain.get_content().splitlines()
    assert RLM + "10 000 ئىمزا!" in lines
    assert RLM + "2024-يىلى بىز باشلىدۇق." in lines
    assert RLM + "UN نىڭ دوكلاتى چىقتى." in lines
    assert "بىز داۋاملاشتۇرىمىز." in lines
    assert "https://example.org/p/" in lines
