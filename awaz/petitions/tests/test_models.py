import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from awaz.petitions.models import Petition, PetitionLink
from awaz.petitions.services import LinkInput, petition_text_save
from tests.factories import make_petition

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
        "example.org",
    ],
)
def test_a_link_that_is_not_a_web_address_is_refused(url):
    petition = make_petition()
    with pytest.raises(ValidationError) as error:
        petition_text_save(
            petition=petition,
            language="en",
            title="Title",
            target="Someone",
            body="Body",
            links=[LinkInput("Read more", url)],
        )
    assert "https://" in str(error.value)
    assert list(PetitionLink.objects.all()) == []


def test_the_database_refuses_a_link_that_is_not_a_web_address():
    petition = make_petition(links=(LinkInput("ok", "https://example.org/"),))
    link = PetitionLink.objects.get()
    link.url = "javascript:alert(1)"
    with pytest.raises(IntegrityError), transaction.atomic():
        link.save()
    assert petition.texts.get().links.get().url == "https://example.org/"


def test_a_visible_petition_must_have_a_publication_date():
    petition = make_petition(status=Petition.Status.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.OPEN)


def test_a_petition_has_one_text_per_language():
    petition = make_petition(languages=("en",))
    with pytest.raises(IntegrityError), transaction.atomic():
        petition.texts.create(language="en", title="Again", target="x", body="y")


def test_saving_a_text_again_replaces_its_links():
    petition = make_petition(links=(LinkInput("One", "https://example.org/1"),))
    petition_text_save(
        petition=petition,
        language="en",
        title="New title",
        target="Someone",
        body="Body",
        links=[LinkInput("Two", "https://example.org/2"), LinkInput("Three", "http://x.org/3")],
    )
    text = petition.texts.get()
    assert text.title == "New title"
    assert [link.title for link in text.links.all()] == ["Two", "Three"]
