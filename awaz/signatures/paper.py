"""Signatures collected on paper: recorded as counted batches, undone when a count was wrong.

Awaz never stores a paper signer's name: the organizer counts the valid lines of their sheets
and records the number with a note ("rally in Almaty, 12 May"). A batch joins the published
count through the shards (counting.py), in the same transaction as the batch row, so the
invariant becomes: published count + shards == confirmed rows + paper batches not undone.
Undoing a batch keeps its row (marked undone) and takes its number back out of the count.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awaz.audit.services import audit_record
from awaz.petitions.models import Petition
from awaz.signatures.counting import count_add
from awaz.signatures.models import PaperBatch

NOTE_MAX_LENGTH = PaperBatch._meta.get_field("note").max_length or 500


def paper_batch_problems(*, petition: Petition, count: int, note: str) -> dict[str, str]:
    """What is wrong with a batch before it is recorded, by field; empty when it may be."""
    problems: dict[str, str] = {}
    limit = settings.AWAZ_PAPER_BATCH_MAX
    if count < 1:
        problems["count"] = _("Record at least one signature.")
    elif count > limit:
        problems["count"] = _(
            "A batch holds at most %(limit)s signatures: record larger counts in several batches."
        ) % {"limit": f"{limit:,}"}
    if len(note) > NOTE_MAX_LENGTH:
        problems["note"] = _("The note is too long: at most %(limit)s characters.") % {
            "limit": NOTE_MAX_LENGTH
        }
    if not petition.is_visible:
        problems["__all__"] = _("Paper signatures count only for a published petition.")
    return problems


@transaction.atomic
def paper_batch_record(
    *, petition: Petition, by: models.Model, count: int, note: str = ""
) -> PaperBatch:
    """Add `count` valid paper signatures to the petition's count, audited as signatures.paper."""
    note = note.strip()
    problems = paper_batch_problems(petition=petition, count=count, note=note)
    if problems:
        raise ValidationError(problems)
    batch = PaperBatch.objects.create(
        petition=petition, count=count, note=note, created_by_id=by.pk
    )
    count_add(petition_id=petition.pk, delta=count)
    audit_record(
        actor=by,
        action="signatures.paper",
        target=batch,
        details={"petition": petition.pk, "count": count, "note": note},
    )
    return batch


@transaction.atomic
def paper_batch_undo(*, batch: PaperBatch, by: models.Model) -> PaperBatch:
    """Take a batch back out of the count; it stays listed, marked undone (audited)."""
    locked = PaperBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.undone_at is not None:
        raise ValidationError(_("This batch was undone already."))
    locked.undone_at = timezone.now()
    locked.undone_by_id = by.pk
    locked.save(update_fields=["undone_at", "undone_by"])
    count_add(petition_id=locked.petition_id, delta=-locked.count)
    audit_record(
        actor=by,
        action="signatures.paper_undo",
        target=locked,
        details={"petition": locked.petition_id, "count": locked.count},
    )
    return locked
