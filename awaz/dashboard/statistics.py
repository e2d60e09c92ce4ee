"""What an organization sees of its petition's signatures: counts, a chart, countries, comments.

Countries with fewer than AWAZ_K_ANONYMITY signatures are shown only together, as elsewhere.
An interface module: it only puts together what the domain's selectors read.
"""

from dataclasses import dataclass

from awaz.dashboard.chart import Chart, bar_chart
from awaz.petitions import goals
from awaz.petitions.models import Petition
from awaz.signatures import statistics
from awaz.signatures.counting import live_count
from awaz.signatures.models import SignatureStatus
from awaz.signatures.selectors import (
    RecentSignature,
    comments_public,
    paper_count,
    signatures_update_recipients_count,
)


@dataclass(frozen=True, slots=True)
class PetitionStatistics:
    confirmed: int  # the public count: online confirmations and paper signatures
    online: int
    paper: int
    pending: int
    held: int  # waiting for a moderator: counted once released
    progress: goals.Progress
    per_day: list[tuple[object, int]]
    chart: Chart
    countries: statistics.CountryCounts
    comments: list[RecentSignature]
    update_recipients: int


def petition_statistics(petition: Petition) -> PetitionStatistics:
    counts = statistics.status_counts(petition)
    confirmed = live_count(petition.pk)
    paper = paper_count(petition.pk)
    per_day = statistics.confirmations_per_day(petition)
    # First names only, countries by the k rule: what the sign form promises (`disclosure`).
    comments = comments_public(petition=petition, limit=20)
    return PetitionStatistics(
        confirmed=confirmed,
        online=confirmed - paper,
        paper=paper,
        pending=counts[SignatureStatus.PENDING],
        held=counts[SignatureStatus.SUSPECT],
        progress=goals.progress(confirmed, petition.first_goal),
        per_day=list(per_day),
        chart=bar_chart(per_day),
        countries=statistics.counts_by_country(petition),
        comments=comments,
        update_recipients=signatures_update_recipients_count(petition=petition),
    )
