"""Uyghur versions of a petition generated from the one a person wrote, by the converter.

A petition written in one Uyghur script (`ug`, `ug-latn`, `ug-cyrl`) gets the other two as
versions of origin `converted`. A person then reviews each one (origin `reviewed`); a reviewed
or written version is never overwritten by a conversion unless the organizer asks for it.
"""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awaz.accounts.models import User
from awaz.i18n import languages
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.services import LinkInput, petition_text_save
from awaz.scripts import CyrillicSpelling, convert

UYGHUR_SCRIPTS: tuple[str, ...] = tuple(
    language.code for language in languages.LANGUAGES if language.uyghur_script
)


def latin_for_address(text: str, language: str) -> str:
    """`text` in Latin letters where the converter can give them (for a readable slug)."""
    if language not in UYGHUR_SCRIPTS or language == "ug-latn":
        return text
    return convert(text, source=language, target="ug-latn")


@transaction.atomic
def petition_texts_convert(
    *,
    source: PetitionText,
    proper_nouns: Sequence[str] | None = None,
    by: User | None = None,
    again: Iterable[str] = (),
) -> list[PetitionText]:
    """(Re)generate the other Uyghur scripts from `source`; reviewed versions are kept.

    The Cyrillic version is spelled as the petition's `cyrillic_spelling` says.

    A version whose language is in `again` is regenerated even if a person reviewed or wrote it
    (the organizer asked for a fresh conversion). `proper_nouns` defaults to the petition's own
    list of names; a line of that list of the form "كونستىتۇتسىيە = конституция" is a Russian
    loan, which the Cyrillic version writes the given way (adding to or overriding the
    converter's own list).
    """
    if source.language not in UYGHUR_SCRIPTS:
        return []
    petition: Petition = source.petition
    names = petition.proper_noun_list if proper_nouns is None else list(proper_nouns)
    spelling = CyrillicSpelling(petition.cyrillic_spelling)
    forced = set(again)
    existing = {text.language: text for text in petition.texts.all()}
    links = list(source.links.all())
    generated = []
    for target in UYGHUR_SCRIPTS:
        if target == source.language:
            continue
        current = existing.get(target)
        if (
            current is not None
            and current.origin != PetitionText.Origin.CONVERTED
            and target not in forced
        ):
            continue  # written or reviewed by a person: never overwritten

        def to_target(value: str, target: str = target) -> str:
            return convert(
                value,
                source=source.language,
                target=target,
                proper_nouns=names,
                loans=names,
                cyrillic_spelling=spelling,
            )

        try:
            text = petition_text_save(
                petition=petition,
                language=target,
                title=to_target(source.title),
                target=to_target(source.target),
                summary=to_target(source.summary),
                body=to_target(source.body),
                image_alt=to_target(source.image_alt),
                links=[LinkInput(to_target(link.title), link.url) for link in links],
                origin=PetitionText.Origin.CONVERTED,
                converted_from=source.language,
                updated_by=by,
            )
        except ValidationError as error:
            # E.g. a title that fits in Arabic script but not once its vowels are letters.
            raise ValidationError(
                _("The %(language)s version made from this text would not be valid: %(why)s")
                % {"language": languages.get(target).name_local, "why": " ".join(error.messages)},
                code="conversion_invalid",
            ) from None
        generated.append(text)
    return generated


@transaction.atomic
def petition_text_convert_again(*, text: PetitionText, by: User) -> PetitionText:
    """Replace a Uyghur version by a fresh conversion of the version it was made from."""
    petition = text.petition
    source_language = text.converted_from or petition.original_language
    source = PetitionText.objects.filter(petition=petition, language=source_language).first()
    if source is None or source.language == text.language or text.language not in UYGHUR_SCRIPTS:
        raise ValidationError(
            _("There is no other Uyghur version to convert this one from."), code="no_source"
        )
    petition_texts_convert(source=source, by=by, again=[text.language])
    return PetitionText.objects.get(pk=text.pk)
