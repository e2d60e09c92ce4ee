"""A petition's Names list: the names the converter writes with capitals in the Latin and
Cyrillic Uyghur versions (and the Russian loans the Cyrillic version spells as given).

The list is the organizer's: the converter never adds to it. `petition_name_suggestions` only
offers names (words another version capitalises, common Uyghur names from
`awaz.scripts.names`) for the organizer to add with `petition_name_add`. Every change of the
list converts again the versions nobody has reviewed yet; a refused list changes nothing.
"""

import re
import unicodedata
from typing import Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awaz.petitions.conversion import UYGHUR_SCRIPTS, petition_texts_convert
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.services import check_editable
from awaz.scripts.casing import name_key
from awaz.scripts.names import Suggestion, suggest_names

MAX_NAME_CHARS: Final = 100
MAX_NAMES: Final = 300
# Words of letters (any alphabet, with their marks), joined by single spaces, hyphens or
# apostrophes: no digits, markup (<b>, **, [..](..)), addresses or handles.
_NAME: Final = re.compile(r"[^\W\d_]+(?:(?: |-|'|’|ʼ)[^\W\d_]+)*")
# The scripts with capitals, where the list matters.
NAMED_SCRIPTS: Final = tuple(code for code in UYGHUR_SCRIPTS if code != "ug")
_CONVERTED_FIELDS: Final = ("title", "target", "summary", "body", "image_alt")


def _is_name(text: str) -> bool:
    return bool(_NAME.fullmatch(text))


def _line_key(line: str) -> tuple[str, ...]:
    if "=" in line:
        return ("=", line.split("=", 1)[0].strip().casefold())
    return name_key(line) or (line.casefold(),)


def _not_a_name(shown: str) -> ValidationError:
    return ValidationError(
        _(
            "“%(name)s” is not a name: use letters, spaces, hyphens and apostrophes only "
            "(no digits, markup or links)."
        )
        % {"name": shown},
        code="name_not_letters",
    )


def _clean_line(line: str) -> str:
    """One line of the list, tidied, or a ValidationError saying what is wrong with it."""
    line = " ".join(unicodedata.normalize("NFC", line).split())
    shown = line if len(line) <= 40 else line[:40] + "…"
    if len(line) > MAX_NAME_CHARS:
        raise ValidationError(
            _("A name has at most %(limit)d characters; “%(name)s” has more.")
            % {"limit": MAX_NAME_CHARS, "name": shown},
            code="name_too_long",
        )
    parts = [part.strip() for part in line.split("=", 1)] if "=" in line else [line]
    if not all(_is_name(part) for part in parts):
        raise _not_a_name(shown)
    return " = ".join(parts)


def clean_proper_nouns(text: str) -> str:
    """The list as stored (one name per line, blank lines dropped), or a ValidationError (on
    the field `proper_nouns`) that lists every line refused: too long, not letters, or twice."""
    errors: list[ValidationError] = []
    lines: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for raw in text.splitlines():
        if not raw.strip():
            continue
        try:
            line = _clean_line(raw)
        except ValidationError as error:
            errors.append(error)
            continue
        key = _line_key(line)
        if key in seen:
            errors.append(
                ValidationError(
                    _("“%(name)s” is in the list twice.") % {"name": line}, code="name_duplicate"
                )
            )
            continue
        seen.add(key)
        lines.append(line)
    if len(lines) > MAX_NAMES:
        errors.append(
            ValidationError(
                _("The list has at most %(limit)d names.") % {"limit": MAX_NAMES},
                code="names_too_many",
            )
        )
    if errors:
        raise ValidationError({"proper_nouns": errors})
    return "\n".join(lines)


def reconvert_unreviewed(petition: Petition) -> None:
    """Convert again, with the petition's current names, the versions nobody has reviewed."""
    for source in petition.texts.filter(
        language__in=UYGHUR_SCRIPTS, origin=PetitionText.Origin.WRITTEN
    ):
        petition_texts_convert(source=source)


@transaction.atomic
def petition_names_update(*, petition: Petition, proper_nouns: str) -> Petition:
    """Replace the Names list; the Uyghur versions not yet reviewed are converted again."""
    check_editable(petition)
    cleaned = clean_proper_nouns(proper_nouns)
    if cleaned != petition.proper_nouns:
        petition.proper_nouns = cleaned
        petition.save(update_fields=["proper_nouns"])
        reconvert_unreviewed(petition)
    return petition


@transaction.atomic
def petition_name_add(*, petition: Petition, name: str) -> Petition:
    """Add one name (e.g. a suggestion the organizer chose) to the end of the Names list."""
    check_editable(petition)
    if not name.strip():
        raise ValidationError(_("Write a name to add."), code="name_empty")
    line = _clean_line(name)
    if "=" in line:
        raise _not_a_name(line)
    if _line_key(line) in {_line_key(listed) for listed in petition.proper_noun_list}:
        raise ValidationError(
            _("“%(name)s” is already in the list.") % {"name": line}, code="name_duplicate"
        )
    listed = petition.proper_noun_list
    return petition_names_update(petition=petition, proper_nouns="\n".join([*listed, line]))


def petition_name_suggestions(*, text: PetitionText) -> list[Suggestion]:
    """Names to offer on the review of a converted Latin or Cyrillic version: words the
    petition's versions written or reviewed by a person capitalise, and common Uyghur names,
    that this version writes in lower case and the Names list lacks."""
    if text.language not in NAMED_SCRIPTS:
        return []
    petition = text.petition
    others = [
        (other.language, _joined(other))
        for other in petition.texts.exclude(pk=text.pk).exclude(
            origin=PetitionText.Origin.CONVERTED
        )
        if other.language != "ug"
    ]
    return suggest_names(
        _joined(text), script=text.language, listed=petition.proper_noun_list, others=others
    )


def _joined(text: PetitionText) -> str:
    # Fields are separate sentences: a field's first word is not taken for a name.
    return "\n".join(str(getattr(text, field)) for field in _CONVERTED_FIELDS)
