"""The one road every e-mail takes: an outbox row, a queued task, one SMTP connection per worker.

Queueing (`outgoing_email_create`, in the transaction of the data the message is about) records
an `OutgoingEmail` with a Message-ID fixed once and for all; the task then carries only that
row's id. Delivering (`outgoing_email_deliver`, in the worker):
1. the attempt is on record before anything is sent (the worker's claim of the task);
2. the message is built (or decrypted, if it was rendered when queued) with that Message-ID;
3. it is sent over the worker's reused SMTP connection;
4. success is recorded at once, and the recipient erased. If the database is gone at that moment
   the worker keeps the success in memory and records it when the database is back, before it
   runs anything again.

What that guarantees (docs/operating.md says it to operators): every message is retried with
backoff until it is delivered, refused for good by the recipient's server, or expired (its link
would no longer work); it is sent at least once, and more than once only when the worker dies
(or the mail server answers after our time-out) between the server's acceptance and step 4.
SMTP has no way to ask a server whether it already has a message, so exactly-once is not on
offer: a duplicate carries the same Message-ID, by which mail systems drop it.

Opening a connection per message caps a worker at a few hundred messages a minute; reusing one
lets it send thousands. A dropped connection is reopened once.
"""

import contextlib
import datetime
import json
import logging
import smtplib
from collections.abc import Callable
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import F
from django.utils import timezone

from awaz.core.models import OutgoingEmail
from awaz.jobs.retry import RetryLaterError
from awaz.privacy import crypto

logger = logging.getLogger("awaz.mail")

_connection: BaseEmailBackend | None = None
# Messages the server accepted whose success could not be written (the database was gone).
_unrecorded: dict[int, datetime.datetime] = {}

Build = Callable[[str], EmailMessage]


def message_id() -> str:
    """A Message-ID on the site's own domain, never the server's host name."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return make_msgid(domain=domain)


def outgoing_email_create(
    *,
    recipient_encrypted: str,
    valid_for: datetime.timedelta,
    subject: str = "",
    body: str = "",
) -> OutgoingEmail:
    """Record a message to send (its task is queued by the caller, with this row's id).

    `subject` and `body` are for a message rendered now (kept encrypted until it is sent);
    without them, the task builds the message from the ids it carries.
    """
    now = timezone.now()
    content = crypto.encrypt(json.dumps({"subject": subject, "body": body})) if body else ""
    return OutgoingEmail.objects.create(
        message_id=message_id(),
        recipient_encrypted=recipient_encrypted,
        content_encrypted=content,
        created_at=now,
        expires_at=now + valid_for,
    )


def _finish(email_id: int, state: OutgoingEmail.State, at: datetime.datetime) -> None:
    OutgoingEmail.objects.filter(pk=email_id, state=OutgoingEmail.State.PENDING).update(
        state=state,
        finished_at=at,
        recipient_encrypted="",
        content_encrypted="",
        attempts=F("attempts") + 1,
        last_attempt_at=at,
    )


def _failed_attempt(email_id: int, at: datetime.datetime) -> None:
    OutgoingEmail.objects.filter(pk=email_id).update(attempts=F("attempts") + 1, last_attempt_at=at)


def outgoing_email_cancel(*, email_id: int) -> None:
    """What the message was about is gone: never send it, forget the address."""
    _finish(email_id, OutgoingEmail.State.CANCELLED, timezone.now())


def _stored_message(outgoing: OutgoingEmail, address: str) -> EmailMessage:
    content = json.loads(crypto.decrypt(outgoing.content_encrypted))
    return EmailMessage(subject=content["subject"], body=content["body"], to=[address])


def _permanently_refused(error: smtplib.SMTPRecipientsRefused) -> bool:
    """Every recipient refused with a 5xx code ("no such mailbox"); a 4xx may pass."""
    return all(code >= 500 for code, _ in error.recipients.values())


def outgoing_email_deliver(*, email_id: int, build: Build | None = None) -> str:
    """Send a queued message once (see the module's docstring); return what became of it.

    Raises RetryLaterError when the mail server failed; the worker runs the task again later.
    """
    outgoing = OutgoingEmail.objects.filter(pk=email_id).first()
    if outgoing is None:
        return "gone"
    if outgoing.state != OutgoingEmail.State.PENDING:
        return str(outgoing.state)  # a retry of a message that did go (or was given up)
    now = timezone.now()
    if now >= outgoing.expires_at:
        _finish(email_id, OutgoingEmail.State.EXPIRED, now)
        logger.error(
            "mail %s expired undelivered after %d attempts", outgoing.pk, outgoing.attempts
        )
        return "expired"
    address = crypto.decrypt(outgoing.recipient_encrypted)
    message = build(address) if build is not None else _stored_message(outgoing, address)
    message.extra_headers["Message-ID"] = outgoing.message_id
    # The attempt is on record already: the worker's claim of this task (RUNNING, with its id)
    # was committed before this runs. The counter here is for the health page.
    try:
        send(message)
    except smtplib.SMTPRecipientsRefused as error:
        if not _permanently_refused(error):
            _failed_attempt(email_id, now)
            raise RetryLaterError("recipient refused for now", until=outgoing.expires_at) from error
        _finish(email_id, OutgoingEmail.State.REFUSED, timezone.now())
        return "refused"  # a permanent "no such mailbox": retrying will not help
    except (smtplib.SMTPException, OSError) as error:
        _failed_attempt(email_id, now)
        raise RetryLaterError("mail not sent", until=outgoing.expires_at) from error
    sent_at = timezone.now()
    _unrecorded[email_id] = sent_at  # until the database has it
    _finish(email_id, OutgoingEmail.State.SENT, sent_at)
    del _unrecorded[email_id]
    return "sent"


def record_unrecorded() -> int:
    """Write the successes the database missed (call once it is back, before any retry)."""
    for email_id, sent_at in list(_unrecorded.items()):
        _finish(email_id, OutgoingEmail.State.SENT, sent_at)
        del _unrecorded[email_id]
        logger.info("mail %s: its delivery is recorded now that the database is back", email_id)
    return len(_unrecorded)


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
        except BaseException:
            close()  # after a time-out the server's late answers would be read as the next one's
            raise


def close() -> None:
    """Close the reused connection, e.g. when the queue is empty."""
    global _connection
    if _connection is not None:
        try:
            with contextlib.suppress(smtplib.SMTPException, OSError):  # dropped already
                _connection.close()
        finally:
            _connection = None
