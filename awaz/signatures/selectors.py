"""Reads about signatures for public pages: small, indexed, never a count of rows."""

from dataclasses import dataclass

from django.db.models import QuerySet

from awaz.core import crypto
from awaz.petitions.models import Petition
from awaz.signatures import disclosure
from awaz.signatures.models import Signature, SignatureStatus


@dataclass(frozen=True, slots=True)
class RecentSignature:
    first_name: str  # "" for a signer who keeps their name private
    country: str  # "" while fewer than k signers of the petition come from it (the k rule)
    comment: str
    comment_key: str = ""  # an opaque reference to the comment for "report this comment"


def recent_signatures(*, petition: Petition, limit: int = 10) -> list[RecentSignature]:
    """The latest confirmed signatures as the public may see them (`disclosure`'s rules).

    One query; only the public names and comments shown are decrypted.
    """
    rows = Signature.objects.filter(petition=petition, status=SignatureStatus.CONFIRMED)
    if petition.private_signers == Petition.PrivateSigners.HIDDEN:
        rows = rows.filter(is_public=True)
    return _shown(rows.order_by("-confirmed_at")[:limit])


def public_comments(*, petition: Petition, limit: int = 20) -> list[RecentSignature]:
    """The latest reasons for signing that public signers gave, as the rules let them be shown."""
    rows = (
        Signature.objects.filter(
            petition=petition, status=SignatureStatus.CONFIRMED, is_public=True
        )
        .exclude(comment="")
        .filter(comment_hidden=False)
    )
    return _shown(rows.order_by("-confirmed_at")[:limit])


def public_first_names(*, petition: Petition) -> list[str]:
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
