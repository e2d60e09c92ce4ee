"""The exact count of confirmed signatures, without a hot row.

Every change to the set of confirmed signatures (confirm, withdraw, invalidate) adds +1 or -1 to a
random `CountShard` row of the petition in the same transaction as the change itself. A periodic
job (`signature_counts_fold`) moves the shards' sum into `Petition.signature_count`, the number
pages show. Signatures collected on paper (paper.py) join the same way: recording a batch adds
its number to a shard, undoing it takes it back. Invariant, at every commit:
signature_count + sum(shards) == confirmed rows + paper batches not undone.
"""

import random
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from awaz.petitions import goals
from awaz.petitions.models import Milestone, Petition
from awaz.signatures.models import CountShard, PaperBatch, Signature
from awaz.signatures.signals import count_published

# One statement, on SQLite and PostgreSQL alike; the ORM cannot express "delta = delta + x".
_ADD_TO_SHARD = (
    "INSERT INTO signatures_countshard (petition_id, shard, delta) VALUES (%s, %s, %s) "
    "ON CONFLICT (petition_id, shard) DO UPDATE "
    "SET delta = signatures_countshard.delta + excluded.delta"
)


def count_add(*, petition_id: int, delta: int) -> None:
    """Record a change of the confirmed count; call inside the transaction that makes it."""
    # Which shard takes the +1 only spreads the load: nobody gains by guessing it.
    shard = random.randrange(settings.AWAZ_COUNT_SHARDS)  # noqa: S311 # nosec B311 # not a secret
    with connection.cursor() as cursor:
        cursor.execute(_ADD_TO_SHARD, [petition_id, shard, delta])


def live_count(petition_id: int) -> int:
    """The exact count right now: the published one plus what is not folded yet.

    One statement, so one snapshot: read in two, a fold committing between them counted its
    shards twice (once still in the shards, once already in the published count).
    """
    unfolded = (
        CountShard.objects.filter(petition_id=OuterRef("pk"))
        .values("petition_id")
        .annotate(total=Sum("delta"))
        .values("total")
    )
    total = (
        Petition.objects.filter(pk=petition_id)
        .annotate(live=F("signature_count") + Coalesce(Subquery(unfolded), 0))
        .values_list("live", flat=True)
    )
    return int(total.get())


def _record_milestones(petition: Petition, old: int, new: int) -> list[int]:
    goal = goals.next_goal(old, petition.first_goal)
    now = timezone.now()
    reached = []
    while goal <= new:
        _, created = Milestone.objects.get_or_create(
            petition=petition, goal=goal, defaults={"reached_at": now}
        )
        if created:
            reached.append(goal)
        goal = goals.next_goal(goal, petition.first_goal)
    return reached


@transaction.atomic
def signature_counts_fold(*, petition_id: int) -> int:
    """Move one petition's shards into its published count; return the new count."""
    petition = Petition.objects.select_for_update().get(pk=petition_id)
    shards = list(
        CountShard.objects.select_for_update().filter(petition_id=petition_id).exclude(delta=0)
    )
    total = sum(shard.delta for shard in shards)
    if not shards:
        return petition.signature_count
    CountShard.objects.filter(pk__in=[shard.pk for shard in shards]).update(delta=0)
    old = petition.signature_count
    petition.signature_count = old + total
    Petition.objects.filter(pk=petition_id).update(signature_count=petition.signature_count)
    reached = _record_milestones(petition, old, petition.signature_count)
    count_published.send(
        sender=Petition, petition=petition, old=old, new=petition.signature_count, goals=reached
    )
    return petition.signature_count


def signature_counts_fold_all() -> int:
    """Fold every petition that has unfolded changes; return how many were folded."""
    petition_ids = list(
        CountShard.objects.exclude(delta=0).values_list("petition_id", flat=True).distinct()
    )
    for petition_id in petition_ids:
        signature_counts_fold(petition_id=petition_id)
    return len(petition_ids)


@dataclass(frozen=True, slots=True)
class Recount:
    petition_id: int
    published: int
    unfolded: int
    confirmed_rows: int
    paper: int = 0  # signatures of the paper batches not undone

    @property
    def drift(self) -> int:
        return self.published + self.unfolded - self.confirmed_rows - self.paper


@transaction.atomic
def signature_count_recount(*, petition_id: int, repair: bool = False) -> Recount:
    """Compare the stored count with confirmed rows plus paper; with `repair`, make them equal.

    Every shard row of the petition is created and locked first, so no confirmation can commit
    between counting the rows and writing the result.
    """
    petition = Petition.objects.select_for_update().get(pk=petition_id)
    CountShard.objects.bulk_create(
        [
            CountShard(petition_id=petition_id, shard=shard)
            for shard in range(settings.AWAZ_COUNT_SHARDS)
        ],
        ignore_conflicts=True,
    )
    shards = list(CountShard.objects.select_for_update().filter(petition_id=petition_id))
    unfolded = sum(shard.delta for shard in shards)
    rows = Signature.objects.counted().filter(petition_id=petition_id).count()
    paper = PaperBatch.objects.counted().filter(petition_id=petition_id).aggregate(n=Sum("count"))
    result = Recount(petition_id, petition.signature_count, unfolded, rows, int(paper["n"] or 0))
    if repair and (result.drift or unfolded):
        CountShard.objects.filter(petition_id=petition_id).update(delta=0)
        Petition.objects.filter(pk=petition_id).update(signature_count=rows + result.paper)
    return result
