"""What an organization sees of its petition's signatures: counts, a chart, countries, comments.

Countries with fewer than AWAZ_K_ANONYMITY signatures are shown only together, as elsewhere.
"""

from dataclasses import dataclass

from awaz.dashboard.chart import Chart, bar_chart
from awaz.petitions import goals
from awaz.petitions.models import Petition
from awaz.signatures import statistics
from awaz.signatures.counting import live_count
from awaz.signatures.mailings import signers_wanting_updates
from awaz.signatures.models import Signature, SignatureStatus


@dataclass(frozen=True, slots=True)
class PetitionStatistics:
    confirmed: int
    pending: int
    held: int  # waiting for a moderator: counted once released
    progress: goals.Progress
    per_day: list[tuple[object, int]]
    chart: Chart
    countries: statistics.CountryCounts
    comments: list[Signature]
    update_recipients: int


def petition_statistics(petition: Petition) -> PetitionStatistics:
    counts = statistics.status_counts(petition)
    confirmed = live_count(petition.pk)
    per_day = statistics.confirmations_per_day(petition)
    comments = list(
        Signature.objects.filter(
            petition=petition, status=SignatureStatus.CONFIRMED, is_public=True
        )
        .exclude(comment="")
        .order_by("-confirmed_at")
        .only("name", "country", "comment", "confirmed_at")[:20]
    )
    return PetitionStatistics(
        confirmed=confirmed,
        pending=counts[SignatureStatus.PENDING],
        held=counts[SignatureStatus.SUSPECT],
        progress=goals.progress(confirmed, petition.first_goal),
        per_day=list(per_day),
        chart=bar_chart(per_day),
        countries=statistics.counts_by_country(petition),
        comments=comments,
        update_recipients=signers_wanting_updates(petition.pk).count(),
    )
