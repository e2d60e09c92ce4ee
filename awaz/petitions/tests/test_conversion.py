"""The other two Uyghur scripts, generated from the one a person wrote, with the real converter."""

import pytest

import awaz.scripts as scripts
from awaz.petitions.conversion import petition_text_convert_again
from awaz.petitions.models import PetitionText
from awaz.petitions.services import LinkInput, petition_text_review
from awaz.petitions.writing import (
    petition_settings_update,
    petition_start,
    petition_text_write,
)
from tests.factories import make_organization
from tests.organizers import make_user

pytestmark = pytest.mark.django_db

TITLE = "ئىلھام توختىنى قويۇپ بېرىڭ"
BODY = "بىز ئىلھام توختىنى قوللايمىز.\n\nئۇنى قويۇپ بېرىڭ."


def convert(text: str, target: str, names: tuple[str, ...] = ()) -> str:
    return str(scripts.convert(text, source="ug", target=target, proper_nouns=names))


def start_in_uyghur(**fields: object):
    values: dict[str, object] = {
        "organization": make_organization(),
        "by": make_user(),
        "original_language": "ug",
        "title": TITLE,
        "target": "خىتاي ھۆكۈمىتى",
        "body": BODY,
        "links": [LinkInput("ئۇيغۇر كىشىلىك ھوقۇق قۇرۇلۇشى", "https://uhrp.org/")],
        "proper_nouns": "Ilham Toxti",
    }
    values.update(fields)
    return petition_start(**values)  # type: ignore[arg-type]


def test_writing_in_arabic_script_generates_latin_and_cyrillic_versions_to_review():
    petition = start_in_uyghur()
    texts = {text.language: text for text in petition.texts.all()}
    assert set(texts) == {"ug", "ug-latn", "ug-cyrl"}
    for target in ("ug-latn", "ug-cyrl"):
        text = texts[target]
        assert (text.origin, text.converted_from) == (PetitionText.Origin.CONVERTED, "ug")
        assert text.title == convert(TITLE, target, ("Ilham Toxti",))
        assert text.body == convert(BODY, target, ("Ilham Toxti",))
        [link] = text.links.all()
        assert link.url == "https://uhrp.org/"
        assert link.title == convert("ئۇيغۇر كىشىلىك ھوقۇق قۇرۇلۇشى", target, ("Ilham Toxti",))
    assert "Ilham Toxti" in texts["ug-latn"].title  # the names list gives the capitals


def test_a_petition_in_arabic_script_gets_a_latin_address():
    petition = start_in_uyghur()
    assert petition.slug == "ilham-toxtini-qoyup-bering"


def test_editing_the_source_regenerates_unreviewed_versions_and_keeps_reviewed_ones():
    petition = start_in_uyghur()
    author = petition.created_by
    latin = petition.texts.get(language="ug-latn")
    petition_text_review(text=latin, by=author)
    new_body = "ئۇنى دەرھال قويۇپ بېرىڭ."
    petition_text_write(
        petition=petition, language="ug", by=author, title=TITLE, target="خىتاي", body=new_body
    )
    latin.refresh_from_db()
    cyrillic = petition.texts.get(language="ug-cyrl")
    assert latin.body == convert(BODY, "ug-latn", ("Ilham Toxti",))  # reviewed: untouched
    assert cyrillic.body == convert(new_body, "ug-cyrl", ("Ilham Toxti",))
    assert cyrillic.origin == PetitionText.Origin.CONVERTED


def test_converting_again_replaces_a_reviewed_version_on_request():
    petition = start_in_uyghur()
    author = petition.created_by
    latin = petition.texts.get(language="ug-latn")
    petition_text_write(
        petition=petition, language="ug-latn", by=author, title="Mine", target="T", body="B"
    )
    again = petition_text_convert_again(text=latin, by=author)
    assert again.title == convert(TITLE, "ug-latn", ("Ilham Toxti",))
    assert again.origin == PetitionText.Origin.CONVERTED


def test_writing_in_latin_script_generates_arabic_and_cyrillic():
    petition = start_in_uyghur(
        original_language="ug-latn", title="Ilham Toxtini qoyup béring", body="Uni qoyup béring."
    )
    texts = {text.language: text for text in petition.texts.all()}
    assert texts["ug"].converted_from == "ug-latn"
    assert texts["ug"].title == scripts.convert(
        "Ilham Toxtini qoyup béring", source="ug-latn", target="ug", proper_nouns=["Ilham Toxti"]
    )


def test_new_names_recapitalize_the_versions_nobody_reviewed_yet():
    petition = start_in_uyghur(proper_nouns="")
    latin = petition.texts.get(language="ug-latn")
    assert latin.body.startswith("Biz ilham toxtini")
    petition_text_review(text=petition.texts.get(language="ug-cyrl"), by=petition.created_by)
    petition_settings_update(
        petition=petition,
        first_goal=petition.first_goal,
        closes_at=None,
        offered_languages=[],
        proper_nouns="Ilham Toxti",
    )
    assert petition.texts.get(language="ug-latn").body.startswith("Biz Ilham Toxtini")
    assert petition.texts.get(language="ug-cyrl").body.startswith("Биз илһам тохтини")


def test_russian_loans_are_written_the_kazakhstan_way_in_the_cyrillic_version():
    petition = start_in_uyghur(body="كونستىتۇتسىيە ۋە ئېنېرگىيە")
    assert petition.texts.get(language="ug-cyrl").body == "Конституция вә энергия"


def test_a_loan_line_in_the_names_list_adds_or_overrides_a_loan():
    petition = start_in_uyghur(
        body="ئادالەت ۋە كونستىتۇتسىيە",
        proper_nouns="Ilham Toxti\nئادالەت = адалет\nكونستىتۇتسىيە = конституциа",
    )
    assert petition.texts.get(language="ug-cyrl").body == "Адалет вә конституциа"
    assert petition.texts.get(language="ug-latn").body == "Adalet we konstitutsiye"


def test_an_organizers_own_cyrillic_spelling_in_a_reviewed_version_is_never_overwritten():
    petition = start_in_uyghur(body="كونستىتۇتسىيە")
    author = petition.created_by
    petition_text_write(
        petition=petition, language="ug-cyrl", by=author, title="T", target="T", body="Конституцийә"
    )
    petition_settings_update(
        petition=petition,
        first_goal=petition.first_goal,
        closes_at=None,
        offered_languages=[],
        proper_nouns="كونستىتۇتسىيە = конституциа",
    )
    petition_text_write(
        petition=petition, language="ug", by=author, title=TITLE, target="T", body="كونستىتۇتسىيە"
    )
    assert petition.texts.get(language="ug-cyrl").body == "Конституцийә"
