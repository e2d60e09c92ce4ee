"""A petition's life: submitted, approved, closed, won, reopened. One function per move.

Who may make a move is part of the move: organizers submit, withdraw, close, reopen and declare
victory; only staff approve, reject, remove, or undo a victory. Each move locks the petition's
row, so two people pressing buttons at once cannot both succeed from the same state, and
writes its own audit entry (`petition.<move>`, see awaz.audit.actions) in the same transaction:
no caller has to remember to. Moving into one of `Petition.ENDED` sets `ended_at` (a database
constraint insists), from which the retention purge counts; reopening clears it.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.accounts.roles import is_moderator
from awaz.audit.services import audit_record
from awaz.i18n import languages
from awaz.petitions.models import Petition, PetitionText

Status = Petition.Status


@dataclass(frozen=True, slots=True)
class Move:
    sources: frozenset[str]  # states an organizer may make it from
    target: str
    staff_sources: frozenset[str] = frozenset()  # further states only staff may make it from
    staff_only: bool = False
    action: str = ""  # its audit entry's name; "petition.<move>" unless given


def action_of(name: str) -> str:
    """The audit action a move records: a stable name that webhooks will read."""
    return MOVES[name].action or f"petition.{name}"


MOVES: dict[str, Move] = {
    "submit": Move(frozenset({Status.DRAFT}), Status.PENDING),
    "withdraw": Move(frozenset({Status.PENDING}), Status.DRAFT),
    "approve": Move(frozenset({Status.PENDING}), Status.OPEN, staff_only=True),
    "reject": Move(frozenset({Status.PENDING}), Status.REJECTED, staff_only=True),
    "close": Move(frozenset({Status.OPEN}), Status.CLOSED),
    "reopen": Move(frozenset({Status.CLOSED}), Status.OPEN, frozenset({Status.VICTORY})),
    "declare_victory": Move(
        frozenset({Status.OPEN, Status.CLOSED}), Status.VICTORY, action="petition.victory"
    ),
    "remove": Move(
        frozenset({Status.PENDING, Status.OPEN, Status.CLOSED, Status.VICTORY}),
        Status.REMOVED,
        staff_only=True,
    ),
}


def moves_allowed(petition: Petition, *, staff: bool = False) -> list[str]:
    """The moves that can be made on `petition` now, for an organizer or for staff."""
    return [
        name
        for name, move in MOVES.items()
        if (staff or not move.staff_only)
        and (petition.status in move.sources or (staff and petition.status in move.staff_sources))
    ]


def _begin(petition: Petition, name: str, by: User) -> Petition:
    """Lock the petition and check that `by` may make the move `name` from its current state."""
    move = MOVES[name]
    if move.staff_only and not is_moderator(by):
        raise PermissionDenied
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    allowed = move.sources | (move.staff_sources if is_moderator(by) else frozenset())
    if locked.status not in allowed:
        raise ValidationError(
            _("A petition that is %(status)s cannot be changed this way.")
            % {"status": locked.get_status_display()},
            code="wrong_state",
        )
    return locked


def _finish(
    petition: Petition,
    locked: Petition,
    *,
    name: str,
    by: User | None,
    fields: list[str],
    details: dict[str, Any] | None,
) -> Petition:
    """Set or clear `ended_at` as the new state requires, save, and record the move."""
    before = Petition.objects.filter(pk=locked.pk).values_list("status", flat=True).get()
    if locked.is_ended:
        locked.ended_at = locked.ended_at or timezone.now()  # an earlier end stands (retention)
    else:
        locked.ended_at = None
    locked.full_clean()
    locked.save(update_fields=[*fields, "ended_at"])
    audit_record(
        actor=by,
        action=action_of(name),
        target=locked,
        details={"from": before, "to": locked.status, **(details or {})},
    )
    petition.refresh_from_db()
    return locked


def _check_closing_date(petition: Petition, now: datetime.datetime) -> None:
    if petition.closes_at is not None and petition.closes_at <= now:
        raise ValidationError(
            _("Its closing date has passed: set a later one (or none) in its settings first."),
            code="closing_date_passed",
        )


def submission_problems(petition: Petition) -> list[str]:
    """What stands between a draft and review, in words for its organizer; empty when ready."""
    texts = {text.language: text for text in petition.texts.all()}
    problems = []
    if petition.original_language not in texts:
        problems.append(_("Write the petition in the language you chose first."))
    missing = [code for code in petition.offered_languages if code not in texts]
    if missing:
        problems.append(
            _("Add the versions you offer, or stop offering them: %(languages)s.")
            % {"languages": _(", ").join(languages.get(code).name_local for code in missing)}
        )
    unreviewed = [
        code for code, text in texts.items() if text.origin == PetitionText.Origin.CONVERTED
    ]
    if unreviewed:
        problems.append(
            _("Review the generated versions: %(languages)s.")
            % {"languages": _(", ").join(languages.get(code).name_local for code in unreviewed)}
        )
    if petition.closes_at is not None and petition.closes_at <= timezone.now():
        problems.append(_("Its closing date has passed: choose a later one, or none."))
    return problems


@transaction.atomic
def petition_submit(
    *, petition: Petition, by: User, details: dict[str, Any] | None = None
) -> Petition:
    """Send a draft to the moderators; it is published once they approve it."""
    locked = _begin(petition, "submit", by)
    problems = submission_problems(locked)
    if problems:
        raise ValidationError(problems, code="not_ready")
    locked.status = Status.PENDING
    return _finish(petition, locked, name="submit", by=by, fields=["status"], details=details)


@transaction.atomic
def petition_withdraw(
    *, petition: Petition, by: User, details: dict[str, Any] | None = None
) -> Petition:
    """Take a petition back from review to change it."""
    locked = _begin(petition, "withdraw", by)
    locked.status = Status.DRAFT
    return _finish(petition, locked, name="withdraw", by=by, fields=["status"], details=details)


@transaction.atomic
def petition_approve(
    *, petition: Petition, by: User, details: dict[str, Any] | None = None
) -> Petition:
    """Staff: publish a petition that waited for review; it opens for signatures.

    Moderators decide through awaz.moderation.publication.petition_decide, which also tells
    the organizers; this is the move itself.
    """
    locked = _begin(petition, "approve", by)
    now = timezone.now()
    _check_closing_date(locked, now)
    locked.status = Status.OPEN
    locked.published_at = locked.published_at or now
    return _finish(
        petition, locked, name="approve", by=by, fields=["status", "published_at"], details=details
    )


@transaction.atomic
def petition_reject(
    *, petition: Petition, by: User, details: dict[str, Any] | None = None
) -> Petition:
    """Staff: refuse a petition; its organizer cannot reopen it (see `petition_approve`)."""
    locked = _begin(petition, "reject", by)
    locked.status = Status.REJECTED
    return _finish(petition, locked, name="reject", by=by, fields=["status"], details=details)


@transaction.atomic
def petition_remove(
    *, petition: Petition, by: User, details: dict[str, Any] | None = None
) -> Petition:
    """Staff: take a petition down; its page disappears and its organizer cannot reopen it.

    Its signers' personal data is purged AWAZ_RETENTION_DAYS after it ended.
    """
    locked = _begin(petition, "remove", by)
    locked.status = Status.REMOVED
    return _finish(petition, locked, name="remove", by=by, fields=["status"], details=details)


@transaction.atomic
def petition_close(
    *, petition: Petition, by: User, details: dict[str, Any] | None = None
) -> Petition:
    """Stop taking signatures; the page stays, with its count."""
    locked = _begin(petition, "close", by)
    locked.status = Status.CLOSED
    return _finish(petition, locked, name="close", by=by, fields=["status"], details=details)


@transaction.atomic
def petition_reopen(
    *, petition: Petition, by: User, details: dict[str, Any] | None = None
) -> Petition:
    """Take signatures again: a closed petition, or (staff only) one declared won by mistake."""
    locked = _begin(petition, "reopen", by)
    _check_closing_date(locked, timezone.now())
    locked.status = Status.OPEN
    locked.victory_statement = ""
    return _finish(
        petition,
        locked,
        name="reopen",
        by=by,
        fields=["status", "victory_statement"],
        details=details,
    )


@transaction.atomic
def petition_declare_victory(
    *, petition: Petition, by: User, statement: str, details: dict[str, Any] | None = None
) -> Petition:
    """The campaign won: signing stops and the page shows `statement`. Only staff can undo it."""
    locked = _begin(petition, "declare_victory", by)
    statement = statement.strip()
    if not statement:
        raise ValidationError(
            {"statement": _("Say in a sentence or two what was won.")}, code="no_statement"
        )
    locked.status = Status.VICTORY
    locked.victory_statement = statement
    return _finish(
        petition,
        locked,
        name="declare_victory",
        by=by,
        fields=["status", "victory_statement"],
        details=details,
    )
