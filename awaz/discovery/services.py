"""Writes of discovery: the search index in step with the texts, the staff's picks, trends."""

import datetime

from django.db import transaction
from django.utils import timezone

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.discovery import text
from awaz.discovery.models import CountSnapshot, Feature, SearchDocument, Trend
from awaz.petitions.models import Petition, PetitionText


@transaction.atomic
def search_document_refresh(*, petition_id: int) -> SearchDocument | None:
    """Index every version of the petition (and its organization's name); None when it has no
    text or is gone."""
    petition = Petition.objects.select_related("organization").filter(pk=petition_id).first()
    versions = list(PetitionText.objects.filter(petition_id=petition_id))
    if petition is None or not versions:
        SearchDocument.objects.filter(petition_id=petition_id).delete()
        return None
    title, body = text.document(petition.organization.name, versions)
    document, _ = SearchDocument.objects.update_or_create(
        petition_id=petition_id, defaults={"title": title, "body": body}
    )
    return document


def search_index_rebuild() -> int:
    """Every petition indexed afresh; the number indexed."""
    done = 0
    for petition_id in Petition.objects.order_by("pk").values_list("pk", flat=True).iterator():
        done += search_document_refresh(petition_id=petition_id) is not None
    return done


@transaction.atomic
def petition_feature(*, petition: Petition, by: User) -> Feature:
    """Put the petition on the home page (staff only: the caller checks the role)."""
    feature, created = Feature.objects.get_or_create(
        petition=petition, defaults={"featured_by": by}
    )
    if created:
        audit_record(actor=by, action="petition.feature", target=petition)
    return feature


@transaction.atomic
def petition_unfeature(*, petition: Petition, by: User) -> None:
    """Take the petition off the home page."""
    deleted, _ = Feature.objects.filter(petition=petition).delete()
    if deleted:
        audit_record(actor=by, action="petition.unfeature", target=petition)


TREND_WINDOW = datetime.timedelta(hours=24)
SNAPSHOTS_KEPT = datetime.timedelta(hours=48)


@transaction.atomic
def trending_refresh() -> int:
    """Periodic: note every open petition's count, and what each gained in the last day.

    Constant work per open petition (the published count, never a count of rows); running it
    twice in one interval changes nothing that the home page shows. Returns how many trend.
    """
    now = timezone.now()
    since = now - TREND_WINDOW
    rows = list(Petition.objects.signable().values_list("pk", "signature_count", "published_at"))
    counts = {pk: count for pk, count, _ in rows}
    young = {pk for pk, _, published in rows if published is not None and published >= since}
    CountSnapshot.objects.bulk_create(
        CountSnapshot(petition_id=pk, taken_at=now, count=count) for pk, count in counts.items()
    )
    CountSnapshot.objects.filter(taken_at__lt=now - SNAPSHOTS_KEPT).delete()
    # A day ago: the oldest snapshot inside the window (a petition younger than that started at 0).
    baseline = dict(
        CountSnapshot.objects.filter(petition_id__in=counts, taken_at__gte=since)
        .order_by("petition_id", "-taken_at")  # the oldest comes last and stays in the dict
        .values_list("petition_id", "count")
    )
    trends = []
    for pk, count in counts.items():
        start = 0 if pk in young else baseline.get(pk, count)
        if count > start:
            trends.append(Trend(petition_id=pk, gained=count - start, computed_at=now))
    Trend.objects.all().delete()
    Trend.objects.bulk_create(trends)
    return len(trends)
