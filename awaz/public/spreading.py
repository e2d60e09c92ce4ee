"""The petition's share picture and QR codes: the same for every reader, so cacheable."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from awaz.core.replicas import from_replica
from awaz.petitions import selectors
from awaz.public import sharing


def _page(slug: str) -> selectors.PetitionPage:
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    return page


def _public(response: HttpResponse, seconds: int) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=seconds)
    return response


@require_safe
@from_replica
def petition_share_image(request: HttpRequest, slug: str) -> HttpResponse:
    image = sharing.share_image(_page(slug))
    return _public(HttpResponse(image, content_type="image/png"), 300)


@require_safe
@from_replica
def petition_qr(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    content_type = {"svg": "image/svg+xml", "png": "image/png"}[kind]
    code = sharing.qr_code(sharing.petition_url(_page(slug)), kind=kind)
    response = HttpResponse(code, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{slug}-qr.{kind}"'
    return _public(response, 3600)


@require_safe
@from_replica
def petition_flyer(request: HttpRequest, slug: str, size: str) -> HttpResponse:
    """A printable flyer for a rally: A4 or US Letter, in the reader's language."""
    pdf = sharing.flyer_pdf(_page(slug), size=size)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slug}-flyer-{size}.pdf"'
    return _public(response, 300)
