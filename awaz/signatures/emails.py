"""The signer's e-mails, in the language and script of the page where they signed: built and sent.

Queued with an outbox row (awaz.jobs.mailer) in the signature's own transaction (see
sending.py); the task carries ids only, builds the message (and its links) when it runs here,
and the outbox row forgets the address once the message has gone. Nothing here queues a task,
so the tasks may call these functions without a circle.
"""

import datetime
import enum
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from awaz.core.markdown import markdown_plain, render_markdown
from awaz.i18n.bidi import rtl_marked
from awaz.jobs import mailer
from awaz.petitions.models import PetitionUpdate
from awaz.petitions.selectors import text_preferred
from awaz.signatures.access import access_token, signatures_of
from awaz.signatures.identity import email_digest
from awaz.signatures.models import Signature
from awaz.signatures.tokens import Purpose, make_token


class EmailKind(enum.StrEnum):
    CONFIRM = "confirm"
    ALREADY_SIGNED = "already_signed"


def confirmation_lifetime() -> datetime.timedelta:
    """Worth delivering as long as its link would work (AWAZ_TOKEN_MAX_AGE)."""
    return datetime.timedelta(seconds=settings.AWAZ_TOKEN_MAX_AGE)


def signature_email_deliver(
    *, signature_id: int, kind: EmailKind, email_id: int | None, recipient: str = ""
) -> str:
    """Send a signer's queued e-mail once (see awaz.jobs.mailer); what became of it."""
    if email_id is None:  # queued before the outbox: give it one now
        email_id = mailer.outgoing_email_create(
            recipient_encrypted=recipient, valid_for=confirmation_lifetime()
        ).pk
    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None:
        mailer.outgoing_email_cancel(email_id=email_id)
        return "withdrawn"  # removed since: nothing to confirm, nobody to write to
    return mailer.outgoing_email_deliver(
        email_id=email_id, build=lambda address: signature_message(signature, kind, address)
    )


def access_email_deliver(*, language: str, email_id: int | None, recipient: str = "") -> str:
    """Send the access e-mail; its link is made now, so it works for its full time."""
    if email_id is None:  # queued before the outbox
        email_id = mailer.outgoing_email_create(
            recipient_encrypted=recipient,
            valid_for=datetime.timedelta(seconds=settings.AWAZ_MAIL_MAX_AGE),
        ).pk

    def build(address: str) -> EmailMultiAlternatives:
        digest = email_digest(address)
        token = access_token(digest) if signatures_of(digest) else None
        return access_message(address=address, language=language, token=token)

    return mailer.outgoing_email_deliver(email_id=email_id, build=build)


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _message(
    base: str,
    context: dict[str, object],
    address: str,
    *,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """Render `<base>_subject.txt`, `_body.txt` and `_body.html` (in the active language)."""
    context = {"SITE_NAME": settings.SITE_NAME, **context}
    subject = render_to_string(f"{base}_subject.txt", context)
    language = translation.get_language()
    message = EmailMultiAlternatives(
        subject=rtl_marked(" ".join(subject.split()), language),
        body=rtl_marked(render_to_string(f"{base}_body.txt", context), language),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={
            "Message-ID": mailer.message_id(),
            "Auto-Submitted": "auto-generated",
            **(headers or {}),
        },
    )
    message.attach_alternative(render_to_string(f"{base}_body.html", context), "text/html")
    return message


def signature_message(
    signature: Signature, kind: EmailKind, address: str
) -> EmailMultiAlternatives:
    petition = signature.petition
    with translation.override(signature.language):
        text = text_preferred(
            petition.texts.all(),
            language=signature.language,
            original_language=petition.original_language,
        )
        context: dict[str, object] = {
            "title": text.title if text else petition.slug,
            "name": signature.name,
            "petition_url": _absolute(reverse("public:petition-detail", args=[petition.slug])),
            "confirm_url": _absolute(
                reverse("public:signature-confirm", args=[make_token(signature, Purpose.CONFIRM)])
            ),
            "remove_url": _absolute(
                reverse("public:signature-remove", args=[make_token(signature, Purpose.REMOVE)])
            ),
            "language": signature.language,
            "token_days": max(1, settings.AWAZ_TOKEN_MAX_AGE // 86400),
        }
        return _message(f"signatures/emails/{kind}", context, address)


def access_message(*, address: str, language: str, token: str | None) -> EmailMultiAlternatives:
    """The link to a signer's own signatures; without a token, the news that there are none."""
    with translation.override(language):
        context: dict[str, object] = {
            "language": language,
            "access_url": _absolute(reverse("public:my-signatures-open", args=[token]))
            if token
            else "",
            "request_url": _absolute(reverse("public:my-signatures")),
            "minutes": settings.AWAZ_ACCESS_LINK_SECONDS // 60,
        }
        base = "signatures/emails/access" if token else "signatures/emails/access_none"
        return _message(base, context, address)


def update_message_id(update: PetitionUpdate, signature: Signature) -> str:
    """The same on every attempt, so a message sent twice shows once."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<awaz-update-{update.pk}-{signature.pk}@{domain}>"


def update_message(
    update: PetitionUpdate, signature: Signature, address: str
) -> EmailMultiAlternatives:
    """An update, with one-click unsubscribe (RFC 8058): in the language the signer signed in,
    else in the closest version the update has, the whole message (subject too) in that one."""
    from awaz.petitions.responses import response_of
    from awaz.petitions.updates import choose_closest, update_text_for

    petition = update.petition
    text = update_text_for(update, signature.language)
    language = text.language if text else signature.language
    with translation.override(language):
        petition_text = choose_closest(
            petition.texts.all(), language=language, original_language=petition.original_language
        )
        unsubscribe_url = _absolute(
            reverse(
                "public:signature-unsubscribe",
                args=[make_token(signature, Purpose.UNSUBSCRIBE)],
            )
        )
        response = response_of(update)
        context: dict[str, object] = {
            "language": language,
            "kind": update.kind,
            "response": response,
            "update_title": text.title if text else "",
            "update_body": markdown_plain(text.body) if text else "",
            "update_html": render_markdown(text.body) if text else "",
            "title": petition_text.title if petition_text else petition.slug,
            "name": signature.name,
            "petition_url": _absolute(reverse("public:petition-detail", args=[petition.slug])),
            "unsubscribe_url": unsubscribe_url,
            "remove_url": _absolute(
                reverse("public:signature-remove", args=[make_token(signature, Purpose.REMOVE)])
            ),
        }
        return _message(
            "signatures/emails/update",
            context,
            address,
            headers={
                "Message-ID": update_message_id(update, signature),
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
