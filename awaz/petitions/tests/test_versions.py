"""Every change to what a petition's page shows draws a new content version."""

import datetime
from collections.abc import Callable

import pytest

from awaz.petitions.models import Milestone, Petition, PetitionLink, PetitionText
from awaz.petitions.responses import response_record
from awaz.petitions.services import LinkInput
from awaz.petitions.updates import update_post
from tests.factories import PUBLISHED, make_petition, make_text

pytestmark = pytest.mark.django_db


def version(petition: Petition) -> int:
    return Petition.objects.values_list("content_version", flat=True).get(pk=petition.pk)


def _save_petition(petition: Petition) -> None:
    petition.victory_statement = "Soon."
    petition.save()


def _stale_save(petition: Petition) -> None:
    stale = Petition.objects.get(pk=petition.pk)
    make_text(petition, language="en", title="Changed meanwhile")
    stale.save()  # writes its old version back; its own save draws a new one after it


def _delete_link(petition: Petition) -> None:
    PetitionLink.objects.filter(text__petition=petition).delete()


def _delete_text(petition: Petition) -> None:
    PetitionText.objects.filter(petition=petition, language="ug").delete()


def _edit_update_text(petition: Petition) -> None:
    update = update_post(petition=petition, by=None, language="en", title="One", body="x")
    text = update.texts.get()
    before = version(petition)
    text.title = "Two"
    text.save()
    assert version(petition) != before


def _delete_update(petition: Petition) -> None:
    update = update_post(petition=petition, by=None, language="en", title="One", body="x")
    before = version(petition)
    update.delete()
    assert version(petition) != before


def _rename_organization(petition: Petition) -> None:
    organization = petition.organization
    organization.name = "Renamed"
    organization.save()


CHANGES: dict[str, Callable[[Petition], object]] = {
    "its organization renamed": _rename_organization,
    "the petition saved": _save_petition,
    "the petition saved from a stale copy": _stale_save,
    "a text written": lambda p: make_text(p, language="en", title="New title"),
    "links replaced": lambda p: make_text(
        p, language="en", title="Free the voices [en]", links=(LinkInput("B", "https://b.org"),)
    ),
    "a link deleted": _delete_link,
    "a text deleted, its links with it": _delete_text,
    "an update posted": lambda p: update_post(
        petition=p, by=None, language="en", title="News", body="x"
    ),
    "an update's text edited": _edit_update_text,
    "an update deleted": _delete_update,
    "a response recorded": lambda p: response_record(
        petition=p, by=None, responded_on=datetime.date(2020, 1, 1), texts={"en": "No."}
    ),
    "a milestone reached": lambda p: Milestone.objects.create(
        petition=p, goal=100, reached_at=PUBLISHED
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_draws_a_new_version(change: str):
    petition = make_petition(
        languages=("en", "ug"), links=(LinkInput(title="A", url="https://example.org/a"),)
    )
    before = version(petition)
    CHANGES[change](petition)
    assert version(petition) != before


def test_versions_are_not_reused():
    petition = make_petition()
    seen = {version(petition)}
    for number in range(5):
        make_text(petition, language="en", title=f"Title {number}")
        seen.add(version(petition))
    assert len(seen) == 6


def test_deleting_a_petition_with_everything_on_it_works():
    petition = make_petition(languages=("en", "ug"), links=(LinkInput("A", "https://a.org"),))
    update_post(petition=petition, by=None, language="en", title="News", body="x")
    Milestone.objects.create(petition=petition, goal=100, reached_at=PUBLISHED)
    Petition.objects.filter(pk=petition.pk).delete()
    assert not Petition.objects.filter(pk=petition.pk).exists()
