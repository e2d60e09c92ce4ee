"""Figures about a petition's signatures for its organizers and the public, never singling
anyone out: a country with fewer than k signatures is folded into "other countries" (the k rule
of `disclosure`, the same on every surface)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncDate

from awaz.petitions.models import Petition
from awaz.signatures.disclosure import k_smallest_group
from awaz.signatures.models import Signature, SignatureStatus


@dataclass(frozen=True, slots=True)
class CountryCounts:
    shown: list[tuple[str, int]]  # (country code, count), largest first, each at least k
    hidden: int  # signatures of countries below k, together
    k: int


def counts_by_country(petition: Petition, *, k: int | None = None) -> CountryCounts:
    """Confirmed signatures per country, with every group smaller than k hidden."""
    k = k_smallest_group() if k is None else k
    rows = (
        Signature.objects.filter(petition=petition, status=SignatureStatus.CONFIRMED)
        .values_list("country")
        .annotate(total=Count("pk"))
        .order_by("-total", "country")
    )
    shown = [(str(country), int(total)) for country, total in rows if total >= k]
    hidden = sum(int(total) for _country, total in rows if total < k)
    return CountryCounts(shown=shown, hidden=hidden, k=k)


def confirmations_per_day(petition: Petition) -> list[tuple[datetime.date, int]]:
    """Confirmed signatures per UTC day, oldest first, with the quiet days filled in as 0."""
    rows = dict(
        Signature.objects.filter(petition=petition, status=SignatureStatus.CONFIRMED)
        .annotate(day=TruncDate("confirmed_at"))
        .values_list("day")
        .annotate(total=Count("pk"))
        .values_list("day", "total")
    )
    if not rows:
        return []
    first, last = min(rows), max(rows)
    days = (last - first).days + 1
    return [
        (day, int(rows.get(day, 0)))
        for day in (first + datetime.timedelta(days=offset) for offset in range(days))
    ]


def status_counts(petition: Petition) -> dict[str, int]:
    """How many signatures are in each state (for organizers: confirmed vs pending)."""
    rows = (
        Signature.objects.filter(petition=petition)
        .values_list("status")
        .annotate(total=Count("pk"))
        .order_by()
    )
    counts = dict.fromkeys(SignatureStatus.values, 0)
    counts.update({str(status): int(total) for status, total in rows})
    return counts
