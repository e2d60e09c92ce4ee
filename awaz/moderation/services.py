"""Moderators' writes: the lists, the site-wide limits, a petition's challenge switch, and the
requests to invalidate (or release) signatures in bulk.

Each change is audited; a change to the policy clears its cached copy, so it applies without a
restart.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.moderation.invalidations import Criteria, invalidation_preview
from awaz.moderation.models import Invalidation, InvalidationAction
from awaz.moderation.tasks import run_invalidation
from awaz.petitions.models import Petition
from awaz.signatures.models import ListEntry, ListKind, SiteSettings
from awaz.signatures.policy import DIGEST_PATTERN, DOMAIN_PATTERN, forget_policy

SETTING_FIELDS = (
    "challenge_everywhere",
    "sign_burst_limit",
    "sign_burst_seconds",
    "sign_sustained_limit",
    "sign_sustained_seconds",
    "trending_network_per_hour",
    "trending_domain_per_hour",
)


def _changed() -> None:
    forget_policy()  # now, and again once committed: no reader caches the old lists meanwhile
    transaction.on_commit(forget_policy)


def normalize_list_value(kind: str, value: str) -> str:
    """The entry as stored, or a ValidationError saying what a valid one looks like."""
    value = value.strip().lower().rstrip(".")
    if kind == ListKind.BLOCKED_DOMAIN:
        value = value.removeprefix("@")
        if not DOMAIN_PATTERN.fullmatch(value):
            raise ValidationError(
                {"value": _("Enter a domain such as example.com or *.example.com.")},
                code="invalid_domain",
            )
    elif not DIGEST_PATTERN.fullmatch(value):
        raise ValidationError(
            {"value": _("Enter a network digest: 64 characters 0-9 and a-f.")},
            code="invalid_digest",
        )
    return value


@transaction.atomic
def list_entry_add(*, kind: str, value: str, note: str = "", by: User) -> ListEntry:
    """Put a domain or network on a list; adding what is there already changes nothing."""
    kind = ListKind(kind)
    value = normalize_list_value(kind, value)
    entry, created = ListEntry.objects.get_or_create(
        kind=kind, value=value, defaults={"note": note.strip(), "created_by": by}
    )
    if created:
        audit_record(
            actor=by,
            action="moderation.list_add",
            target=entry,
            details={"kind": kind, "value": value},
        )
        _changed()
    return entry


@transaction.atomic
def list_entry_remove(*, entry_id: int, by: User) -> bool:
    """Take an entry off its list; False if it was gone already."""
    entry = ListEntry.objects.select_for_update().filter(pk=entry_id).first()
    if entry is None:
        return False
    audit_record(
        actor=by,
        action="moderation.list_remove",
        target=entry,
        details={"kind": entry.kind, "value": entry.value},
    )
    entry.delete()
    _changed()
    return True


@transaction.atomic
def site_settings_save(*, by: User, values: dict[str, object]) -> SiteSettings:
    """Change the live limits and switches; an empty value means the environment's default."""
    row = SiteSettings.objects.select_for_update().first() or SiteSettings()
    before = {name: getattr(row, name) for name in SETTING_FIELDS}
    for name in SETTING_FIELDS:
        if name in values:
            setattr(row, name, values[name])
    row.full_clean()
    row.save()
    after = {name: getattr(row, name) for name in SETTING_FIELDS}
    changes = {
        name: [before[name], after[name]] for name in SETTING_FIELDS if before[name] != after[name]
    }
    if changes:
        audit_record(actor=by, action="moderation.settings", target=row, details=changes)
    _changed()
    return row


@transaction.atomic
def petition_challenge_set(*, petition: Petition, required: bool, by: User) -> bool:
    """Switch the proof-of-work challenge on or off for one petition; False if no change."""
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    if locked.challenge_required == required:
        return False
    locked.challenge_required = required
    locked.save(update_fields=["challenge_required"])
    audit_record(
        actor=by, action="petition.challenge", target=locked, details={"required": required}
    )
    petition.refresh_from_db()
    return True


@transaction.atomic
def invalidation_request(
    *, criteria: Criteria, by: User, action: str = InvalidationAction.INVALIDATE
) -> Invalidation:
    """Record the request to invalidate (or release) matching signatures, audit it, and queue
    the job (committed together)."""
    action = InvalidationAction(action)
    expected = invalidation_preview(criteria=criteria, action=action)
    invalidation = Invalidation.objects.create(
        criteria=criteria.as_json(), expected=expected, created_by=by, action=action
    )
    details = {"criteria": invalidation.criteria, "matching": expected}
    if action == InvalidationAction.RELEASE:
        audit_record(
            actor=by, action="signatures.release_requested", target=invalidation, details=details
        )
    else:
        audit_record(
            actor=by,
            action="signatures.invalidation_requested",
            target=invalidation,
            details=details,
        )
    run_invalidation.enqueue(invalidation_id=invalidation.pk)
    return invalidation
