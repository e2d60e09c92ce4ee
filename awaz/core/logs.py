"""Logging that never carries a signer's secrets: tokens in paths are cut out of every record."""

import logging
import re

# Any path segment after confirm/remove/… that looks like a signed token.
_TOKEN_IN_PATH = re.compile(
    r"(/(?:confirm|remove|unsubscribe|access|invitation|verify|reset)/)[^/\s\"']{8,}"
)


def redact(text: str) -> str:
    return _TOKEN_IN_PATH.sub(r"\1[token]", text)


class RedactTokens(logging.Filter):
    """Rewrites each record's message with tokens replaced by "[token]"."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
