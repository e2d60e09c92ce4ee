"""A signer's own signatures, without an account: found by the digest of their address.

Someone who can read an address's mail may see, export and withdraw what was signed with it.
The link in that mail is short-lived and opens once; what it opens is a session of
AWAZ_ACCESS_SESSION_SECONDS that knows only the digest.
"""

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.db import transaction

from awaz.core.once import claim_once
from awaz.http.ratelimit import Rate, rate_take
from awaz.petitions.models import Petition
from awaz.petitions.selectors import text_preferred
from awaz.signatures.counting import count_add
from awaz.signatures.identity import email_digest
from awaz.signatures.models import Signature, SignatureStatus

SALT = "awaz.signatures.access"


class AccessLinkError(Exception):
    """The link is forged, expired, or was opened before."""


def access_token(digest: str) -> str:
    return signing.dumps([digest, secrets.token_urlsafe(9)], salt=SALT)


def open_access_token(token: str) -> str:
    """The digest a valid, unused link stands for; the link cannot be opened again."""
    if len(token) > 300:
        raise AccessLinkError("too long")
    try:
        digest, _nonce = signing.loads(token, salt=SALT, max_age=settings.AWAZ_ACCESS_LINK_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        raise AccessLinkError("invalid") from None
    if not claim_once("access-link", token, valid_for=datetime.timedelta(days=1)):
        raise AccessLinkError("used")
    return str(digest)


def access_request_allowed(*, address: str, network: str) -> bool:
    """At most a few access e-mails per address and per network a day (no mail-bombing)."""
    day = 24 * 3600
    rates = [
        (Rate("access-address", settings.AWAZ_ACCESS_EMAILS_PER_DAY, day), email_digest(address))
    ]
    if network:
        rates.append(
            (Rate("access-network", settings.AWAZ_ACCESS_EMAILS_PER_NETWORK_PER_DAY, day), network)
        )
    return rate_take(rates=rates)


def signatures_of(digest: str) -> list[Signature]:
    return list(
        Signature.objects.filter(email_digest=digest)
        .select_related("petition")
        .prefetch_related("petition__texts")
        .order_by("-created_at")
    )


def title_of(petition: Petition, language: str) -> str:
    text = text_preferred(
        petition.texts.all(), language=language, original_language=petition.original_language
    )
    return text.title if text else petition.slug


def signer_data(digest: str) -> dict[str, object]:
    """Everything stored about the signer, for them to download (GDPR Art. 15 and 20)."""
    return {
        "about": (
            "Your e-mail address is stored only as a keyed digest, plus encrypted while we "
            "still need to write to you; no IP address is stored."
        ),
        "signatures": [
            {
                "petition": signature.petition.slug,
                "title": title_of(signature.petition, signature.language),
                "name": signature.name,
                "country": signature.country,
                "comment": signature.comment,
                "name_public": signature.is_public,
                "wants_updates": signature.wants_updates,
                "organization_may_contact": signature.contact_consent,
                "language": signature.language,
                "status": signature.status,
                "signed_at": signature.created_at.isoformat(),
                "confirmed_at": signature.confirmed_at.isoformat()
                if signature.confirmed_at
                else None,
                "e-mail_address_kept_encrypted": bool(signature.email_encrypted),
            }
            for signature in signatures_of(digest)
        ],
    }


@transaction.atomic
def signer_withdraw(*, digest: str, signature_id: int | None = None) -> int:
    """Delete one of the signer's signatures, or all; the counts follow. Returns how many."""
    rows = Signature.objects.select_for_update().filter(email_digest=digest)
    if signature_id is not None:
        rows = rows.filter(pk=signature_id)
    removed = 0
    for signature in rows:
        if signature.status == SignatureStatus.CONFIRMED:
            count_add(petition_id=signature.petition_id, delta=-1)
        signature.delete()
        removed += 1
    return removed


def signer_stop_emails(*, digest: str) -> int:
    """No more mail of any kind: updates off and the encrypted address erased everywhere."""
    return Signature.objects.filter(email_digest=digest).update(
        wants_updates=False, contact_consent=False, email_encrypted=""
    )
