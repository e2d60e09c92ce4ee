"""The delivery document for the decision maker: a PDF of the petition, its count, its
countries (small groups hidden), the first names of public signers if chosen (all the sign form
lets anyone see), and the digest of the list.

WeasyPrint draws it with Awaz's own fonts (so Uyghur joins and runs right to left) and may
fetch nothing but those font files: no network, no file outside the fonts folder.
"""

from pathlib import Path

import weasyprint
from django.conf import settings
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from awaz.audit.services import audit_record
from awaz.core.pdf import WEB_FONTS, FontsOnly
from awaz.core.pdf import ForbiddenFetchError as ForbiddenFetchError
from awaz.petitions.models import Petition
from awaz.petitions.selectors import petition_texts, text_preferred
from awaz.signatures import statistics
from awaz.signatures.counting import live_count
from awaz.signatures.exports import CsvExport
from awaz.signatures.selectors import first_names_public, paper_count

_FONTS = WEB_FONTS
# The PDF's Arabic-script font, one glyph per letter so that its text copies out
# (bin/build-delivery-fonts); not a web font.
_PDF_FONTS = Path(__file__).resolve().parent / "fonts"


class OurFontsOnly(FontsOnly):
    """The delivery PDF's fonts: the web fonts, and the Arabic-script font of the PDF."""

    folders = (WEB_FONTS, _PDF_FONTS)


def delivery_list(petition: Petition) -> CsvExport:
    """The list that goes with the PDF: no e-mail addresses, names only of public signers."""
    return CsvExport(petition, include_emails=False)


def delivery_pdf(*, petition: Petition, language: str, with_names: bool) -> tuple[bytes, str]:
    """The PDF and the SHA-256 of the delivery list it certifies."""
    export = delivery_list(petition)
    for _line in export.lines():
        pass  # hash the list exactly as it is downloaded
    digest = export.digest.hexdigest()
    count, paper = live_count(petition.pk), paper_count(petition.pk)
    with translation.override(language):
        text = text_preferred(
            petition_texts(petition=petition),
            language=language,
            original_language=petition.original_language,
        )
        names: list[str] = []
        if with_names:
            names = first_names_public(petition=petition)
        html = render_to_string(
            "dashboard/delivery.html",
            {
                "petition": petition,
                "text": text,
                "language": language,
                "count": count,
                "paper": paper,
                "online": count - paper,
                "counted_at": timezone.now(),
                "countries": statistics.counts_by_country(petition),
                "names": names,
                "rows": export.rows,
                "digest": digest,
                "fonts": _FONTS.as_uri(),
                "pdf_fonts": _PDF_FONTS.as_uri(),
                "SITE_NAME": settings.SITE_NAME,
                "generated_on": timezone.now(),
            },
        )
    document = weasyprint.HTML(string=html, url_fetcher=OurFontsOnly())
    return document.write_pdf(), digest


@transaction.atomic
def delivery_document_create(
    *, petition: Petition, by: models.Model, language: str, with_names: bool
) -> bytes:
    """The delivery PDF for `by`, audited as `signatures.delivery` with the list's digest."""
    pdf, digest = delivery_pdf(petition=petition, language=language, with_names=with_names)
    audit_record(
        actor=by,
        action="signatures.delivery",
        target=petition,
        details={"language": language, "names": with_names, "sha256": digest},
    )
    return pdf
