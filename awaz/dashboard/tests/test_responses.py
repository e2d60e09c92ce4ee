"""The organizer records the decision maker's response and declares victory, per language."""

import pytest

from awaz.organizations.models import Role
from awaz.petitions.models import PetitionResponse, PetitionUpdate
from awaz.petitions.services import petition_text_save
from tests.factories import make_petition
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db


def base(membership, petition):
    return f"/en/dashboard/organizations/{membership.organization.slug}/petitions/{petition.slug}/"


def test_the_response_form_asks_for_each_written_version_and_an_https_document():
    owner = make_member(Role.EDITOR)
    petition = make_petition(organization=owner.organization, languages=("en", "ug"))
    client = client_for(owner.user)
    url = f"{base(owner, petition)}response/new/"
    form = client.get(url).content.decode()
    assert 'name="text_en"' in form and 'name="text_ug"' in form
    assert 'lang="ug" dir="rtl"' in form  # typed right to left
    refused = client.post(
        url,
        {"responded_on": "2026-03-05", "text_en": "No.", "document_url": "http://gov.example/a"},
    )
    assert refused.status_code == 400
    assert "https://" in refused.content.decode()
    assert not PetitionUpdate.objects.exists()
    done = client.post(
        url,
        {
            "responded_on": "2026-03-05",
            "text_en": "We will review it.",
            "text_ug": "قايتا كۆرۈپ چىقىمىز.",
            "document_url": "https://gov.example/a.pdf",
        },
    )
    assert done.status_code == 302
    update = PetitionUpdate.objects.get()
    assert update.kind == "response" and update.emailed_at is not None
    assert PetitionResponse.objects.get().document_url == "https://gov.example/a.pdf"
    assert sorted(update.texts.values_list("language", flat=True)) == [
        "en",
        "ug",
        "ug-cyrl",
        "ug-latn",
    ]


def test_a_reader_cannot_record_a_response():
    reader = make_member(Role.VIEWER)
    petition = make_petition(organization=reader.organization)
    response = client_for(reader.user).post(
        f"{base(reader, petition)}response/new/", {"responded_on": "2026-03-05", "text_en": "x"}
    )
    assert response.status_code in (403, 404)
    assert not PetitionUpdate.objects.exists()


def test_the_victory_form_takes_a_statement_per_written_version():
    owner = make_member(Role.OWNER)
    petition = make_petition(organization=owner.organization, languages=("en", "ru"))
    petition_text_save(
        petition=petition,
        language="ug",
        title="ئازاد",
        target="ھۆكۈمەت",
        summary="",
        body="تېكىست.",
        links=(),
    )
    client = client_for(owner.user)
    form = client.get(f"{base(owner, petition)}victory/").content.decode()
    assert 'name="statement"' in form and 'name="text_ru"' in form and 'name="text_ug"' in form
    client.post(
        f"{base(owner, petition)}victory/",
        {"statement": "He is free.", "text_ru": "Он на свободе.", "text_ug": "ئۇ ئازاد."},
    )
    russian = client.get(f"/ru/petitions/{petition.slug}/").content.decode()
    assert "Он на свободе." in russian and "He is free." not in russian
