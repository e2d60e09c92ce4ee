import pytest

from awaz.petitions.models import Petition
from awaz.petitions.selectors import petition_removed, petition_visible
from tests.factories import make_petition

pytestmark = pytest.mark.django_db


def test_a_visible_petition_is_found_by_its_slug_and_a_removed_one_is_known_as_removed():
    shown = make_petition(slug="shown")
    make_petition(slug="gone", status=Petition.Status.REMOVED)
    make_petition(slug="draft", status=Petition.Status.DRAFT)
    assert petition_visible(slug="shown") == shown
    assert petition_visible(slug="gone") is None
    assert petition_visible(slug="draft") is None
    assert petition_visible(slug="nothing") is None
    assert petition_removed(slug="gone")
    assert not petition_removed(slug="shown")
    assert not petition_removed(slug="draft")
    assert not petition_removed(slug="nothing")
