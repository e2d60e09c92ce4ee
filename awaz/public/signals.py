"""Readers see a petition's changes at once: its cached pages go when it or its texts change.

Updates (the response, the victory) and milestones are changes too, and so is a change of the
organization that started it (its name and logo are on the page; an old logo's file is deleted).
Within one process (and across processes when the cache is Redis); with a per-process memory
cache the other processes catch up within AWAZ_PAGE_CACHE_SECONDS. Counts are not "changes"
here: they are folded with queryset updates and reach readers within the cache period.
"""

from typing import Any

from django.db.models.signals import post_delete, post_save

from awaz.organizations.models import Organization
from awaz.petitions.models import (
    Milestone,
    Petition,
    PetitionLink,
    PetitionResponse,
    PetitionText,
    PetitionUpdateText,
)
from awaz.public import pagecache
from awaz.signatures.models import Signature


def _petition_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Petition):
        slug = instance.slug
    elif isinstance(instance, PetitionText | Milestone):
        slug = instance.petition.slug
    elif isinstance(instance, PetitionUpdateText | PetitionResponse):
        slug = instance.update.petition.slug
    else:
        slug = instance.text.petition.slug
    pagecache.forget_petition(slug)


def _organization_changed(sender: type, instance: Organization, **kwargs: Any) -> None:
    for slug in Petition.objects.filter(organization=instance).values_list("slug", flat=True):
        pagecache.forget_petition(slug)


def _comment_hidden(sender: type, instance: Signature, **kwargs: Any) -> None:
    if "comment_hidden" in (kwargs.get("update_fields") or ()):
        pagecache.forget_petition(instance.petition.slug)


def connect() -> None:
    post_save.connect(_comment_hidden, sender=Signature, dispatch_uid="pagecache-comment-hidden")
    post_save.connect(
        _organization_changed, sender=Organization, dispatch_uid="pagecache-organization"
    )
    models = (Petition, PetitionText, PetitionLink, PetitionUpdateText, PetitionResponse, Milestone)
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(_petition_changed, sender=model, dispatch_uid=f"pagecache-{model}")
