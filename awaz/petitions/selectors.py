"""Reads for the public pages: a fixed, small number of queries whatever the count."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.db.models import Prefetch

from awaz.core import languages
from awaz.organizations.models import Organization
from awaz.petitions.models import Petition, PetitionLink, PetitionQuerySet, PetitionText


@dataclass(frozen=True, slots=True)
class PetitionSummary:
    """A petition in a list: its count and its title in the reader's language where it has one."""

    petition: Petition
    text: PetitionText


@dataclass(frozen=True, slots=True)
class PetitionPage:
    petition: Petition
    text: PetitionText  # the version shown
    in_requested_language: bool  # False when the reader's language has no version yet
    versions: Sequence[PetitionText]  # every language version, in the site's language order
    links: Sequence[PetitionLink]
    previous: Sequence[PetitionSummary]  # the organization's other petitions


@dataclass(frozen=True, slots=True)
class OrganizationPage:
    organization: Organization
    petitions: Sequence[PetitionSummary]


class HasLanguage(Protocol):
    @property
    def language(self) -> str: ...


def _language_order(text: HasLanguage) -> int:
    return languages.CODES.index(text.language) if text.language in languages.CODES else 99


def choose_text[Version: HasLanguage](
    texts: Iterable[Version], *, language: str, original_language: str
) -> Version | None:
    """The version in `language`, else the one the petition was written in, else any."""
    by_language = {text.language: text for text in texts}
    return (
        by_language.get(language)
        or by_language.get(original_language)
        or next(iter(sorted(by_language.values(), key=_language_order)), None)
    )


def _summaries(petitions: Iterable[Petition], language: str) -> list[PetitionSummary]:
    summaries = []
    for petition in petitions:
        text = choose_text(
            petition.texts.all(), language=language, original_language=petition.original_language
        )
        if text is not None:
            summaries.append(PetitionSummary(petition=petition, text=text))
    return summaries


def _with_titles(queryset: PetitionQuerySet) -> PetitionQuerySet:
    titles = PetitionText.objects.only("id", "petition_id", "language", "title", "target")
    return queryset.prefetch_related(Prefetch("texts", queryset=titles))


def petitions_open(*, language: str, limit: int = 100) -> list[PetitionSummary]:
    """Open petitions for the home page, newest first."""
    petitions = _with_titles(
        Petition.objects.signable().select_related("organization").order_by("-published_at")
    )[:limit]
    return _summaries(petitions, language)


def petition_page(*, slug: str, language: str) -> PetitionPage | None:
    """Everything the public petition page shows, or None when the public may not see it."""
    petition = Petition.objects.visible().select_related("organization").filter(slug=slug).first()
    if petition is None:
        return None
    versions = sorted(petition.texts.all(), key=_language_order)
    text = choose_text(versions, language=language, original_language=petition.original_language)
    if text is None:
        return None
    previous = _with_titles(
        Petition.objects.visible()
        .filter(organization_id=petition.organization_id)
        .exclude(pk=petition.pk)
        .order_by("-published_at")
    )[: settings.AWAZ_PREVIOUS_PETITIONS]
    return PetitionPage(
        petition=petition,
        text=text,
        in_requested_language=text.language == language,
        versions=versions,
        links=list(text.links.all()),
        previous=_summaries(previous, language),
    )


def organization_page(*, slug: str, language: str) -> OrganizationPage | None:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        return None
    petitions = _with_titles(
        Petition.objects.visible().filter(organization=organization).order_by("-published_at")
    )
    return OrganizationPage(organization=organization, petitions=_summaries(petitions, language))


def petition_texts(*, petition: Petition) -> list[PetitionText]:
    """Every version of `petition`, for choosing the one a reader (or a document) is given."""
    return list(PetitionText.objects.filter(petition=petition))
