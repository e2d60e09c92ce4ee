"""The one road every e-mail to an organizer takes: rendered now, sent once the data is committed.

Each message has its own small function in its app's `emails.py` (`verification_email_send`,
`invitation_email_send`, ...) that gathers the context and calls `send_templated`. Routing mail
through the task queue later means changing `_deliver` only.
"""

from collections.abc import Mapping

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from awaz.core.bidi import rtl_marked


def absolute_url(viewname: str, *, kwargs: Mapping[str, object] | None = None) -> str:
    """An address for a link in an e-mail, in the language that is active now."""
    return settings.SITE_URL + reverse(viewname, kwargs=dict(kwargs or {}))


def send_templated(*, to: str, template: str, context: Mapping[str, object]) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt`, then send after the commit.

    Rendering happens now, in the active language; a rolled-back transaction sends nothing.
    """
    full_context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
    body = render_to_string(f"{template}_body.txt", full_context)
    language = get_language()
    _deliver(
        EmailMessage(
            subject=rtl_marked(subject, language), body=rtl_marked(body, language), to=[to]
        )
    )


def _deliver(message: EmailMessage) -> None:
    # robust: a mail server that fails after the commit must not turn the answer into an error.
    transaction.on_commit(message.send, robust=True)
