"""The Names list: cleaning, adding a name, and the names suggested for a converted version."""

import pytest
from django.core.exceptions import ValidationError

from awaz.petitions.models import PetitionText
from awaz.petitions.names import (
    clean_proper_nouns,
    petition_name_add,
    petition_name_suggestions,
    petition_names_update,
)
from awaz.petitions.writing import petition_start, petition_text_write
from awaz.scripts.names import Suggestion
from tests.factories import make_organization
from tests.organizers import make_user

pytestmark = pytest.mark.django_db


def start(body: str, **fields: object):
    values: dict[str, object] = {
        "organization": make_organization(),
        "by": make_user(),
        "original_language": "ug",
        "title": "ئائىلىلەرنى قوغدايلى",
        "target": "ب د ت",
        "body": body,
    }
    values.update(fields)
    return petition_start(**values)  # type: ignore[arg-type]


def test_a_clean_list_keeps_names_and_loans_one_per_line() -> None:
    listed = "  Ilham   Toxti \n\nئۈرۈمچى\nكونستىتۇتسىيە=конституция\nAlma-Ata\nO'zbek"
    assert clean_proper_nouns(listed) == (
        "Ilham Toxti\nئۈرۈمچى\nكونستىتۇتسىيە = конституция\nAlma-Ata\nO'zbek"
    )


def test_a_bad_list_names_every_line_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        clean_proper_nouns("Qeshqer\nqeshqer\n<i>x</i>\n@handle\n" + "q" * 101)
    assert refused.value.message_dict == {
        "proper_nouns": [
            "“qeshqer” is in the list twice.",
            "“<i>x</i>” is not a name: use letters, spaces, hyphens and apostrophes only "
            "(no digits, markup or links).",
            "“@handle” is not a name: use letters, spaces, hyphens and apostrophes only "
            "(no digits, markup or links).",
            "A name has at most 100 characters; “" + "q" * 40 + "…” has more.",
        ]
    }


def test_a_name_spelt_in_another_script_is_the_same_name() -> None:
    with pytest.raises(ValidationError, match="twice"):
        clean_proper_nouns("Ürümchi\nئۈرۈمچى")


def test_adding_a_name_converts_only_the_versions_nobody_reviewed() -> None:
    petition = start("بىز ئۈرۈمچىدە تۇرىمىز.")
    cyrillic = petition.texts.get(language="ug-cyrl")
    petition_text_write(
        petition=petition,
        language="ug-cyrl",
        by=make_user(),
        title=cyrillic.title,
        target=cyrillic.target,
        body=cyrillic.body,
    )
    petition_name_add(petition=petition, name=" Ürümchi ")
    assert petition.proper_nouns == "Ürümchi"
    assert petition.texts.get(language="ug-latn").body == "Biz Ürümchide turimiz."
    assert petition.texts.get(language="ug-cyrl").body == "Биз үрүмчидә туримиз."


def test_an_unchanged_list_converts_nothing_again() -> None:
    petition = start("بىز ئۈرۈمچىدە تۇرىمىز.", proper_nouns="Ürümchi")
    latin = petition.texts.get(language="ug-latn")
    petition_names_update(petition=petition, proper_nouns="Ürümchi\n")
    assert petition.texts.get(language="ug-latn").updated_at == latin.updated_at


def test_suggestions_come_from_the_english_version_and_the_common_names() -> None:
    petition = start("بىز قەشقەر ۋە ئۈرۈمچى ۋە دولقۇن ئۈچۈن.")
    petition_text_write(
        petition=petition,
        language="en",
        by=make_user(),
        title="For them",
        target="The UN",
        body="We stand for Kashgar and for Dolkun.",
    )
    latin = petition.texts.get(language="ug-latn")
    assert latin.origin == PetitionText.Origin.CONVERTED
    assert petition_name_suggestions(text=latin) == [
        Suggestion("Qeshqer", "en"),
        Suggestion("Dolkun", "en"),
        Suggestion("Ürümchi", ""),
    ]
    petition_name_add(petition=petition, name="Dolkun")
    latin = petition.texts.get(language="ug-latn")
    assert "Dolqun" in latin.body
    assert petition_name_suggestions(text=latin) == [
        Suggestion("Qeshqer", "en"),
        Suggestion("Ürümchi", ""),
    ]
    assert petition_name_suggestions(text=petition.texts.get(language="ug")) == []
