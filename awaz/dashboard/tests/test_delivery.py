import re
import shutil
import subprocess

import pypdfium2
import pytest

from awaz.dashboard.delivery import (
    _FONTS,
    _PDF_FONTS,
    ForbiddenFetchError,
    OurFontsOnly,
    delivery_pdf,
)
from awaz.petitions.services import petition_text_save
from tests.browser import ARTIFACTS
from tests.factories import make_petition, make_signatures


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
