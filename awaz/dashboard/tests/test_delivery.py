import pypdfium2
import pytest

from awaz.dashboard.delivery import _FONTS, ForbiddenFetchError, OurFontsOnly, delivery_pdf
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
    ],
)
def test_the_pdf_may_fetch_nothing_but_our_fonts(url):
    with pytest.raises(ForbiddenFetchError):
        OurFontsOnly().fetch(url)


def test_our_fonts_are_fetched():
    response = OurFontsOnly().fetch(f"file://{_FONTS}/noto-sans-arabic-ug-400.woff2")
    assert response.read(4) == b"wOF2"


@pytest.mark.django_db
def test_a_uyghur_delivery_document_is_drawn_with_its_fonts():
    petition = make_petition(languages=("ug",), title="ئىلھام توختىنى قويۇپ بېرىڭلار")
    make_signatures(petition, 3)
    pdf, digest = delivery_pdf(petition=petition, language="ug", with_names=False)
    assert pdf.startswith(b"%PDF") and len(digest) == 64
    page = pypdfium2.PdfDocument(pdf)[0]
    # Shaped Arabic script does not extract back to letters reliably; look at the picture.
    path = ARTIFACTS / "screenshots" / "delivery-pdf-ug-page-1.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.render(scale=1.5).to_pil().save(path)
    assert "Awaz" in page.get_textpage().get_text_range()
