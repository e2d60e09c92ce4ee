"""Reads about signatures for public pages: small, indexed, never a count of rows."""

from dataclasses import dataclass

from awaz.core import crypto
from awaz.petitions.models import Petition
from awaz.signatures.models import Signature, SignatureStatus


@dataclass(frozen=True, slots=True)
class RecentSignature:
    first_name: str  # "" for a signer who keeps their name private
    country: str
    comment: str
    comment_key: str = ""  # an opaque reference to the comment for "report this comment"


def recent_signatures(*, petition: Petition, limit: int = 10) -> list[RecentSignature]:
    """The latest confirmed signatures as the public may see them."""
    rows = Signature.objects.filter(petition=petition, status=SignatureStatus.CONFIRMED)
    if petition.private_signers == Petition.PrivateSigners.HIDDEN:
        rows = rows.filter(is_public=True)
    recent = rows.order_by("-confirmed_at").only(
        "name", "country", "comment", "is_public", "comment_hidden"
    )
    return [_recent(signature) for signature in recent[:limit]]


def _recent(signature: Signature) -> RecentSignature:
    shown = signature.is_public and not signature.comment_hidden and bool(signature.comment)
    return RecentSignature(
        first_name=signature.name.split()[0] if signature.is_public else "",
        country=signature.country,
        comment=signature.comment if shown else "",
        comment_key=comment_key(signature.pk) if shown else "",
    )


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


def signatures_public_names(*, petition: Petition) -> list[str]:
    """The names of confirmed signers who chose to be public, in the order they confirmed."""
    return list(
        Signature.objects.filter(
            petition=petition, status=SignatureStatus.CONFIRMED, is_public=True
        )
        .order_by("confirmed_at", "pk")
        .values_list("name", flat=True)
    )


def signatures_recent_comments(*, petition: Petition, limit: int = 20) -> list[Signature]:
    """The latest comments of confirmed public signers, for the organization to read."""
    return list(
        Signature.objects.filter(
            petition=petition, status=SignatureStatus.CONFIRMED, is_public=True
        )
        .exclude(comment="")
        .order_by("-confirmed_at")
        .only("name", "country", "comment", "confirmed_at")[:limit]
    )
