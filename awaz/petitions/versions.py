"""A petition's content version: a new random stamp whenever what its page shows changes.

Everything on the public petition page except the count and the recent signers comes from the
petition's row and the rows connected here (its organization's among them). Each save or delete
of one of them draws a new `Petition.content_version` in the same transaction, so a page part
cached under the old stamp (awaz/public/skeleton.py) is never served again, in any process. A
random stamp rather than a counter: a petition saved from a stale copy writes an old stamp back,
and its own save draws a new one after it, which a counter could have reached before.

Queryset `.update()` and `bulk_create` skip these signals: the page's key also holds the
petition's row (counts are folded with `.update()`), and no code changes the connected rows in
bulk but `petition_text_save`'s links, which draws a new version itself.
"""

import secrets
from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from awaz.organizations.models import Organization
from awaz.petitions.models import (
    Milestone,
    Petition,
    PetitionLink,
    PetitionResponse,
    PetitionText,
    PetitionUpdate,
    PetitionUpdateText,
)


def new_version() -> int:
    return secrets.randbits(62)


def petition_touch(*, petition_id: int) -> None:
    """Give the petition a new content version (its page's cached parts are outdated)."""
    Petition.objects.filter(pk=petition_id).update(content_version=new_version())


def _petitions_of(instance: Any) -> QuerySet[Petition]:
    # By ids, never through the instance's relations: in a cascade the parent may be gone.
    if isinstance(instance, Organization):  # its name and address are on its petitions' pages
        return Petition.objects.filter(organization_id=instance.pk)
    if isinstance(instance, Petition):
        return Petition.objects.filter(pk=instance.pk)
    if isinstance(instance, PetitionText | Milestone | PetitionUpdate):
        return Petition.objects.filter(pk=instance.petition_id)
    if isinstance(instance, PetitionUpdateText | PetitionResponse):
        return Petition.objects.filter(updates__pk=instance.update_id)
    return Petition.objects.filter(texts__pk=instance.text_id)  # a PetitionLink


def _changed(sender: type, instance: Any, **kwargs: Any) -> None:
    _petitions_of(instance).update(content_version=new_version())


MODELS = (
    Organization,
    Petition,
    PetitionText,
    PetitionLink,
    PetitionUpdate,
    PetitionUpdateText,
    PetitionResponse,
    Milestone,
)


def connect() -> None:
    for model in MODELS:
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, dispatch_uid=f"content-version-{model.__name__}")
