"""The organizer follows the signatures, exports them, delivers them and posts updates."""

import csv
import hashlib
import io
import re

import pypdfium2
import pytest

from awaz.audit.models import AuditEntry
from awaz.organizations.models import Role
from awaz.petitions.models import PetitionUpdate
from awaz.privacy import crypto
from awaz.signatures.models import Signature
from tests.factories import make_petition, make_signatures
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db


def streamed(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


def base(membership, petition):
    return f"/en/dashboard/organizations/{membership.organization.slug}/petitions/{petition.slug}/"


@pytest.fixture
def owner():
    return make_member(Role.OWNER)


@pytest.fixture
def petition(owner):
    petition = make_petition(organization=owner.organization, title="Free them")
    make_signatures(petition, 12, country="DE")
    make_signatures(petition, 3, country="IS")
    make_signatures(petition, 2, status="pending")
    return petition


def test_the_petition_page_shows_counts_a_chart_and_countries_above_k(owner, petition):
    html = client_for(owner.user).get(base(owner, petition)).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Confirmed 15" in text and "Waiting for confirmation 2" in text
    assert "<svg" in html and 'role="img"' in html and "<rect" in html
    countries = html.split("By country", 1)[1].split("</table>", 1)[0]
    assert "Germany" in countries and "Iceland" not in countries
    assert "Germany 12" in text
    assert "Countries with fewer than 10, together 3" in text


def test_the_export_streams_only_what_signers_agreed_to_and_is_audited(owner, petition):
    agreed = Signature.objects.filter(petition=petition, country="DE").first()
    assert agreed is not None
    Signature.objects.filter(pk=agreed.pk).update(
        contact_consent=True, email_encrypted=crypto.encrypt("agreed@example.org")
    )
    response = client_for(owner.user).get(base(owner, petition) + "signatures.csv")
    assert response["Content-Disposition"].startswith('attachment; filename="')
    rows = list(csv.reader(io.StringIO(streamed(response).decode("utf-8-sig"))))
    assert len(rows) == 1 + 15
    assert sum(1 for row in rows if row[5] == "agreed@example.org") == 1
    (entry,) = AuditEntry.objects.filter(action="signatures.export")
    assert entry.actor == owner.user and entry.target == f"petitions.petition:{petition.pk}"


def test_the_delivery_pdf_certifies_the_delivery_list_by_its_digest(owner, petition):
    client = client_for(owner.user)
    listing = streamed(client.get(base(owner, petition) + "delivery-list.csv"))
    response = client.get(base(owner, petition) + "delivery.pdf?names=1")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    entry = AuditEntry.objects.get(action="signatures.delivery")
    assert entry.details["sha256"] == hashlib.sha256(listing).hexdigest()
    assert b"@" not in listing.split(b"\n", 1)[1]  # no e-mail address in the delivered list


@pytest.mark.parametrize("suffix", ["signatures.csv", "delivery-list.csv", "delivery.pdf"])
def test_a_viewer_cannot_download_personal_data(petition, owner, suffix):
    viewer = make_member(Role.VIEWER, organization=owner.organization)
    assert client_for(viewer.user).get(base(owner, petition) + suffix).status_code == 403
    assert not AuditEntry.objects.filter(action__startswith="signatures.").exists()


@pytest.mark.parametrize("suffix", ["signatures.csv", "delivery.pdf", "updates/new/"])
def test_another_organization_sees_nothing(petition, owner, suffix):
    stranger = make_member(Role.OWNER)
    url = f"/en/dashboard/organizations/{stranger.organization.slug}/petitions/{petition.slug}/"
    assert client_for(stranger.user).get(url + suffix).status_code == 404
    own_org_url = base(owner, petition) + suffix
    assert client_for(stranger.user).get(own_org_url).status_code == 404


def test_an_editor_posts_an_update_and_adds_a_version(owner, petition):
    client = client_for(owner.user)
    response = client.post(
        base(owner, petition) + "updates/new/",
        {"language": "en", "title": "We met the ministry", "body": "It went **well**."},
    )
    update = PetitionUpdate.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"updates/{update.pk}/")
    client.post(
        base(owner, petition) + f"updates/{update.pk}/tr/",
        {"title": "Bakanlıkla görüştük", "body": "İyi geçti."},
    )
    assert sorted(update.texts.values_list("language", flat=True)) == ["en", "tr"]


def test_an_update_with_html_is_refused(owner, petition):
    response = client_for(owner.user).post(
        base(owner, petition) + "updates/new/",
        {"language": "en", "title": "x", "body": "<script>alert(1)</script>"},
    )
    assert response.status_code == 200
    assert "HTML tags" in response.content.decode()
    assert not PetitionUpdate.objects.exists()


def test_sending_an_update_needs_a_post_and_an_editor(owner, petition):
    client = client_for(owner.user)
    client.post(
        base(owner, petition) + "updates/new/", {"language": "en", "title": "t", "body": "b"}
    )
    update = PetitionUpdate.objects.get()
    send = base(owner, petition) + f"updates/{update.pk}/send/"
    followed = client.get(send)  # a reload of the address: back to the update, nothing sent
    assert (followed.status_code, followed["Location"]) == (302, send.removesuffix("send/"))
    viewer = make_member(Role.VIEWER, organization=owner.organization)
    assert client_for(viewer.user).post(send).status_code == 403
    assert client.post(send).status_code == 302
    update.refresh_from_db()
    assert update.emailed_at is not None


def test_the_organization_sees_first_names_only_as_the_sign_form_promises(owner, petition):
    # make_signatures names everyone "Signer<n>x<i> Family"; the sign form promises first names.
    html = client_for(owner.user).get(base(owner, petition)).content.decode()
    comments = html.split('class="comments"', 1)[1].split("</ul>", 1)[0]
    assert "Signer" in comments and "Family" not in comments
    assert "Germany" in comments and "Iceland" not in comments  # 3 from Iceland: below k
    export = streamed(client_for(owner.user).get(base(owner, petition) + "signatures.csv"))
    assert b"Signer" in export and b"Family" not in export


def test_the_delivery_document_names_public_signers_by_their_first_name(owner, petition):
    response = client_for(owner.user).get(base(owner, petition) + "delivery.pdf?names=1")
    document = pypdfium2.PdfDocument(response.content)
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    assert "Signers who chose to show their first name" in text
    assert "Signer" in text and "Family" not in text
