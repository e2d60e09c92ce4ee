"""Sharing: plain links with the reader's words, Open Graph tags, the share picture, QR codes."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from PIL import Image, features

from awaz.petitions.lifecycle import petition_close, petition_declare_victory
from awaz.petitions.models import Petition
from tests.factories import make_petition
from tests.organizers import make_user

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def share_links(html: str) -> dict[str, str]:
    box = html[html.index('class="share-box"') :]
    box = box[: box.index("</section>")]
    return {
        name: href.replace("&amp;", "&")
        for href, name in re.findall(
            r'<a href="([^"]+)" rel="noopener noreferrer"><bdi>([^<]+)</bdi></a>', box
        )
    }


def test_the_petition_page_offers_share_links_in_the_readers_language(client: Client):
    petition = make_petition(title="Free them", languages=("en", "ru"))
    links = share_links(client.get(f"/ru/petitions/{petition.slug}/").content.decode())
    assert set(links) >= {"WhatsApp", "Telegram", "Facebook", "X", "VK"}
    telegram = parse_qs(urlsplit(links["Telegram"]).query)
    assert telegram["url"] == [f"{SITE}/ru/petitions/{petition.slug}/"]
    assert telegram["text"] == ["Подпишите петицию «Free them [ru]»"]
    for href in links.values():
        assert "utm_" not in href


def test_the_copy_field_holds_the_address_without_javascript(client: Client):
    petition = make_petition()
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert f'value="{SITE}/en/petitions/{petition.slug}/" readonly' in html


def test_open_graph_tags_describe_each_language_version(client: Client):
    petition = make_petition(title="Justice", languages=("en", "ug"))
    html = client.get(f"/ug/petitions/{petition.slug}/").content.decode()
    tags = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
    assert tags["og:title"] == "Justice [ug]"
    assert tags["og:url"] == f"{SITE}/ug/petitions/{petition.slug}/"
    assert tags["og:locale"] == "ug"
    assert '<meta property="og:locale:alternate" content="en">' in html
    assert tags["og:image"] == f"{SITE}/ug/petitions/{petition.slug}/share.png"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "Justice [ug]"
    assert f'<link rel="canonical" href="{SITE}/ug/petitions/{petition.slug}/">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_raqm_is_there_to_shape_uyghur():
    assert features.check("raqm"), "Pillow cannot shape Arabic script without libraqm"


@pytest.mark.parametrize("language", ["en", "ug", "ug-latn"])
def test_the_share_picture_is_a_1200_by_630_png(client: Client, language: str):
    petition = make_petition(title="ئادالەت", languages=("en", "ug", "ug-latn"))
    response = client.get(f"/{language}/petitions/{petition.slug}/share.png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1200, 630)
    # Text was drawn: the picture is not one flat colour.
    assert len(image.convert("L").getcolors(maxcolors=100_000) or []) > 10


def test_the_share_picture_is_made_once_per_version_and_goal(client: Client, monkeypatch):
    from awaz.public import shareimage

    made: list[shareimage.Card] = []
    real = shareimage.render

    def counting_render(card: shareimage.Card) -> bytes:
        made.append(card)
        return real(card)

    monkeypatch.setattr(shareimage, "render", counting_render)
    petition = make_petition(first_goal=100)
    url = f"/en/petitions/{petition.slug}/share.png"
    client.get(url)
    client.get(url)
    assert len(made) == 1
    Petition.objects.filter(pk=petition.pk).update(signature_count=150)  # past the first goal
    client.get(url)
    assert len(made) == 2
    assert made[-1].goal == "Let's get to 500!"


@pytest.mark.parametrize(
    "status",
    [
        Petition.Status.DRAFT,
        Petition.Status.PENDING,
        Petition.Status.REJECTED,
        Petition.Status.REMOVED,
    ],
)
@pytest.mark.parametrize("path", ["share.png", "qr.svg", "qr.png"])
def test_a_hidden_petition_has_no_picture_or_code(client: Client, status: str, path: str):
    petition = make_petition(status=status)
    assert client.get(f"/en/petitions/{petition.slug}/{path}").status_code == 404


def test_the_qr_codes_are_an_svg_and_a_png(client: Client):
    petition = make_petition()
    svg = client.get(f"/en/petitions/{petition.slug}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    png = client.get(f"/en/petitions/{petition.slug}/qr.png")
    assert Image.open(io.BytesIO(png.content)).format == "PNG"


def test_the_thank_you_page_offers_the_same_links(client: Client):
    petition = make_petition(title="Free them", languages=("en", "ug"))
    html = client.get(f"/ug/petitions/{petition.slug}/thank-you/").content.decode()
    telegram = parse_qs(urlsplit(share_links(html)["Telegram"]).query)
    assert telegram["url"] == [f"{SITE}/ug/petitions/{petition.slug}/"]


@pytest.mark.parametrize(("size", "points"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_the_flyer_is_one_page_of_the_chosen_size(
    client: Client, size: str, points: tuple[int, int]
):
    import pypdfium2

    petition = make_petition(title="Justice", languages=("en", "ug"))
    response = client.get(f"/ug/petitions/{petition.slug}/flyer-{size}.pdf")
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.content)
    assert len(pdf) == 1
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == points


def test_the_petition_page_links_to_the_flyers(client: Client):
    petition = make_petition()
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert f'href="/en/petitions/{petition.slug}/flyer-a4.pdf"' in html
    assert f'href="/en/petitions/{petition.slug}/flyer-letter.pdf"' in html


def test_an_ended_petition_is_shared_with_its_outcome_not_a_call_to_sign(
    client: Client, monkeypatch
):
    from awaz.public import shareimage

    made: list[shareimage.Card] = []
    real = shareimage.render

    def counting_render(card: shareimage.Card) -> bytes:
        made.append(card)
        return real(card)

    monkeypatch.setattr(shareimage, "render", counting_render)
    staff = make_user(staff_role="moderator")
    won = petition_declare_victory(
        petition=make_petition(title="Freed", languages=("en", "ru")),
        by=staff,
        statement="Released.",
    )
    closed = petition_close(petition=make_petition(title="Over"), by=staff)

    links = share_links(client.get(f"/ru/petitions/{won.slug}/").content.decode())
    assert parse_qs(urlsplit(links["Telegram"]).query)["text"] == ["Петиция «Freed [ru]» победила"]
    links = share_links(client.get(f"/en/petitions/{closed.slug}/").content.decode())
    assert parse_qs(urlsplit(links["Telegram"]).query)["text"] == ["Read the petition “Over [en]”"]

    client.get(f"/en/petitions/{won.slug}/share.png")
    client.get(f"/en/petitions/{closed.slug}/share.png")
    assert [(card.counter, card.goal, card.percent) for card in made] == [
        ("0 people signed.", "This petition won.", 100),
        ("0 people signed.", "This petition is closed.", 0),
    ]
