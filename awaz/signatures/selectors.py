"""Reads about signatures for public pages: small, indexed, never a count of rows."""

import functools
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import QuerySet, Sum

from awaz.petitions.models import Petition
from awaz.privacy import crypto
from awaz.signatures import disclosure
from awaz.signatures.models import PaperBatch, Signature, SignatureStatus


@dataclass(frozen=True, slots=True)
class RecentSignature:
    first_name: str  # "" for a signer who keeps their name private
    country: str  # "" while fewer than k signers of the petition come from it (the k rule)
    comment: str
    comment_key: str = ""  # an opaque reference to the comment for "report this comment"


def signatures_recent(*, petition: Petition, limit: int = 10) -> list[RecentSignature]:
    """The latest confirmed signatures as the public may see them (`disclosure`'s rules).

    One query, whose text is built once: the ORM's version of it (`_shown`) cost the petition
    page about 1.5 ms of CPU per render in expression building alone (bench/recent_signers.py).
    The database hands back the encrypted name and comment of public signers only, and only
    those are decrypted. signatures/tests/test_disclosure.py holds it to the same rules.
    """
    hidden = petition.private_signers == Petition.PrivateSigners.HIDDEN
    k = disclosure.k_smallest_group()
    confirmed = SignatureStatus.CONFIRMED.value
    database = connections[router.db_for_read(Signature)]  # a replica for the public page
    sql = _recent_sql(database.ops.quote_name(Signature._meta.db_table), public_only=hidden)
    with database.cursor() as cursor:
        cursor.execute(sql, [confirmed, k - 1, petition.pk, confirmed, limit])
        rows = cursor.fetchall()
    return [
        _recent_row(pk, str(country), str(name or ""), str(comment or ""), bool(shown))
        for pk, country, name, comment, shown in rows
    ]


@functools.cache
def _recent_sql(table: str, *, public_only: bool) -> str:
    public = "AND s.is_public" if public_only else ""
    # No value is formatted in: the table's name and a fixed condition only.
    return (
        "SELECT s.id, s.country, "  # noqa: S608  # nosec B608
        "CASE WHEN s.is_public THEN s.name ELSE '' END, "
        "CASE WHEN s.is_public AND NOT s.comment_hidden THEN s.comment ELSE '' END, "
        f"EXISTS(SELECT 1 FROM {table} u "
        "WHERE u.petition_id = s.petition_id AND u.status = %s AND u.country = s.country "
        "LIMIT 1 OFFSET %s) "
        f"FROM {table} s "
        f"WHERE s.petition_id = %s AND s.status = %s {public} "
        "ORDER BY s.confirmed_at DESC, s.id DESC "
        "LIMIT %s"
    )


def _recent_row(pk: int, country: str, name: str, comment: str, shown: bool) -> RecentSignature:
    comment = crypto.decrypt(comment) if comment else ""
    return RecentSignature(
        first_name=disclosure.first_name(crypto.decrypt(name)) if name else "",
        country=country if shown else "",
        comment=comment,
        comment_key=comment_key(pk) if comment else "",
    )


def comments_public(*, petition: Petition, limit: int = 20) -> list[RecentSignature]:
    """The latest reasons for signing that public signers gave, as the rules let them be shown."""
    rows = (
        Signature.objects.filter(
            petition=petition, status=SignatureStatus.CONFIRMED, is_public=True
        )
        .exclude(comment="")
        .filter(comment_hidden=False)
    )
    return _shown(rows.order_by("-confirmed_at")[:limit])


def first_names_public(*, petition: Petition) -> list[str]:
    """The first names of the petition's public signers, in the order they confirmed."""
    names = (
        Signature.objects.filter(
            petition=petition, status=SignatureStatus.CONFIRMED, is_public=True
        )
        .order_by("confirmed_at", "pk")
        .values_list("name", flat=True)
        .iterator(chunk_size=5000)
    )
    return [disclosure.first_name(name) for name in names]


def _shown(rows: QuerySet[Signature]) -> list[RecentSignature]:
    values = rows.annotate(
        shown_name=disclosure.public_name(),
        shown_comment=disclosure.public_comment(),
        country_shown=disclosure.country_shown(),
    ).values_list("pk", "country", "shown_name", "shown_comment", "country_shown")
    return [
        RecentSignature(
            first_name=disclosure.first_name(name),
            country=country if shown else "",
            comment=comment,
            comment_key=comment_key(pk) if comment else "",
        )
        for pk, country, name, comment, shown in values
    ]


def comment_key(signature_id: int) -> str:
    """The comment's reference in a public link: encrypted, so it reveals no row number."""
    return crypto.encrypt(str(signature_id))


def comment_from_key(key: str) -> Signature | None:
    """The publicly shown comment a report link refers to, or None for anything else."""
    if not key or len(key) > 500:
        return None
    try:
        signature_id = int(crypto.decrypt(key))
    except (crypto.DecryptionError, ValueError):
        return None
    return (
        Signature.objects.filter(
            pk=signature_id, status=SignatureStatus.CONFIRMED, is_public=True, comment_hidden=False
        )
        .exclude(comment="")
        .select_related("petition")
        .first()
    )


# Reads for the organization's workspace and its delivery document.


def signatures_update_recipients_count(*, petition: Petition) -> int:
    """How many confirmed signers asked for updates and can still be written to."""
    from awaz.signatures.mailings import signers_wanting_updates

    return signers_wanting_updates(petition.pk).count()


def paper_batches_of_petition(*, petition: Petition) -> list[PaperBatch]:
    """Every batch of the petition, newest first, undone ones too, with who recorded them."""
    return list(
        PaperBatch.objects.filter(petition=petition).select_related("created_by", "undone_by")
    )


def paper_count(petition_id: int) -> int:
    """How many paper signatures the petition's count holds."""
    total = PaperBatch.objects.counted().filter(petition_id=petition_id).aggregate(n=Sum("count"))
    return int(total["n"] or 0)
