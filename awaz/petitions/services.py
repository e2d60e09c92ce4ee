"""Writes to petitions and their texts. Every function validates fully before it saves."""

import datetime
from collections.abc import Sequence
from typing import NamedTuple

from django.db import transaction

from awaz.organizations.models import Organization
from awaz.petitions.models import Petition, PetitionLink, PetitionText


class LinkInput(NamedTuple):
    title: str
    url: str


@transaction.atomic
def petition_create(
    *,
    organization: Organization,
    slug: str,
    original_language: str,
    first_goal: int = 100,
    status: str = Petition.Status.DRAFT,
    published_at: datetime.datetime | None = None,
    closes_at: datetime.datetime | None = None,
) -> Petition:
    """Create a petition; its texts are added with `petition_text_save`."""
    petition = Petition(
        organization=organization,
        slug=slug,
        original_language=original_language,
        first_goal=first_goal,
        status=status,
        published_at=published_at,
        closes_at=closes_at,
    )
    petition.full_clean()
    petition.save()
    return petition


@transaction.atomic
def petition_text_save(
    *,
    petition: Petition,
    language: str,
    title: str,
    target: str,
    body: str,
    summary: str = "",
    links: Sequence[LinkInput] = (),
    origin: str = PetitionText.Origin.WRITTEN,
    converted_from: str = "",
) -> PetitionText:
    """Create or replace the petition's version in `language`, links included."""
    text = PetitionText.objects.filter(petition=petition, language=language).first()
    if text is None:
        text = PetitionText(petition=petition, language=language)
    text.title = title
    text.target = target
    text.summary = summary
    text.body = body
    text.origin = origin
    text.converted_from = converted_from
    text.full_clean()
    text.save()
    new_links = [
        PetitionLink(text=text, title=link.title, url=link.url, position=position)
        for position, link in enumerate(links)
    ]
    for link in new_links:
        link.full_clean()
    text.links.all().delete()
    PetitionLink.objects.bulk_create(new_links)
    return text
