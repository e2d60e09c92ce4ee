"""Sending mail from a worker: one SMTP connection reused across messages.

Opening a connection per message caps a worker at a few hundred messages a minute; reusing one
lets it send thousands. A dropped connection is reopened once; every other failure reaches the
caller, which decides whether to retry.
"""

import smtplib
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

_connection: BaseEmailBackend | None = None


def message_id() -> str:
    """A Message-ID on the site's own domain, never the server's host name."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return make_msgid(domain=domain)


def send(message: EmailMessage) -> None:
    global _connection
    for attempt in range(2):
        if _connection is None:
            _connection = mail.mailers.default
            _connection.open()
        try:
            _connection.send_messages([message])
            return
        except smtplib.SMTPServerDisconnected:
            close()
            if attempt:
                raise


def close() -> None:
    """Close the reused connection, e.g. when the queue is empty."""
    global _connection
    if _connection is not None:
        try:
            _connection.close()
        finally:
            _connection = None
