"""Keeping the search index in step with the petitions' texts."""

from django.db import transaction

from awaz.petitions.models import Petition, PetitionText
from awaz.discovery import text
from awaz.discovery.models import SearchDocument


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
