import re
import shutil
import subprocess

import pypdfium2
import pytest

from awaz.audit.models import AuditEntry
from awaz.dashboard.delivery import (
    _FONTS,
    _PDF_FONTS,
    ForbiddenFetchError,
    OurFontsOnly,
    delivery_pdf,
)
from awaz.organizations.models import Role
from awaz.petitions.services import petition_text_save
from tests.browser import ARTIFACTS
from tests.factories import make_petition, make_signatures
from tests.organizers import client_for, make_member


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/font.woff2",
        "http://127.0.0.1:8000/admin/",
        "file:///etc/passwd",
        f"file://{_FONTS}/../awaz.css",
        f"file://{_FONTS}/OFL-noto-sans.txt",
        f"file://{_PDF_FONTS}/OFL-noto-naskh-arabic.txt",
    ],
)
def test_the_pdf_may_fetch_nothing_but_our_fonts(url):
    with pytest.raises(ForbiddenFetchError):
        OurFontsOnly().fetch(url)


def test_our_fonts_are_fetched():
    pdf_font = OurFontsOnly().fetch(f"file://{_PDF_FONTS}/noto-naskh-arabic-ug-400.woff2")
    assert pdf_font.read(4) == b"wOF2"
    response = OurFontsOnly().fetch(f"file://{_FONTS}/noto-sans-arabic-ug-400.woff2")
    assert response.read(4) == b"wOF2"


@pytest.mark.django_db
def test_a_uyghur_delivery_document_is_drawn_with_its_fonts():
    petition = make_petition(languages=("ug",), title="ئىلھام توختىنى قويۇپ بېرىڭلار")
    make_signatures(petition, 3)
    pdf, digest = delivery_pdf(petition=petition, language="ug", with_names=False)
    assert pdf.startswith(b"%PDF") and len(digest) == 64
    page = pypdfium2.PdfDocument(pdf)[0]
    # The picture, to look at (the text itself is checked by the extraction tests below).
    path = ARTIFACTS / "screenshots" / "delivery-pdf-ug-page-1.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.render(scale=1.5).to_pil().save(path)
    assert "Awaz" in page.get_textpage().get_text_range()


UYGHUR = {
    "ug": (
        "ئىلھام توختىنى قويۇپ بېرىڭلار",
        "بىز ئۇيغۇرلار كونستىتۇتسىيە ۋە ئادالەت تەلەپ قىلىمىز.",
    ),
    "ug-latn": ("Ilham Toxtini qoyup béringlar", "Biz Uyghurlar konstitutsiye we adalet telep."),
    "ug-cyrl": ("Илһам Тохтини қоюп бериңлар", "Биз уйғурлар конституция вә адаләт тәләп қилимиз."),
}
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _plain(text: str) -> str:
    # Extractors mark right-to-left runs with embedding controls and break lines: compare words.
    return " ".join(_CONTROLS.sub("", text).split())


def _uyghur_pdf(language: str) -> bytes:
    title, sentence = UYGHUR[language]
    petition = make_petition(languages=(language,), title=title)
    text = petition.texts.get(language=language)
    petition_text_save(
        petition=petition,
        language=language,
        title=title,
        target=text.target,
        summary=text.summary,
        body=sentence,
    )
    make_signatures(petition, 2)
    pdf, _digest = delivery_pdf(petition=petition, language=language, with_names=False)
    return pdf


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(UYGHUR))
def test_uyghur_copied_out_of_the_pdf_is_the_text_in_logical_order(language: str) -> None:
    pdf = _uyghur_pdf(language)
    title, sentence = UYGHUR[language]
    document = pypdfium2.PdfDocument(pdf)
    extracted = _plain(" ".join(page.get_textpage().get_text_range() for page in document))
    assert title in extracted
    assert sentence in extracted
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler-utils is not installed: checked with PDFium only")
    poppler = subprocess.run(  # noqa: S603 (our own PDF, a fixed command)
        [pdftotext, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert title in _plain(poppler)
    assert sentence in _plain(poppler)


def _text_of(pdf: bytes) -> str:
    poppler = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],  # noqa: S607 (poppler-utils, on PATH)
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return _plain(poppler)


@pytest.mark.django_db
def test_the_organizer_is_offered_the_delivery_document_in_every_version():
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    owner = make_member(Role.OWNER)
    petition = make_petition(organization=owner.organization, languages=("en", "ug"))
    ug = petition.texts.get(language="ug")
    title, sentence = UYGHUR["ug"]
    petition_text_save(
        petition=petition, language="ug", title=title, target=ug.target, body=sentence
    )
    make_signatures(petition, 2)
    url = f"/en/dashboard/organizations/{owner.organization.slug}/petitions/{petition.slug}/"
    client = client_for(owner.user)
    html = client.get(url).content.decode()
    links = re.findall(
        r'href="[^"]*delivery\.pdf\?language=([^&"]+)&amp;names=1" lang="([^"]+)"', html
    )
    assert links == [("en", "en"), ("ug", "ug")]

    uyghur = client.get(f"{url}delivery.pdf?language=ug&names=1")
    assert uyghur.status_code == 200 and uyghur["Content-Type"] == "application/pdf"
    assert uyghur["Content-Disposition"].endswith('-ug.pdf"')
    text = _text_of(uyghur.content)
    assert title in text and sentence in text and "دۆلەتلەر بويىچە ئىمزالار" in text
    assert "Free the voices" not in text and "Signatures by country" not in text
    # Right to left: the Uyghur heading starts at the right of the page.
    page = pypdfium2.PdfDocument(uyghur.content)[0]
    chars = page.get_textpage()
    found = chars.search("ئىلتىماس").get_next()
    assert found is not None
    left, _bottom, _right, _top = chars.get_charbox(found[0])
    assert left > page.get_width() / 2

    english = _text_of(client.get(f"{url}delivery.pdf?language=en").content)
    assert "Free the voices [en]" in english and "Signatures by country" in english
    assert title not in english
    assert AuditEntry.objects.filter(action="signatures.delivery").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("asked", "says"),
    [
        ("ru", 'no version in <span lang="ru">Русский</span>'),
        ("xx", "does not name a language"),
        ("<script>", "does not name a language"),
    ],
)
def test_a_language_the_petition_lacks_is_a_page_that_offers_those_it_has(asked, says):
    owner = make_member(Role.OWNER)
    petition = make_petition(organization=owner.organization, languages=("ug", "en"))
    url = f"/en/dashboard/organizations/{owner.organization.slug}/petitions/{petition.slug}/"
    response = client_for(owner.user).get(f"{url}delivery.pdf", {"language": asked})
    assert response.status_code == 404
    html = response.content.decode()
    assert says in html and "<script>" not in html
    assert 'delivery.pdf?language=ug&amp;names=1" lang="ug"' in html
    assert 'delivery.pdf?language=en&amp;names=1" lang="en"' in html
    assert not AuditEntry.objects.filter(action="signatures.delivery").exists()
