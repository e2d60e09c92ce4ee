"""Writing a petition: the guided start of a draft, and each version a person writes or edits.

A version written in one Uyghur script brings the other two with it (see `conversion.py`).
"""

import datetime
import secrets
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.organizations.models import Organization
from awaz.petitions.conversion import latin_for_address, petition_texts_convert
from awaz.petitions.mailproviders import risky_countries
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.names import clean_proper_nouns, reconvert_unreviewed
from awaz.petitions.services import (
    LinkInput,
    check_closing,
    check_editable,
    petition_create,
    petition_image_set,
    petition_text_save,
)
from awaz.petitions.updates import updates_cyrillic_regenerate


def _slug_taken() -> ValidationError:
    return ValidationError(
        {"slug": _("Another petition already uses this address: choose another one.")},
        code="slug_taken",
    )


def _free_slug(title: str, language: str) -> str:
    """A readable, unused address made from the title (in Latin letters for Uyghur)."""
    base = slugify(latin_for_address(title, language))[:90].strip("-")
    if not base:
        base = f"petition-{secrets.token_hex(3)}"
    slug, number = base, 2
    while Petition.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def petition_start(
    *,
    organization: Organization,
    by: User,
    original_language: str,
    title: str,
    target: str,
    body: str,
    summary: str = "",
    links: Sequence[LinkInput] = (),
    image_alt: str = "",
    slug: str = "",
    first_goal: int = 100,
    closes_at: datetime.datetime | None = None,
    offered_languages: Sequence[str] = (),
    proper_nouns: str = "",
    cyrillic_spelling: str = Petition.CyrillicSpelling.KAZAKHSTAN,
    image: File[bytes] | None = None,
) -> Petition:
    """Write a new draft petition: its settings, its first version, and its Uyghur scripts."""
    check_closing(closes_at)
    proper_nouns = clean_proper_nouns(proper_nouns)
    if slug and Petition.objects.filter(slug=slug).exists():
        raise _slug_taken()
    try:
        with transaction.atomic():
            petition = petition_create(
                organization=organization,
                slug=slug or _free_slug(title, original_language),
                original_language=original_language,
                first_goal=first_goal,
                closes_at=closes_at,
                offered_languages=offered_languages,
                proper_nouns=proper_nouns,
                cyrillic_spelling=cyrillic_spelling,
                created_by=by,
            )
    except IntegrityError:  # the same address taken a moment ago
        raise _slug_taken() from None
    text = petition_text_save(
        petition=petition,
        language=original_language,
        title=title,
        target=target,
        summary=summary,
        body=body,
        links=links,
        image_alt=image_alt,
        updated_by=by,
    )
    if image is not None:
        petition_image_set(petition=petition, image=image)
    petition_texts_convert(source=text, by=by)
    return petition


@transaction.atomic
def petition_text_write(
    *,
    petition: Petition,
    language: str,
    by: User,
    title: str,
    target: str,
    body: str,
    summary: str = "",
    links: Sequence[LinkInput] = (),
    image_alt: str = "",
) -> PetitionText:
    """A person writes or edits the version in `language`.

    Editing a generated Uyghur version marks it reviewed; writing a Uyghur version regenerates
    the other scripts that nobody has reviewed.
    """
    check_editable(petition)
    existing = PetitionText.objects.filter(petition=petition, language=language).first()
    converted = existing is not None and existing.origin != PetitionText.Origin.WRITTEN
    text = petition_text_save(
        petition=petition,
        language=language,
        title=title,
        target=target,
        summary=summary,
        body=body,
        links=links,
        image_alt=image_alt,
        origin=PetitionText.Origin.REVIEWED if converted else PetitionText.Origin.WRITTEN,
        converted_from=existing.converted_from if existing is not None and converted else "",
        updated_by=by,
    )
    if not converted:
        petition_texts_convert(source=text, by=by)
    return text


@transaction.atomic
def petition_settings_update(
    *,
    petition: Petition,
    first_goal: int,
    closes_at: datetime.datetime | None,
    offered_languages: Sequence[str],
    proper_nouns: str,
    risky_email_countries: str | None = None,
    cyrillic_spelling: str | None = None,
) -> Petition:
    """Change the goal, closing date, languages on offer, the names the converter keeps, the
    Cyrillic spelling and the countries whose mail providers signers are warned about.

    New names and a new spelling take effect at once in the Uyghur versions that nobody has
    reviewed yet (of the petition, and for the spelling also of its updates); a version a
    person reviewed or wrote is never regenerated.
    """
    check_editable(petition)
    proper_nouns = clean_proper_nouns(proper_nouns)
    names_changed = proper_nouns != petition.proper_nouns
    spelling_changed = (
        cyrillic_spelling is not None and cyrillic_spelling != petition.cyrillic_spelling
    )
    if closes_at != petition.closes_at:
        check_closing(closes_at)
    petition.first_goal = first_goal
    petition.closes_at = closes_at
    petition.offered_languages = [
        code for code in offered_languages if code != petition.original_language
    ]
    petition.proper_nouns = proper_nouns
    if risky_email_countries is not None:
        petition.risky_email_countries = ", ".join(risky_countries(risky_email_countries))
    if cyrillic_spelling is not None:
        petition.cyrillic_spelling = cyrillic_spelling
    petition.full_clean()
    petition.save(
        update_fields=[
            "first_goal",
            "closes_at",
            "offered_languages",
            "proper_nouns",
            "cyrillic_spelling",
            "risky_email_countries",
        ]
    )
    if spelling_changed:
        updates_cyrillic_regenerate(petition)
    if names_changed or spelling_changed:
        reconvert_unreviewed(petition)
    return petition
