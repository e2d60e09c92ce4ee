"""The e-mails to organizers and staff: rendered now, queued with the data, sent by a worker.

Each message has its own small function in its app's `emails.py` (`verification_email_send`,
`invitation_email_send`, ...) that gathers the context and calls `send_templated`. The message
is rendered in the language active now, kept encrypted in its `OutgoingEmail` row (its links
carry tokens: encrypted, never in the task's arguments) and erased once it is sent; the task
carries the row's id only. Same road as signers' mail (awaz.jobs.mailer): an SMTP outage delays
it, loses nothing.
"""

import datetime
from collections.abc import Mapping

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from awaz.i18n.bidi import rtl_marked
from awaz.jobs.mailer import outgoing_email_create
from awaz.privacy import crypto


def absolute_url(viewname: str, *, kwargs: Mapping[str, object] | None = None) -> str:
    """An address for a link in an e-mail, in the language that is active now."""
    return settings.SITE_URL + reverse(viewname, kwargs=dict(kwargs or {}))


def send_templated(
    *,
    to: str,
    template: str,
    context: Mapping[str, object],
    valid_for: datetime.timedelta | None = None,
) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt`, and queue the message.

    Rendering happens now, in the active language; queueing joins the caller's transaction, so a
    rolled-back one sends nothing. `valid_for`: how long delivery is worth trying (the link's
    lifetime; AWAZ_MAIL_MAX_AGE by default).
    """
    from awaz.jobs.tasks import send_queued_email

    full_context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
    body = render_to_string(f"{template}_body.txt", full_context)
    language = get_language()
    outgoing = outgoing_email_create(
        recipient_encrypted=crypto.encrypt(to),
        valid_for=valid_for or datetime.timedelta(seconds=settings.AWAZ_MAIL_MAX_AGE),
        subject=rtl_marked(subject, language),
        body=rtl_marked(body, language),
    )
    send_queued_email.enqueue(email_id=outgoing.pk)
