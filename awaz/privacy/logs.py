"""Logging that never carries a signer's secrets: tokens in paths, e-mail addresses and IP
addresses are cut out of every record, its traceback included.

Awaz's own code logs ids and counts only; this is the net under it, for a library's message or an
exception whose text quotes a value.
"""

import ipaddress
import logging
import re

# Whatever follows confirm/, remove/, open/ (My signatures), password/<uid>/<token>/ (a
# password reset)… when it is long enough to be a signed token: every segment of it.
_TOKEN_IN_PATH = re.compile(
    r"(/(?:confirm|remove|unsubscribe|access|invitation|verify|reset|open|password)/)"
    r"(?=[^\s\"'?#]{8,})[^\s\"'?#]+"
)
_EMAIL = re.compile(r"[^\s<>()\[\]\"',;:@]+@[\w-]+(?:\.[\w-]+)+")
# Candidates only; ipaddress decides, so times like 12:30:45 and version numbers stay.
_IP_CANDIDATE = re.compile(
    r"(?<![\w.:])(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?!\.?\d)|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+)"
)


def _ip_or_keep(match: re.Match[str]) -> str:
    candidate = match.group(0)
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return candidate
    return "[ip]"


def redact(text: str) -> str:
    """`text` with tokens in paths, e-mail addresses and IP addresses replaced."""
    text = _TOKEN_IN_PATH.sub(r"\1[token]", text)
    if "@" in text:
        text = _EMAIL.sub("[email]", text)
    return _IP_CANDIDATE.sub(_ip_or_keep, text)


class RedactPersonalData(logging.Filter):
    """Rewrites each record's message and traceback with personal data replaced."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            # The formatter prints exc_text when it is set: give it the redacted one.
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
