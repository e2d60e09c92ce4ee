"""Signing, confirming, holding, releasing and removing a signature.

Whatever happens behind `signature_sign` (a new signer, a duplicate, a signer over the rate
limits, held for a moderator or on the moderators' block lists), the caller does the same work
and shows the same page: nobody can learn from the answer who has signed. Every e-mail goes
through the task queue, enqueued in the same transaction as the row it is about.

No signature of a person who confirms from their own mailbox is silently discarded for sharing a
network: what the limits and the quiet checks catch is held as `suspect` (not counted, shown to
the moderators with its burst, released into the count or invalidated in bulk). Only the
moderators' block lists refuse (`fraudulent`). What bounds a flood from one network is the mail
cap (no more confirmations mailed to its signatures this hour) and the cap on stored rows.
"""

import datetime
import enum
import functools
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from awaz.petitions.models import Petition
from awaz.privacy import crypto
from awaz.signatures import identity
from awaz.signatures.counting import count_add
from awaz.signatures.emails import EmailKind
from awaz.signatures.models import HoldReason, Signature, SignatureStatus
from awaz.signatures.policy import Policy, current_policy, domain_matches
from awaz.signatures.sending import signature_email_queue

HOUR = datetime.timedelta(hours=1)


class PetitionNotSignableError(Exception):
    """The petition does not take signatures (closed, or not public)."""


class Outcome(enum.StrEnum):
    """What signing did; for tests and metrics only, never shown to the person."""

    NEW = "new"
    HELD = "held"  # stored as suspect: mailed, counted only once a moderator releases it
    FRAUDULENT = "fraudulent"  # on a moderators' block list
    REMINDED = "reminded"  # a second attempt: the confirmation or "you already signed" again
    CAPPED = "capped"  # a second attempt past the e-mail cap: nothing is sent
    UNMAILED = "unmailed"  # stored, but its network or domain is over the hour's mail cap
    DISCARDED = "discarded"  # its network is over the hour's cap on stored rows: nothing kept


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
    # What the form's quiet checks found (honeypot, sent too fast, stamp, wrong puzzle answer).
    hold: HoldReason | None = None
    challenge_solved: bool = False  # a valid puzzle answer came with it: the limits are lifted
    challenge_missing: bool = False  # the puzzle was due and not answered (no JavaScript)
    source: str = ""  # a partner's tag for a signature recorded through the API; "" the form


@dataclass(frozen=True, slots=True)
class NetworkLoad:
    """What one network did recently, from one query: the limits' windows and the hour's caps."""

    burst: int = 0
    sustained: int = 0
    noscript: int = 0
    stored_this_hour: int = 0
    mailed_this_hour: int = 0


def _lock_network(network_digest: str) -> None:
    """Serialize signatures from one network until the transaction ends, so the limits are exact.

    PostgreSQL: a transaction-level advisory lock on the digest. SQLite: every write transaction
    is IMMEDIATE (config/settings.py), so signatures are serialized already.
    """
    if connection.vendor == "postgresql" and network_digest:
        with connection.cursor() as cursor:
            key = hashlib.blake2b(network_digest.encode(), digest_size=8, person=b"awaz-net")
            lock = int.from_bytes(key.digest(), "big", signed=True)
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock])


def _network_load_sql() -> str:
    """The one query of `network_load`, as SQL: the ORM spent ~1 ms per signature (twice per
    sign POST) building its five filtered aggregates, more than the database spent answering."""
    meta = Signature._meta
    quote = connection.ops.quote_name
    columns = {field.name: str(field.column) for field in meta.concrete_fields}
    petition, created, sent, network = (
        quote(columns[name]) for name in ("petition", "created_at", "emails_sent", "network_digest")
    )
    here = f"{petition} = %s AND {created} > %s"
    return (
        f"SELECT COUNT(CASE WHEN {here} THEN 1 END), COUNT(CASE WHEN {here} THEN 1 END), "  # noqa: S608 # nosec B608 - quoted column names only
        f"COUNT(CASE WHEN {here} THEN 1 END), COUNT(CASE WHEN {created} > %s THEN 1 END), "
        f"COUNT(CASE WHEN {created} > %s AND {sent} > 0 THEN 1 END) "
        f"FROM {quote(meta.db_table)} WHERE {network} = %s AND {created} > %s"
    )


def network_load(
    *, petition: Petition, network_digest: str, now: datetime.datetime, policy: Policy
) -> NetworkLoad:
    """How many signatures (and mailed ones) one network gave, per window, in one query."""
    if not network_digest:
        return NetworkLoad()
    windows = (policy.burst_seconds, policy.sustained_seconds, settings.AWAZ_NOSCRIPT_BURST_SECONDS)
    hour_ago = now - HOUR
    since = [now - datetime.timedelta(seconds=seconds) for seconds in windows]
    oldest = min([hour_ago, *since])
    moment = connection.ops.adapt_datetimefield_value
    params: list[Any] = []
    for start in since:
        params += [petition.pk, moment(start)]
    params += [moment(hour_ago), moment(hour_ago), network_digest, moment(oldest)]
    with connection.cursor() as cursor:
        cursor.execute(_network_load_sql(), params)
        burst, sustained, noscript, stored, mailed = cursor.fetchone()
    return NetworkLoad(
        burst=burst,
        sustained=sustained,
        noscript=noscript,
        stored_this_hour=stored,
        mailed_this_hour=mailed,
    )


def signing_network_busy(*, petition: Petition, network_digest: str, allowed: bool) -> bool:
    """Whether a signature from this network now would be over its limits (the puzzle is asked).

    A hint for the page only, read without the lock: `signature_sign` decides exactly.
    """
    policy = current_policy()
    if allowed or not network_digest or policy.allows_network(network_digest):
        return False
    load = network_load(
        petition=petition, network_digest=network_digest, now=timezone.now(), policy=policy
    )
    return load.burst >= policy.burst_limit or load.sustained >= policy.sustained_limit


def _hold_reason(origin: Origin, load: NetworkLoad, policy: Policy) -> HoldReason | None:
    """Why this signature is held for a moderator, or None when it counts once confirmed."""
    if origin.hold is not None:
        return origin.hold
    if origin.allowed_network or not origin.network_digest:
        return None
    if policy.allows_network(origin.network_digest):
        return None
    if origin.challenge_missing and load.noscript >= settings.AWAZ_NOSCRIPT_BURST_LIMIT:
        return HoldReason.NOSCRIPT
    if origin.challenge_solved:  # the puzzle asked of a busy network, solved: it counts
        return None
    if load.burst >= policy.burst_limit:
        return HoldReason.BURST
    if load.sustained >= policy.sustained_limit:
        return HoldReason.SUSTAINED
    return None


def _domain_over_mail_cap(domain: str, now: datetime.datetime) -> bool:
    """Whether this hour's unconfirmed confirmations to one e-mail domain reached the cap.

    Large providers (AWAZ_MAIL_DOMAIN_CAP_EXEMPT) are exempt: their real signers would be the
    first refused. Counting stops at the cap, so the cost is bounded whatever the domain's size.
    """
    cap = settings.AWAZ_MAIL_PER_DOMAIN_PER_HOUR
    if not domain or domain_matches(domain, settings.AWAZ_MAIL_DOMAIN_CAP_EXEMPT):
        return False
    moment = connection.ops.adapt_datetimefield_value(now - HOUR)
    with connection.cursor() as cursor:
        cursor.execute(_domain_mail_sql(), [domain, moment, cap])
        return len(cursor.fetchall()) >= cap


@functools.cache
def _domain_mail_sql() -> str:
    """The query of `_domain_over_mail_cap`, built once (the ORM's cost 0.4 ms a signature)."""
    meta = Signature._meta
    quote = connection.ops.quote_name
    columns = {field.name: quote(str(field.column)) for field in meta.concrete_fields}
    return (
        f"SELECT {columns['id']} FROM {quote(meta.db_table)} "  # noqa: S608 # nosec B608 - quoted column names only
        f"WHERE {columns['email_domain']} = %s AND {columns['created_at']} > %s "
        f"AND {columns['emails_sent']} > 0 AND {columns['confirmed_at']} IS NULL LIMIT %s"
    )


def _may_mail(origin: Origin, load: NetworkLoad, domain: str, now: datetime.datetime) -> bool:
    """The hour's mail caps: a network or domain that reached one gets no more mail, silently."""
    if load.mailed_this_hour >= settings.AWAZ_MAIL_PER_NETWORK_PER_HOUR:
        return False
    return not _domain_over_mail_cap(domain, now)


def signature_sign(*, petition: Petition, signer: Signer, language: str, origin: Origin) -> Outcome:
    """Record a signature (or a second attempt) and queue the e-mail it calls for."""
    if not petition.is_signable:
        raise PetitionNotSignableError(petition.slug)
    return _sign(petition=petition, signer=signer, language=language, origin=origin)


# In the caller's transaction if there is one, without a savepoint of its own (a round trip on
# PostgreSQL for each sign POST): its one expected conflict has its own, below; anything else
# that fails in it is an error its caller does not go on from.
@transaction.atomic(savepoint=False)
def _sign(*, petition: Petition, signer: Signer, language: str, origin: Origin) -> Outcome:
    now = timezone.now()
    policy = current_policy()
    digest = identity.email_digest(signer.email)
    domain = identity.email_domain(signer.email)
    recipient = crypto.encrypt(signer.email.strip())
    _lock_network(origin.network_digest)
    load = network_load(
        petition=petition, network_digest=origin.network_digest, now=now, policy=policy
    )
    blocked = policy.blocks(email_domain=domain, network_digest=origin.network_digest)
    hold = None if blocked else _hold_reason(origin, load, policy)
    mail = _may_mail(origin, load, domain, now)
    if blocked:
        status, outcome = SignatureStatus.FRAUDULENT, Outcome.FRAUDULENT
    elif hold is not None:
        status, outcome = SignatureStatus.SUSPECT, Outcome.HELD
    else:
        status, outcome = SignatureStatus.PENDING, Outcome.NEW
    if load.stored_this_hour >= settings.AWAZ_SIGN_STORED_PER_NETWORK_PER_HOUR and not (
        Signature.objects.filter(petition=petition, email_digest=digest).exists()
    ):
        return Outcome.DISCARDED  # a flood: the queue and the database stay bounded
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                petition=petition,
                status=status,
                hold_reason=hold or "",
                name=signer.name,
                country=signer.country,
                comment=signer.comment,
                is_public=signer.is_public,
                wants_updates=signer.wants_updates,
                contact_consent=signer.contact_consent,
                language=language,
                email_digest=digest,
                email_domain=domain,
                email_encrypted=recipient,
                network_digest=origin.network_digest,
                emails_sent=1 if mail else 0,
                consent=settings.AWAZ_CONSENT_VERSION,
                source=origin.source,
                created_at=now,
            )
    except IntegrityError:
        if not mail:
            return Outcome.CAPPED
        return _sign_again(petition=petition, digest=digest, recipient=recipient)
    if not mail:
        return Outcome.UNMAILED
    signature_email_queue(signature_id=signature.pk, kind=EmailKind.CONFIRM, recipient=recipient)
    return outcome


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
    CONFIRMED = "confirmed"  # what the person sees for a held or fraudulent one too
    ALREADY = "already"
    GONE = "gone"  # removed meanwhile


@transaction.atomic
def signature_confirm(*, signature_id: int) -> Confirmation:
    """Confirm a signature once. A held one is counted when a moderator releases it; a
    fraudulent one looks confirmed but is never counted."""
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
    signature.hold_reason = ""
    signature.save(update_fields=["status", "hold_reason"])
    return True


@transaction.atomic
def signature_release(*, signature_id: int) -> bool:
    """A moderator lets a held signature count: counted now if its signer confirmed already,
    else once they confirm. True if it changed anything."""
    signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
    if signature is None or signature.status != SignatureStatus.SUSPECT:
        return False
    if signature.confirmed_at is not None:
        signature.status = SignatureStatus.CONFIRMED
        count_add(petition_id=signature.petition_id, delta=1)
    else:
        signature.status = SignatureStatus.PENDING
    signature.hold_reason = ""
    signature.save(update_fields=["status", "hold_reason"])
    return True
