"""The paper signature sheet: a PDF an organizer prints and takes to a rally or a market.

Drawn by WeasyPrint with the delivery document's fonts (so Uyghur joins and runs right to left),
fetching nothing else. The sheet has the petition's title, target and summary in one language,
then numbered lines for a name, a signature and a country. Awaz stores none of what is written
on it: the organizer later records how many valid lines were collected (signatures/paper.py).
"""

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from awaz.core.pdf import WEB_FONTS
from awaz.dashboard.delivery import _PDF_FONTS, OurFontsOnly
from awaz.petitions.models import Petition
from awaz.petitions.selectors import petition_texts, text_preferred

LINES_PER_SHEET = 20


def petition_url(petition: Petition, language: str) -> str:
    with translation.override(language):
        return reverse("public:petition-detail", args=[petition.slug])


def paper_sheet_pdf(*, petition: Petition, language: str) -> bytes:
    """One A4 sheet in `language` (the petition's text in it, or its original language)."""
    text = text_preferred(
        petition_texts(petition=petition),
        language=language,
        original_language=petition.original_language,
    )
    if text is not None:
        language = text.language  # headings in the language of the text the signers read
    with translation.override(language):
        html = render_to_string(
            "dashboard/paper_sheet.html",
            {
                "petition": petition,
                "text": text,
                "language": language,
                "address": settings.SITE_URL + petition_url(petition, language),
                "lines": range(1, LINES_PER_SHEET + 1),
                "fonts": WEB_FONTS.as_uri(),
                "pdf_fonts": _PDF_FONTS.as_uri(),
                "SITE_NAME": settings.SITE_NAME,
                "generated_on": timezone.now(),
            },
        )
    pdf: bytes = weasyprint.HTML(string=html, url_fetcher=OurFontsOnly()).write_pdf()
    return pdf
