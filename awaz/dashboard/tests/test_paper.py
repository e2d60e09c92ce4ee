"""Paper signatures in the workspace: the sheet, the batches, undoing one, bad input."""

import pypdfium2
import pytest

from awaz.organizations.models import Role
from awaz.signatures.counting import live_count
from awaz.signatures.models import PaperBatch
from awaz.signatures.paper import paper_batch_record
from tests.browser import ARTIFACTS
from tests.factories import make_petition, make_signatures
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_member(Role.EDITOR)


@pytest.fixture
def petition(editor):
    petition = make_petition(organization=editor.organization, languages=("en", "ug"))
    make_signatures(petition, 4)
    return petition


def paper_url(membership, petition, tail=""):
    org = membership.organization.slug
    return f"/en/dashboard/organizations/{org}/petitions/{petition.slug}/paper/{tail}"


def _text(pdf: bytes) -> str:
    return str(pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range())


def test_an_editor_records_a_batch_and_sees_online_and_paper_apart(editor, petition):
    client = client_for(editor.user)
    response = client.post(paper_url(editor, petition), {"count": "350", "note": "Rally"})
    assert response.status_code == 302
    page = client.get(paper_url(editor, petition)).content.decode()
    assert "4 online, 350 on paper." in page
    assert "Rally" in page
    assert live_count(petition.pk) == 354
    detail = client.get(paper_url(editor, petition).removesuffix("paper/")).content.decode()
    assert "4 online, 350 on paper" in detail


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"count": "0"}, "Record at least one signature."),
        ({"count": "-3"}, "Record at least one signature."),
        ({"count": "99999999999999999999"}, "at most 100,000 signatures"),
        ({"count": "twelve"}, "Enter a whole number."),
        ({"count": "5", "note": "x" * 501}, "The note is too long"),
    ],
)
def test_bad_input_answers_with_a_message_and_changes_nothing(editor, petition, data, message):
    response = client_for(editor.user).post(paper_url(editor, petition), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PaperBatch.objects.exists()
    assert live_count(petition.pk) == 4


def test_undoing_a_batch_from_the_dashboard(editor, petition):
    batch = paper_batch_record(petition=petition, by=editor.user, count=25)
    client = client_for(editor.user)
    assert client.post(paper_url(editor, petition, f"{batch.pk}/undo/")).status_code == 302
    assert live_count(petition.pk) == 4
    again = client.post(paper_url(editor, petition, f"{batch.pk}/undo/"), follow=True)
    assert "undone already" in again.content.decode()
    assert live_count(petition.pk) == 4


def test_a_viewer_sees_the_batches_but_records_nothing(petition, editor):
    viewer = make_member(Role.VIEWER, organization=editor.organization)
    batch = paper_batch_record(petition=petition, by=editor.user, count=25)
    client = client_for(viewer.user)
    assert client.get(paper_url(viewer, petition)).status_code == 200
    assert client.post(paper_url(viewer, petition), {"count": "5"}).status_code == 403
    assert client.post(paper_url(viewer, petition, f"{batch.pk}/undo/")).status_code == 403
    assert live_count(petition.pk) == 29


def test_another_organization_sees_nothing(petition):
    stranger = make_member(Role.OWNER)
    client = client_for(stranger.user)
    url = (
        f"/en/dashboard/organizations/{stranger.organization.slug}/petitions/{petition.slug}/paper/"
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("language", ["en", "ug"])
def test_the_sheet_is_a_pdf_in_the_petitions_language(editor, petition, language):
    response = client_for(editor.user).get(
        paper_url(editor, petition, "sheet.pdf"), {"language": language}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    page = pypdfium2.PdfDocument(pdf)[0]
    path = ARTIFACTS / "screenshots" / f"paper-sheet-{language}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.render(scale=1.3).to_pil().save(path)
    text = _text(pdf)
    assert "20" in text
    if language == "en":
        assert "Full name" in text and "Signature" in text and "Free the voices" in text


def test_the_delivery_document_shows_paper_apart(editor, petition):
    paper_batch_record(petition=petition, by=editor.user, count=1204)
    org = editor.organization.slug
    url = f"/en/dashboard/organizations/{org}/petitions/{petition.slug}/delivery.pdf"
    text = _text(client_for(editor.user).get(url, {"language": "en"}).content)
    assert "4 online, 1,204 on paper." in " ".join(text.split())
