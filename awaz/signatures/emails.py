"""The signer's e-mails, in the language and script of the page where they signed."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from awaz.core import mailer
from awaz.core.bidi import rtl_marked
from awaz.core.markdown import render_markdown
from awaz.petitions.models import PetitionUpdate
from awaz.petitions.selectors import choose_text
from awaz.signatures.models import Signature
from awaz.signatures.tasks import EmailKind
from awaz.signatures.tokens import Purpose, make_token


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
        text = choose_text(
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


def update_message(
    update: PetitionUpdate, signature: Signature, address: str
) -> EmailMultiAlternatives:
    """An update, in the language the signer signed in, with one-click unsubscribe (RFC 8058)."""
    from awaz.petitions.updates import update_text_for
    from awaz.signatures.mailings import update_message_id

    petition = update.petition
    with translation.override(signature.language):
        text = update_text_for(update, signature.language)
        petition_text = choose_text(
            petition.texts.all(),
            language=signature.language,
            original_language=petition.original_language,
        )
        unsubscribe_url = _absolute(
            reverse(
                "public:signature-unsubscribe",
                args=[make_token(signature, Purpose.UNSUBSCRIBE)],
            )
        )
        context: dict[str, object] = {
            "language": text.language if text else signature.language,
            "update_title": text.title if text else "",
            "update_body": text.body if text else "",
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
