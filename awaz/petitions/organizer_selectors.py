"""Reads for the organizers' workspace: every petition of an organization, whatever its state.

Public pages read through `selectors.py`, which only ever sees visible petitions. Names follow
`<entity>_<qualifier>` like every selector.
"""

import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from awaz.i18n import languages
from awaz.organizations.models import Organization
from awaz.petitions import lifecycle
from awaz.petitions.models import (
    Petition,
    PetitionLink,
    PetitionRevision,
    PetitionText,
    PetitionUpdate,
    PetitionUpdateText,
)
from awaz.petitions.selectors import PetitionPage, text_preferred


@dataclass(frozen=True, slots=True)
class PetitionRow:
    petition: Petition
    text: PetitionText | None


@dataclass(frozen=True, slots=True)
class Version:
    """One language of a petition as its organizers see it: written, generated, or still to add."""

    language: languages.Language
    text: PetitionText | None
    is_original: bool
    # A reviewed generated version whose source changed after the review.
    source_changed: bool


@dataclass(frozen=True, slots=True)
class Workspace:
    petition: Petition
    versions: Sequence[Version]
    moves: Sequence[str]  # what an organizer may do now (lifecycle.MOVES)
    problems: Sequence[str]  # what stops submission; empty when ready or not a draft
    revision_count: int


def petitions_of_organization(*, organization: Organization, language: str) -> list[PetitionRow]:
    """All the organization's petitions, newest first, titled in `language` where possible."""
    titles = PetitionText.objects.only("id", "petition_id", "language", "title")
    petitions = (
        Petition.objects.filter(organization=organization)
        .prefetch_related(Prefetch("texts", queryset=titles))
        .order_by("-created_at")
    )
    return [
        PetitionRow(
            petition=petition,
            text=text_preferred(
                petition.texts.all(),
                language=language,
                original_language=petition.original_language,
            ),
        )
        for petition in petitions
    ]


def _order(code: str) -> int:
    return languages.CODES.index(code) if code in languages.CODES else len(languages.CODES)


def petition_workspace(*, petition: Petition) -> Workspace:
    texts = {
        text.language: text
        for text in PetitionText.objects.filter(petition=petition).select_related("updated_by")
    }
    codes = {petition.original_language, *texts, *petition.offered_languages}
    versions = []
    for code in sorted(codes, key=_order):
        text = texts.get(code)
        source = texts.get(text.converted_from) if text is not None else None
        versions.append(
            Version(
                language=languages.get(code),
                text=text,
                is_original=code == petition.original_language,
                source_changed=bool(
                    text is not None
                    and source is not None
                    and text.origin == PetitionText.Origin.REVIEWED
                    and source.updated_at > text.updated_at
                ),
            )
        )
    return Workspace(
        petition=petition,
        versions=versions,
        moves=lifecycle.moves_allowed(petition),
        problems=(
            lifecycle.submission_problems(petition)
            if petition.status == Petition.Status.DRAFT
            else []
        ),
        revision_count=PetitionRevision.objects.filter(petition=petition).count(),
    )


def petition_text_in(*, petition: Petition, language: str) -> PetitionText | None:
    return (
        PetitionText.objects.filter(petition=petition, language=language)
        .select_related("updated_by")
        .first()
    )


def petition_preview_page(
    *, petition: Petition, text: PetitionText, links: Sequence[PetitionLink]
) -> PetitionPage:
    """The public page's data for a draft, or for unsaved changes: nothing here is saved.

    A petition that is not published yet is shown as it will be on the day it opens.
    """
    shown = copy.copy(petition)
    if shown.published_at is None:
        shown.published_at = timezone.now()
    if shown.status in {Petition.Status.DRAFT, Petition.Status.PENDING}:
        shown.status = Petition.Status.OPEN
    versions = sorted(
        [
            text if version.language == text.language else version
            for version in PetitionText.objects.filter(petition=petition).only(
                "id", "petition_id", "language"
            )
        ]
        or [text],
        key=lambda version: _order(version.language),
    )
    if text.language not in {version.language for version in versions}:
        versions = sorted([*versions, text], key=lambda version: _order(version.language))
    return PetitionPage(
        petition=shown,
        text=text,
        in_requested_language=True,
        versions=versions,
        links=list(links),
        previous=[],
    )


def petition_of_organization(*, organization_id: int, slug: str) -> Petition | None:
    """The organization's petition at `slug`, in any state; None for another organization's."""
    return (
        Petition.objects.select_related("organization")
        .filter(organization_id=organization_id, slug=slug)
        .first()
    )


def petition_text_links(*, text: PetitionText) -> list[PetitionLink]:
    return list(text.links.all())


def petition_update_of(*, petition: Petition, pk: int) -> PetitionUpdate | None:
    return (
        PetitionUpdate.objects.select_related("petition__organization")
        .filter(petition=petition, pk=pk)
        .first()
    )


def petition_update_texts(*, update: PetitionUpdate) -> dict[str, PetitionUpdateText]:
    """The update's versions by language code."""
    return {text.language: text for text in update.texts.all()}


def petition_update_text_in(*, update: PetitionUpdate, language: str) -> PetitionUpdateText | None:
    return update.texts.filter(language=language).first()


def petition_written_languages(*, petition: Petition) -> list[str]:
    """The languages a person wrote the petition in, its original first: where a response or a
    victory statement is written too (the other Uyghur scripts are converted from them)."""
    written = PetitionText.objects.filter(
        petition=petition, origin=PetitionText.Origin.WRITTEN
    ).values_list("language", flat=True)
    others = sorted((code for code in written if code != petition.original_language), key=_order)
    return [petition.original_language, *others]


def petitions_of_targets(*, organization_id: int, targets: Collection[str]) -> dict[str, Petition]:
    """The organization's petitions named by audit targets ("petitions.petition:<pk>", or an
    update of one: "petitions.petitionupdate:<pk>"), by target; others are left out."""
    wanted: dict[str, set[int]] = {"petitions.petition": set(), "petitions.petitionupdate": set()}
    for target in targets:
        label, _sep, pk = target.partition(":")
        if label in wanted and pk.isdigit():
            wanted[label].add(int(pk))
    updates = dict(
        PetitionUpdate.objects.filter(
            pk__in=wanted["petitions.petitionupdate"], petition__organization_id=organization_id
        ).values_list("pk", "petition_id")
    )
    petitions = Petition.objects.filter(
        organization_id=organization_id, pk__in=wanted["petitions.petition"] | set(updates.values())
    ).in_bulk()
    found = {f"petitions.petition:{pk}": petition for pk, petition in petitions.items()}
    for update_pk, petition_pk in updates.items():
        if petition_pk in petitions:
            found[f"petitions.petitionupdate:{update_pk}"] = petitions[petition_pk]
    return found
