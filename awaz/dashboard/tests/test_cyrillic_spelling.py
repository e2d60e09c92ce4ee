"""The Cyrillic spelling setting (issue 16) on the settings page and the guided form."""

import re

import pytest

from awaz.organizations.models import Role
from awaz.petitions.conversion import petition_texts_convert
from awaz.petitions.models import Petition
from awaz.petitions.services import petition_text_save
from tests.factories import make_petition
from tests.organizers import client_for, make_member

from .test_petitions import new_petition_url, petition_url, start_form

pytestmark = pytest.mark.django_db

KAZAKHSTAN = Petition.CyrillicSpelling.KAZAKHSTAN
STANDARD = Petition.CyrillicSpelling.STANDARD


@pytest.fixture
def editor():
    return make_member(Role.EDITOR)


def uyghur_draft(editor, spelling: str) -> Petition:
    petition = make_petition(
        organization=editor.organization,
        status=Petition.Status.DRAFT,
        languages=("ug",),
        cyrillic_spelling=spelling,
    )
    source = petition_text_save(
        petition=petition,
        language="ug",
        title="قازاقىستان ئۇيغۇرلىرى",
        target="ھۆكۈمەت",
        summary="",
        body="بۇ يىل.",
        links=(),
    )
    petition_texts_convert(source=source)
    return petition


def test_the_settings_page_offers_both_spellings_and_saves_the_choice(editor):
    petition = uyghur_draft(editor, STANDARD)
    dashboard = client_for(editor.user)
    url = f"{petition_url(petition)}settings/"
    page = dashboard.get(url).content.decode()
    assert "Cyrillic spelling" in page
    assert "As written in Kazakhstan (Uyghur Avazi)" in page
    assert "Standard (DB65/T 3691, as RFA writes)" in page
    assert re.search(r'name="cyrillic_spelling" value="standard"[^>]*checked', page)
    response = dashboard.post(url, {"first_goal": 100, "cyrillic_spelling": "kazakhstan"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.cyrillic_spelling == KAZAKHSTAN
    assert petition.texts.get(language="ug-cyrl").title == "Қазақстан уйғурлири"


def test_a_bad_spelling_is_refused_and_nothing_changes(editor):
    petition = uyghur_draft(editor, STANDARD)
    response = client_for(editor.user).post(
        f"{petition_url(petition)}settings/", {"first_goal": 7, "cyrillic_spelling": "latin"}
    )
    assert response.status_code == 400
    assert "Select a valid choice. latin is not one of the available choices." in (
        response.content.decode()
    )
    petition.refresh_from_db()
    assert (petition.cyrillic_spelling, petition.first_goal) == (STANDARD, 500)
    assert petition.texts.get(language="ug-cyrl").title == "Қазақистан уйғурлири"


def test_a_settings_form_without_the_field_keeps_the_spelling(editor):
    petition = uyghur_draft(editor, STANDARD)
    client_for(editor.user).post(f"{petition_url(petition)}settings/", {"first_goal": 9})
    petition.refresh_from_db()
    assert (petition.cyrillic_spelling, petition.first_goal) == (STANDARD, 9)


@pytest.mark.parametrize(
    ("posted", "saved"), [({}, KAZAKHSTAN), ({"cyrillic_spelling": "standard"}, STANDARD)]
)
def test_the_guided_form_chooses_the_spelling_kazakhstan_first(editor, posted, saved):
    dashboard = client_for(editor.user)
    page = dashboard.get(new_petition_url(editor)).content.decode()
    assert "As written in Kazakhstan (Uyghur Avazi)" in page
    form = start_form(
        original_language="ug",
        title="قازاقىستان ئۇيغۇرلىرى",
        target="ھۆكۈمەت",
        summary="",
        body="بۇ يىل.",
        image_alt="",
        offered_languages=[],
        **posted,
    )
    assert dashboard.post(new_petition_url(editor), form).status_code == 302
    petition = Petition.objects.get()
    assert petition.cyrillic_spelling == saved
    title = petition.texts.get(language="ug-cyrl").title
    assert title == ("Қазақстан уйғурлири" if saved == KAZAKHSTAN else "Қазақистан уйғурлири")
