"""The Names list on the review of a converted version: suggested names, added with one click,
and the list saved there; bad input is refused with a reason and changes nothing."""

import html

import pytest

from awaz.organizations.models import Role
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.writing import petition_start, petition_text_write
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db

TITLE = "ئۈرۈمچىدىكى ئائىلىلەرنى قوغدايلى"  # "Protect the families in Ürümchi"
BODY = "بۇ قەشقەر ۋە ئۈرۈمچىدىكى ئائىلىلەر خەۋەر ئالالمىدى."


@pytest.fixture
def editor():
    return make_member(Role.EDITOR)


@pytest.fixture
def petition(editor) -> Petition:
    found = petition_start(
        organization=editor.organization,
        by=editor.user,
        original_language="ug",
        title=TITLE,
        target="ب د ت",
        body=BODY,
        slug="families",
    )
    petition_text_write(
        petition=found,
        language="en",
        by=editor.user,
        title="Protect the families",
        target="The UN",
        body="Families in Kashgar have not heard from them.",
    )
    return found


def names_url(petition: Petition, language: str = "ug-latn", workspace: str = "en") -> str:
    organization = petition.organization.slug
    return (
        f"/{workspace}/dashboard/organizations/{organization}/petitions/{petition.slug}"
        f"/texts/{language}/"
    )


def latin(petition: Petition) -> PetitionText:
    return petition.texts.get(language="ug-latn")


def test_the_review_of_a_converted_version_suggests_names_and_shows_the_list(editor, petition):
    page = html.unescape(client_for(editor.user).get(names_url(petition)).content.decode())
    assert 'id="names"' in page
    assert 'name="proper_nouns"' in page
    assert 'name="add" value="Qeshqer"' in page  # the English version writes Kashgar
    assert "capitalized in the" in page
    assert 'name="add" value="Ürümchi"' in page  # a common Uyghur name
    assert "a common Uyghur name" in page
    cyrillic = html.unescape(
        client_for(editor.user).get(names_url(petition, "ug-cyrl")).content.decode()
    )
    assert 'name="add" value="Үрүмчи"' in cyrillic


def test_adding_a_suggestion_capitalizes_it_in_the_versions_not_yet_reviewed(editor, petition):
    assert "ürümchidiki" in latin(petition).body
    dashboard = client_for(editor.user)
    response = dashboard.post(names_url(petition) + "names/", {"add": "Ürümchi"}, follow=True)
    page = html.unescape(response.content.decode())
    assert "“Ürümchi” is added to the names" in page
    petition.refresh_from_db()
    assert petition.proper_noun_list == ["Ürümchi"]
    assert "Ürümchidiki" in latin(petition).body
    assert "Үрүмчидики" in petition.texts.get(language="ug-cyrl").body
    assert 'value="Ürümchi"' not in page  # no longer suggested
    assert latin(petition).origin == PetitionText.Origin.CONVERTED


def test_the_list_saved_on_the_review_page_is_the_settings_list(editor, petition):
    dashboard = client_for(editor.user)
    response = dashboard.post(names_url(petition) + "names/", {"proper_nouns": "Qeshqer\n\n"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.proper_nouns == "Qeshqer"
    assert "Bu Qeshqer we" in latin(petition).body
    assert "Qeshqer" in dashboard.get(names_url(petition)).content.decode()


@pytest.mark.parametrize(
    ("added", "message"),
    [
        ("", "Write a name to add."),
        ("   ", "Write a name to add."),
        ("x" * 101, "A name has at most 100 characters"),
        ("<b>Qeshqer</b>", "is not a name"),
        ("**Qeshqer**", "is not a name"),
        ("https://example.org", "is not a name"),
        ("Qeshqer 2", "is not a name"),
        ("ILHAM TOXTI = x", "is not a name"),
        ("qeshqer", "is already in the list"),
        ("قەشقەر", "is already in the list"),
    ],
)
def test_a_bad_name_to_add_is_refused_with_a_reason_and_changes_nothing(
    editor, petition, added, message
):
    petition.proper_nouns = "Qeshqer"
    petition.save(update_fields=["proper_nouns"])
    before = latin(petition).body
    response = client_for(editor.user).post(
        names_url(petition) + "names/", {"add": added}, follow=True
    )
    assert message in html.unescape(response.content.decode())
    petition.refresh_from_db()
    assert petition.proper_nouns == "Qeshqer"
    assert latin(petition).body == before


@pytest.mark.parametrize(
    ("listed", "message"),
    [
        ("Ürümchi\nürümchi", "“ürümchi” is in the list twice."),
        ("Ürümchi\n<script>alert(1)</script>", "is not a name"),
        ("Ürümchi\n" + "a" * 101, "A name has at most 100 characters"),
        ("Ürümchi\n[Qeshqer](https://example.org)", "is not a name"),
    ],
)
def test_a_bad_list_is_refused_on_the_page_and_changes_nothing(editor, petition, listed, message):
    dashboard = client_for(editor.user)
    response = dashboard.post(names_url(petition) + "names/", {"proper_nouns": listed})
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert message in page
    assert 'id="names"' in page
    petition.refresh_from_db()
    assert petition.proper_nouns == ""
    assert "ürümchidiki" in latin(petition).body


def test_the_settings_page_refuses_the_same_bad_names(editor, petition):
    response = client_for(editor.user).post(
        names_url(petition).split("texts/")[0] + "settings/",
        {"first_goal": 100, "proper_nouns": "Qeshqer\n<b>x</b>"},
    )
    assert "is not a name" in html.unescape(response.content.decode())
    petition.refresh_from_db()
    assert petition.proper_nouns == ""


def test_a_reviewed_version_offers_no_names_and_keeps_its_words(editor, petition):
    dashboard = client_for(editor.user)
    dashboard.post(names_url(petition) + "review/")
    assert 'id="names"' not in dashboard.get(names_url(petition)).content.decode()
    dashboard.post(names_url(petition, "ug-cyrl") + "names/", {"add": "Ürümchi"})
    assert "ürümchidiki" in latin(petition).body  # a person reviewed it: never overwritten
    assert "Үрүмчидики" in petition.texts.get(language="ug-cyrl").body


def test_the_names_box_in_uyghur_runs_right_to_left(editor, petition):
    response = client_for(editor.user).get(names_url(petition, workspace="ug"))
    page = html.unescape(response.content.decode())
    assert '<html lang="ug" dir="rtl">' in page
    assert 'id="names"' in page
    assert 'name="add" value="Ürümchi"' in page


def test_a_reader_cannot_change_the_names(petition):
    reader = make_member(Role.VIEWER, organization=petition.organization)
    response = client_for(reader.user).post(names_url(petition) + "names/", {"add": "Ürümchi"})
    assert response.status_code in {403, 404}
    petition.refresh_from_db()
    assert petition.proper_nouns == ""
