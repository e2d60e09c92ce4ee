"""Uyghur versions of a petition generated from the one a person wrote, by the converter."""

from collections.abc import Sequence

from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.services import LinkInput, petition_text_save
from awaz.scripts import SCRIPTS, convert


def petition_texts_convert(
    *, source: PetitionText, proper_nouns: Sequence[str] = ()
) -> list[PetitionText]:
    """(Re)generate the other Uyghur scripts from `source`; reviewed versions are kept."""
    petition: Petition = source.petition
    existing = {text.language: text for text in petition.texts.all()}
    generated = []
    for target in SCRIPTS:
        if target == source.language:
            continue
        current = existing.get(target)
        if current is not None and current.origin != PetitionText.Origin.CONVERTED:
            continue  # written or reviewed by a person: never overwritten

        def to_target(value: str, target: str = target) -> str:
            return convert(value, source=source.language, target=target, proper_nouns=proper_nouns)

        generated.append(
            petition_text_save(
                petition=petition,
                language=target,
                title=to_target(source.title),
                target=to_target(source.target),
                summary=to_target(source.summary),
                body=to_target(source.body),
                links=[LinkInput(to_target(link.title), link.url) for link in source.links.all()],
                origin=PetitionText.Origin.CONVERTED,
                converted_from=source.language,
            )
        )
    return generated
