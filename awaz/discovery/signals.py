"""The index follows every write of a petition's text, whoever makes it (the writing services,
the converter, the admin), in the same transaction: a rolled-back edit leaves no trace in it."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from awaz.discovery.services import search_document_refresh
from awaz.petitions.models import Petition, PetitionText


def _text_changed(sender: type, instance: PetitionText, **kwargs: Any) -> None:
    if isinstance(kwargs.get("origin"), Petition):
        return  # the petition itself goes, and its document with it (on_delete=CASCADE)
    search_document_refresh(petition_id=instance.petition_id)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_text_changed, sender=PetitionText, dispatch_uid=f"search-{signal}")
