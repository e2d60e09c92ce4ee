"""The decision maker's response and the victory: updates of their own kind, written per language.

Each is an update (awaz.petitions.updates), so it takes the updates' road to the signers who asked
for them and to the petition's feed; the page shows the latest response and the victory statement
in their own place. The Uyghur scripts a person did not write are converted from one they did.
Announcing either to the signers (which audits) is awaz.signatures.announcements.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.petitions.models import (
    Milestone,
    Petition,
    PetitionResponse,
    PetitionUpdate,
    PetitionUpdateText,
    UpdateKind,
)
from awaz.petitions.selectors import text_preferred
from awaz.petitions.updates import update_post_versions, update_text_for


def _written(texts: Mapping[str, str]) -> dict[str, str]:
    written = {language: text.strip() for language, text in texts.items() if text.strip()}
    if not written:
        raise ValidationError(_("Write the text in at least one language."), code="no_text")
    return written


def response_title(*, petition: Petition, language: str) -> str:
    """ "Response from <the decision maker>", in `language`, naming them as that version does."""
    version = text_preferred(
        petition.texts.all(), language=language, original_language=petition.original_language
    )
    with translation.override(language):
        return _("Response from %(target)s") % {"target": version.target if version else ""}


@transaction.atomic
def response_record(
    *,
    petition: Petition,
    by: User | None,
    responded_on: datetime.date,
    texts: Mapping[str, str],
    document_url: str = "",
) -> PetitionUpdate:
    """Record the decision maker's answer (`texts`: `{language: Markdown}`, the first the
    language it came in); the petition's page shows it. E-mailing it is a separate step."""
    written = _written(texts)
    update = update_post_versions(
        petition=petition,
        by=by,
        versions={
            language: (response_title(petition=petition, language=language), body)
            for language, body in written.items()
        },
        kind=UpdateKind.RESPONSE,
    )
    response = PetitionResponse(
        update=update, responded_on=responded_on, document_url=document_url.strip()
    )
    response.full_clean()
    response.save()
    audit_record(
        actor=by,
        action="response.record",
        target=petition,
        details={"update": update.pk, "languages": sorted(written)},
    )
    return update


def victory_title(language: str) -> str:
    with translation.override(language):
        return _("Victory!")


@transaction.atomic
def victory_post(
    *, petition: Petition, by: User | None, statements: Mapping[str, str]
) -> PetitionUpdate:
    """The victory statement per language, as an update of kind victory (see lifecycle for the
    move itself, which keeps the statement in the first language on the petition)."""
    written = _written(statements)
    return update_post_versions(
        petition=petition,
        by=by,
        versions={language: (victory_title(language), text) for language, text in written.items()},
        kind=UpdateKind.VICTORY,
    )


@dataclass(frozen=True, slots=True)
class Shown:
    """An update of a special kind and its text in the reader's language (or the closest)."""

    update: PetitionUpdate
    text: PetitionUpdateText
    response: PetitionResponse | None


def _latest(*, petition: Petition, language: str, kind: str) -> Shown | None:
    update = (
        PetitionUpdate.objects.filter(petition=petition, kind=kind)
        .select_related("response")
        .prefetch_related("texts")
        .order_by("-created_at", "-pk")
        .first()
    )
    if update is None:
        return None
    text = update_text_for(update, language)
    if text is None:
        return None
    response = getattr(update, "response", None) if kind == UpdateKind.RESPONSE else None
    return Shown(update=update, text=text, response=response)


def response_latest(*, petition: Petition, language: str) -> Shown | None:
    """The decision maker's latest response, in `language` where it has that version (for the
    page and the API)."""
    return _latest(petition=petition, language=language, kind=UpdateKind.RESPONSE)


def victory_shown(*, petition: Petition, language: str) -> Shown | None:
    """The victory statement in `language` where it has that version; None unless it is won."""
    if petition.status != Petition.Status.VICTORY:
        return None
    return _latest(petition=petition, language=language, kind=UpdateKind.VICTORY)


def response_of(update: PetitionUpdate) -> PetitionResponse | None:
    """The response an update announces, if it is one."""
    if update.kind != UpdateKind.RESPONSE:
        return None
    return PetitionResponse.objects.filter(update=update).first()


def milestones_shown(*, petition: Petition, limit: int = 10) -> list[Milestone]:
    """The goals the count reached, latest first, for the page's short history."""
    return list(Milestone.objects.filter(petition=petition).order_by("-goal")[:limit])


@dataclass(frozen=True, slots=True)
class OnPage:
    """What the petition page shows of its updates, read in one query (and one for texts)."""

    news: list[tuple[PetitionUpdate, PetitionUpdateText]]
    response: Shown | None
    victory: Shown | None


def updates_on_page(*, petition: Petition, language: str, news: int = 5) -> OnPage:
    """The latest news, the latest response and (if won) the victory, in `language` or the
    closest version each has."""
    mine = PetitionUpdate.objects.filter(petition=petition).order_by("-created_at", "-pk")

    def latest(kind: str, count: int = 1) -> QuerySet[PetitionUpdate, int]:
        return mine.filter(kind=kind).values_list("pk", flat=True)[:count]

    wanted = Q(pk__in=latest(UpdateKind.NEWS, news)) | Q(pk__in=latest(UpdateKind.RESPONSE))
    if petition.status == Petition.Status.VICTORY:
        wanted |= Q(pk__in=latest(UpdateKind.VICTORY))
    found: list[tuple[PetitionUpdate, PetitionUpdateText]] = []
    for update in mine.filter(wanted).select_related("response").prefetch_related("texts"):
        text = update_text_for(update, language)
        if text is not None:
            found.append((update, text))

    def special(kind: str) -> Shown | None:
        for update, text in found:
            if update.kind == kind:
                response = (
                    getattr(update, "response", None) if kind == UpdateKind.RESPONSE else None
                )
                return Shown(update=update, text=text, response=response)
        return None

    return OnPage(
        news=[(update, text) for update, text in found if update.kind == UpdateKind.NEWS],
        response=special(UpdateKind.RESPONSE),
        victory=special(UpdateKind.VICTORY),
    )
