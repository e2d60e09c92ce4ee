"""Reads about signatures for public pages: small, indexed, never a count of rows."""

from dataclasses import dataclass

from awaz.petitions.models import Petition
from awaz.signatures.models import Signature, SignatureStatus


@dataclass(frozen=True, slots=True)
class RecentSignature:
    first_name: str  # "" for a signer who keeps their name private
    country: str
    comment: str


def recent_signatures(*, petition: Petition, limit: int = 10) -> list[RecentSignature]:
    """The latest confirmed signatures as the public may see them."""
    rows = Signature.objects.filter(petition=petition, status=SignatureStatus.CONFIRMED)
    if petition.private_signers == Petition.PrivateSigners.HIDDEN:
        rows = rows.filter(is_public=True)
    recent = rows.order_by("-confirmed_at").only("name", "country", "comment", "is_public")
    return [
        RecentSignature(
            first_name=signature.name.split()[0] if signature.is_public else "",
            country=signature.country,
            comment=signature.comment if signature.is_public else "",
        )
        for signature in recent[:limit]
    ]
