"""Signing, confirming and removing a signature.

Whatever happens behind `signature_sign` (a new signer, a duplicate, a signer over the rate
limits or on the moderators' block lists), the caller does the same work and shows the same
page: nobody can learn from the answer who has signed. Every e-mail goes through the task queue,
enqueued in the same transaction as the row it is about.
"""

import datetime
import enum
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from awaz.core import crypto
from awaz.moderation.policy import Policy, current_policy
from awaz.petitions.models import Petition
from awaz.signatures import identity
from awaz.signatures.counting import count_add
from awaz.signatures.emails import signature_email_queue
from awaz.signatures.models import Signature, SignatureStatus
from awaz.signatures.tasks import EmailKind


class PetitionNotSignableError(Exception):
    """The petition does not take signatures (closed, or not public)."""


class Outcome(enum.StrEnum):
    """What signing did; for tests and metrics only, never shown to the person."""

    NEW = "new"
    FRAUDULENT = "fraudulent"
    REMINDED = "reminded"  # a second attempt: the confirmation or "you already signed" again
    CAPPED = "capped"  # a second attempt past the e-mail cap: nothing is sent


@dataclass(frozen=True, slots=True)
class Signer:
    name: str
    email: str
    country: str
    comment: str = ""
    is_public: bool = False
    wants_updates: bool = False
    contact_consent: bool = False


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a request came from, as much as the rate limits need and no more."""

    network_digest: str
    allowed_network: bool = False  # an exit shared by many (Tor, a campus): limits do not apply
    looks_automated: bool = False  # honeypot filled or form sent faster than a person can
    strict_limits: bool = False  # a challenge was due and not answered (no JavaScript)


def _over_rate_limit(
    petition: Petition, origin: Origin, now: datetime.datetime, policy: Policy
) -> bool:
    if origin.allowed_network or not origin.network_digest:
        return False
    if policy.allows_network(origin.network_digest):
        return False
    same_network = Signature.objects.filter(petition=petition, network_digest=origin.network_digest)
    limits = [
        (policy.burst_limit, policy.burst_seconds),
        (policy.sustained_limit, policy.sustained_seconds),
    ]
    if origin.strict_limits:
        limits.append((settings.AWAZ_NOSCRIPT_BURST_LIMIT, settings.AWAZ_NOSCRIPT_BURST_SECONDS))
    # One query for every window (a signature costs fewer round trips: bench/, "sign").
    since = [now - datetime.timedelta(seconds=seconds) for _, seconds in limits]
    counts = same_network.filter(created_at__gt=min(since)).aggregate(
        **{
            f"window_{index}": Count("pk", filter=Q(created_at__gt=start))
            for index, start in enumerate(since)
        }
    )
    return any(counts[f"window_{index}"] >= limit for index, (limit, _) in enumerate(limits))


def _refused(petition: Petition, signer: Signer, origin: Origin, now: datetime.datetime) -> bool:
    """Fraud, blocked by the moderators' lists, or over the limits: stored, never counted."""
    policy = current_policy()
    return (
        origin.looks_automated
        or policy.blocks(
            email_domain=identity.email_domain(signer.email), network_digest=origin.network_digest
        )
        or _over_rate_limit(petition, origin, now, policy)
    )


@transaction.atomic
def signature_sign(*, petition: Petition, signer: Signer, language: str, origin: Origin) -> Outcome:
    """Record a signature (or a second attempt) and queue the e-mail it calls for."""
    if not petition.is_signable:
        raise PetitionNotSignableError(petition.slug)
    now = timezone.now()
    digest = identity.email_digest(signer.email)
    recipient = crypto.encrypt(signer.email.strip())
    fraudulent = _refused(petition, signer, origin, now)
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                petition=petition,
                status=SignatureStatus.FRAUDULENT if fraudulent else SignatureStatus.PENDING,
                name=signer.name,
                country=signer.country,
                comment=signer.comment,
                is_public=signer.is_public,
                wants_updates=signer.wants_updates,
                contact_consent=signer.contact_consent,
                language=language,
                email_digest=digest,
                email_domain=identity.email_domain(signer.email),
                email_encrypted=recipient,
                network_digest=origin.network_digest,
                emails_sent=1,
                consent=settings.AWAZ_CONSENT_VERSION,
                created_at=now,
            )
    except IntegrityError:
        return _sign_again(petition=petition, digest=digest, recipient=recipient)
    signature_email_queue(signature_id=signature.pk, kind=EmailKind.CONFIRM, recipient=recipient)
    return Outcome.FRAUDULENT if fraudulent else Outcome.NEW


def _sign_again(*, petition: Petition, digest: str, recipient: str) -> Outcome:
    signature = Signature.objects.select_for_update().get(petition=petition, email_digest=digest)
    if signature.emails_sent >= settings.AWAZ_MAX_EMAILS_PER_SIGNATURE:
        return Outcome.CAPPED
    Signature.objects.filter(pk=signature.pk).update(emails_sent=F("emails_sent") + 1)
    unconfirmed = signature.confirmed_at is None
    kind = EmailKind.CONFIRM if unconfirmed else EmailKind.ALREADY_SIGNED
    signature_email_queue(signature_id=signature.pk, kind=kind, recipient=recipient)
    return Outcome.REMINDED


class Confirmation(enum.StrEnum):
    CONFIRMED = "confirmed"  # what the person sees for a fraudulent one too
    ALREADY = "already"
    GONE = "gone"  # removed meanwhile


@transaction.atomic
def signature_confirm(*, signature_id: int) -> Confirmation:
    """Confirm a signature once. A fraudulent one looks confirmed but is never counted."""
    signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
    if signature is None:
        return Confirmation.GONE
    if signature.confirmed_at is not None or signature.status == SignatureStatus.INVALIDATED:
        return Confirmation.ALREADY
    signature.confirmed_at = timezone.now()
    fields = ["confirmed_at"]
    if signature.status == SignatureStatus.PENDING:
        signature.status = SignatureStatus.CONFIRMED
        fields.append("status")
        count_add(petition_id=signature.petition_id, delta=1)
    if not (signature.wants_updates or signature.contact_consent):
        signature.email_encrypted = ""  # no more mail is due: drop the address
        fields.append("email_encrypted")
    signature.save(update_fields=fields)
    return Confirmation.CONFIRMED


@transaction.atomic
def signature_remove(*, signature_id: int) -> None:
    """Withdraw a signature: the row and everything personal in it are deleted now."""
    signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
    if signature is None:
        return
    if signature.status == SignatureStatus.CONFIRMED:
        count_add(petition_id=signature.petition_id, delta=-1)
    signature.delete()


@transaction.atomic
def signature_invalidate(*, signature_id: int) -> bool:
    """Take a signature out of the count (moderation); True if it changed anything."""
    signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
    if signature is None or signature.status == SignatureStatus.INVALIDATED:
        return False
    if signature.status == SignatureStatus.CONFIRMED:
        count_add(petition_id=signature.petition_id, delta=-1)
    signature.status = SignatureStatus.INVALIDATED
    signature.save(update_fields=["status"])
    return True
