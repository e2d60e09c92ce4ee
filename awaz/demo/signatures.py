"""Demo signatures: real confirmed rows with made-up signers, so counts and lists show data."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from awaz.petitions.models import Petition
from awaz.signatures.identity import email_digest
from awaz.signatures.models import Signature, SignatureStatus

FIRST_NAMES = (
    "Aygul", "Mehmet", "Dilnur", "Arman", "Sarah", "Nurlan", "Gulnar", "Erkin", "Aliya",
    "Thomas", "Zumret", "Kairat", "Meryem", "Ilyas", "Anna", "Rahile", "Daniyar", "Emma",
)  # fmt: skip
COUNTRIES = ("KZ", "TR", "DE", "US", "NL", "SE", "KG", "GB", "CA", "AU", "JP", "FR")
COMMENTS = (
    "My uncle has been missing since 2017.",
    "Nobody should be punished for telling the truth.",
    "For my family.",
    "Free them all.",
    "",
)


@transaction.atomic
def demo_signatures_create(*, petition: Petition, count: int) -> None:
    """Add `count` confirmed signatures and publish them in the count at once."""
    if count <= 0:
        return
    # Made-up demo data, the same on every machine: it must be predictable.
    rng = random.Random(petition.slug)  # noqa: S311 # nosec B311 # demo data, not a secret
    start = petition.published_at or timezone.now()
    rows = []
    for number in range(count):
        moment = start + datetime.timedelta(minutes=rng.randrange(60 * 24 * 90))
        public = rng.random() < 0.3
        rows.append(
            Signature(
                petition=petition,
                status=SignatureStatus.CONFIRMED,
                name=f"{rng.choice(FIRST_NAMES)} {chr(65 + rng.randrange(26))}.",
                country=rng.choice(COUNTRIES),
                comment=rng.choice(COMMENTS) if public else "",
                is_public=public,
                language=petition.original_language,
                email_digest=email_digest(f"demo-{petition.slug}-{number}@example.invalid"),
                email_domain="example.invalid",
                consent="demo",
                created_at=moment,
                confirmed_at=moment + datetime.timedelta(minutes=3),
            )
        )
    Signature.objects.bulk_create(rows, batch_size=2000)
    Petition.objects.filter(pk=petition.pk).update(signature_count=count)
