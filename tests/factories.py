"""Small builders for test data, going through the same services the product uses."""

import datetime
import itertools
from typing import TYPE_CHECKING

from django.db import models

from awaz.organizations.models import Organization
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.services import LinkInput, petition_create, petition_text_save

if TYPE_CHECKING:
    from awaz.signatures.models import Signature

_numbers = itertools.count(1)
PUBLISHED = datetime.datetime(2019, 6, 18, 12, tzinfo=datetime.UTC)


def make_organization(**fields: object) -> Organization:
    number = next(_numbers)
    defaults: dict[str, object] = {
        "name": f"Organization {number}",
        "slug": f"organization-{number}",
        "description": "Campaigns for people detained in East Turkestan.",
        "website": "https://example.org/",
    }
    defaults.update(fields)
    return Organization.objects.create(**defaults)


def make_petition(
    *,
    organization: Organization | None = None,
    status: str = Petition.Status.OPEN,
    first_goal: int = 500,
    languages: tuple[str, ...] = ("en",),
    title: str = "Free the voices",
    signature_count: int = 0,
    links: tuple[LinkInput, ...] = (),
    **fields: object,
) -> Petition:
    """A petition in `status`: created as a draft, waiting or open, then moved by the lifecycle's
    own services (by a moderator) into an ended state, so `ended_at` and the audit log are as the
    product leaves them."""
    number = next(_numbers)
    settings_after = {
        key: fields.pop(key) for key in ("challenge_required", "private_signers") if key in fields
    }
    created_as = _CREATED_AS.get(status, status)
    petition = petition_create(
        organization=organization or make_organization(),
        slug=str(fields.pop("slug", f"petition-{number}")),
        original_language=languages[0],
        first_goal=first_goal,
        status=created_as,
        published_at=PUBLISHED if created_as in Petition.VISIBLE else None,
        **fields,  # type: ignore[arg-type]
    )
    for language in languages:
        make_text(petition, language=language, title=f"{title} [{language}]", links=links)
    if status != created_as:
        petition_move_to(petition, status)
    if signature_count or settings_after:
        Petition.objects.filter(pk=petition.pk).update(
            signature_count=signature_count, **settings_after
        )
        petition.refresh_from_db()
    return petition


_CREATED_AS: dict[str, str] = {
    Petition.Status.CLOSED: Petition.Status.OPEN,
    Petition.Status.VICTORY: Petition.Status.OPEN,
    Petition.Status.REMOVED: Petition.Status.OPEN,
    Petition.Status.REJECTED: Petition.Status.PENDING,
}


def petition_move_to(petition: Petition, status: str) -> Petition:
    """Move an open (or, to reject, a waiting) petition into `status` as the product does."""
    from awaz.petitions import lifecycle
    from tests.organizers import make_user

    staff = make_user(staff_role="moderator")
    if status == Petition.Status.CLOSED:
        return lifecycle.petition_close(petition=petition, by=staff)
    if status == Petition.Status.VICTORY:
        return lifecycle.petition_declare_victory(
            petition=petition, by=staff, statement="They are free."
        )
    if status == Petition.Status.REMOVED:
        return lifecycle.petition_remove(petition=petition, by=staff)
    if status == Petition.Status.REJECTED:
        return lifecycle.petition_reject(petition=petition, by=staff)
    raise ValueError(status)


def make_text(
    petition: Petition, *, language: str, title: str, links: tuple[LinkInput, ...] = ()
) -> PetitionText:
    return petition_text_save(
        petition=petition,
        language=language,
        title=title,
        target="the Government of Kazakhstan",
        summary="A short summary.",
        body="First paragraph.\n\nSecond paragraph.",
        links=links,
    )


def make_signatures(
    petition: Petition,
    count: int,
    *,
    status: str = "confirmed",
    is_public: bool = True,
    country: str = "KZ",
) -> list["Signature"]:
    """Rows straight into the table (as a bulk import would), keeping the count invariant."""
    from django.utils import timezone

    from awaz.signatures.models import Signature

    now = timezone.now()
    number = next(_numbers)
    rows = [
        Signature(
            petition=petition,
            status=status,
            name=f"Signer{number}x{index} Family",
            country=country,
            comment=f"Reason {index}",
            is_public=is_public,
            language="en",
            email_digest=f"{number:032x}{index:032x}",
            consent="test",
            created_at=now,
            confirmed_at=now if status == "confirmed" else None,
            hold_reason="burst" if status == "suspect" else "",
        )
        for index in range(count)
    ]
    Signature.objects.bulk_create(rows, batch_size=1000)
    if status == "confirmed":
        Petition.objects.filter(pk=petition.pk).update(
            signature_count=models.F("signature_count") + count
        )
        petition.refresh_from_db()
    return rows
