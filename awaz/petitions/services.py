"""Writes to petitions and their texts. Every function validates fully before it saves.

State changes (submit, close, victory, ...) live in `lifecycle.py`, the Uyghur script versions
in `conversion.py`.
"""

import datetime
from collections.abc import Sequence
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.organizations.models import Organization
from awaz.petitions.models import Petition, PetitionLink, PetitionRevision, PetitionText
from awaz.petitions.versions import petition_touch
from awaz.privacy.images import image_normalize

MAX_LINKS = 10


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
    offered_languages: Sequence[str] = (),
    proper_nouns: str = "",
    cyrillic_spelling: str = Petition.CyrillicSpelling.KAZAKHSTAN,
    created_by: User | None = None,
) -> Petition:
    """Create a petition (a draft, or for seeding, waiting or open); its texts are added with
    `petition_text_save`. It reaches an ended state only by the lifecycle's moves."""
    if status in Petition.ENDED:
        raise ValueError("a petition ends only by the moves of awaz.petitions.lifecycle")
    petition = Petition(
        organization=organization,
        slug=slug,
        original_language=original_language,
        first_goal=first_goal,
        status=status,
        published_at=published_at,
        closes_at=closes_at,
        offered_languages=[code for code in offered_languages if code != original_language],
        proper_nouns=proper_nouns.strip(),
        cyrillic_spelling=cyrillic_spelling,
        created_by=created_by,
    )
    petition.full_clean()
    petition.save()
    return petition


def _revision_needed(text: PetitionText, title: str, target: str, summary: str, body: str) -> bool:
    return text.pk is not None and (text.title, text.target, text.summary, text.body) != (
        title,
        target,
        summary,
        body,
    )


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
    image_alt: str = "",
    updated_by: User | None = None,
) -> PetitionText:
    """Create or replace the petition's version in `language`, links included.

    Once the petition has been published, what the version said before is kept as a revision
    and the petition is marked as edited.
    """
    if len(links) > MAX_LINKS:
        raise ValidationError(
            _("At most %(count)d links.") % {"count": MAX_LINKS}, code="too_many_links"
        )
    text = PetitionText.objects.filter(petition=petition, language=language).first()
    if text is None:
        text = PetitionText(petition=petition, language=language)
    revision = None
    if petition.published_at is not None and _revision_needed(text, title, target, summary, body):
        revision = PetitionRevision(
            petition=petition,
            language=language,
            title=text.title,
            target=text.target,
            summary=text.summary,
            body=text.body,
            edited_by=updated_by,
            edited_at=timezone.now(),
        )
    text.title = title
    text.target = target
    text.summary = summary
    text.body = body
    text.origin = origin
    text.converted_from = converted_from
    text.image_alt = image_alt
    text.updated_by = updated_by
    text.full_clean()
    new_links = [
        PetitionLink(text=text, title=link.title, url=link.url, position=position)
        for position, link in enumerate(links)
    ]
    for link in new_links:
        link.full_clean(exclude=["text"])
    text.save()
    text.links.all().delete()
    PetitionLink.objects.bulk_create(new_links)
    petition_touch(petition_id=petition.pk)  # bulk_create sends no signal (petitions/versions.py)
    if revision is not None:
        revision.save()
        Petition.objects.filter(pk=petition.pk).update(edited_at=revision.edited_at)
        petition.edited_at = revision.edited_at
    return text


def closing_moment(day: datetime.date) -> datetime.datetime:
    """A petition given a closing date takes signatures until the end of that day (UTC)."""
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time(0), tzinfo=datetime.UTC
    )


def check_closing(closes_at: datetime.datetime | None) -> None:
    if closes_at is not None and closes_at <= timezone.now():
        raise ValidationError(
            {"closes_at": _("The closing date has passed: choose a later one, or none.")},
            code="closes_in_the_past",
        )


def check_editable(petition: Petition) -> None:
    if not petition.is_editable:
        raise ValidationError(
            _("A petition that is %(status)s cannot be changed.")
            % {"status": petition.get_status_display()},
            code="not_editable",
        )


@transaction.atomic
def petition_image_set(*, petition: Petition, image: File[bytes] | None) -> Petition:
    """Replace the image with a cleaned copy of `image` (EXIF gone, resized), or remove it."""
    check_editable(petition)
    old = petition.image.name if petition.image else ""
    if image is None:
        petition.image = ""
    else:
        try:
            normalized = image_normalize(image, max_side=settings.AWAZ_IMAGE_MAX_SIDE)
        except ValidationError as error:
            raise ValidationError({"image": error.error_list}) from None
        petition.image.save(normalized.name or "image.jpg", normalized, save=False)
    petition.save(update_fields=["image"])
    if old:
        storage = petition.image.storage
        transaction.on_commit(lambda: storage.delete(old))
    return petition


@transaction.atomic
def petition_text_review(*, text: PetitionText, by: User) -> PetitionText:
    """A person read a generated version and vouches for it; it is never regenerated again."""
    check_editable(text.petition)
    if text.origin == PetitionText.Origin.CONVERTED:
        text.origin = PetitionText.Origin.REVIEWED
        text.updated_by = by
        text.save(update_fields=["origin", "updated_by", "updated_at"])
    return text
