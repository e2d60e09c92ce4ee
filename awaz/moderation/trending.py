"""Where a petition's signatures come from, hour by hour: spikes from one network or domain.

A scheduled job (`compute_trending`) counts the last 24 hours of signatures per petition, hour,
network digest and e-mail domain, keeps the sources worth a look, marks those at or above the
thresholds as spikes, and e-mails the moderators once per spike. Pages only read the result.
"""

import datetime

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncHour
from django.utils import timezone

from awaz.moderation.emails import spike_email_send
from awaz.moderation.models import TrendingSource, TrendKind
from awaz.signatures.models import Signature
from awaz.signatures.policy import current_policy

WINDOW = datetime.timedelta(hours=24)
# Sources below this share of the threshold are not worth a row.
KEEP_FRACTION = 4


@transaction.atomic
def trending_compute(*, now: datetime.datetime | None = None) -> int:
    """Replace the snapshot of the last 24 hours; return how many sources are spikes."""
    now = now or timezone.now()
    since = (now - WINDOW).replace(minute=0, second=0, microsecond=0)
    policy = current_policy()
    thresholds = {
        TrendKind.NETWORK: ("network_digest", policy.trending_network_per_hour),
        TrendKind.DOMAIN: ("email_domain", policy.trending_domain_per_hour),
    }
    rows: list[TrendingSource] = []
    for kind, (field, threshold) in thresholds.items():
        counts = (
            Signature.objects.filter(created_at__gte=since)
            .exclude(**{field: ""})
            .annotate(hour=TruncHour("created_at"))
            .values("petition_id", field, "hour")
            .annotate(signatures=Count("id"))
            .filter(signatures__gte=max(1, threshold // KEEP_FRACTION))
        )
        rows.extend(
            TrendingSource(
                petition_id=count["petition_id"],
                kind=kind,
                key=count[field],
                hour=count["hour"],
                signatures=count["signatures"],
                is_spike=count["signatures"] >= threshold,
                computed_at=now,
            )
            for count in counts
        )
    TrendingSource.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["petition", "kind", "key", "hour"],
        update_fields=["signatures", "is_spike", "computed_at"],
    )
    # Older than the window, or gone from it (withdrawn signatures): not part of the snapshot.
    TrendingSource.objects.filter(computed_at__lt=now).delete()
    return sum(row.is_spike for row in rows)


@transaction.atomic
def trending_alert() -> int:
    """E-mail the moderators about spikes not reported yet; return how many."""
    spikes = list(
        TrendingSource.objects.select_for_update(of=("self",))
        .filter(is_spike=True, alerted_at__isnull=True)
        .select_related("petition")
        .order_by("petition_id", "hour")
    )
    if spikes:
        spike_email_send(spikes=spikes)
        TrendingSource.objects.filter(pk__in=[spike.pk for spike in spikes]).update(
            alerted_at=timezone.now()
        )
    return len(spikes)


def trending_refresh_and_alert() -> int:
    """The scheduled job's one service: a fresh snapshot, then the alert about new spikes.

    Two transactions, as before: the snapshot is kept even if the alert e-mail fails. Returns
    how many spikes were reported.
    """
    trending_compute()
    return trending_alert()
