"""A petition's signatures in the workspace: the CSV export and the delivery document.

Both hold personal data (names, and e-mail addresses of signers who agreed to be contacted):
editors and owners only, and every download is written to the audit log first (by the service
that makes it).
"""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from awaz.dashboard.access import current_user, member_view, petition_of
from awaz.dashboard.delivery import delivery_document_create
from awaz.i18n import languages
from awaz.organizations.models import Membership
from awaz.petitions.models import Petition
from awaz.petitions.selectors import petition_texts
from awaz.signatures.exports import signatures_export


def document_language(request: HttpRequest, petition: Petition) -> str:
    """The language a document is asked in (?language=), else the petition's original one."""
    language = request.GET.get("language", petition.original_language)
    return language if language in languages.CODES else petition.original_language


def _filename(slug: str, kind: str) -> str:
    return f"{slug}-{kind}-{timezone.now():%Y-%m-%d}"


@member_view("edit")
@require_safe
@never_cache
def export_csv(request: HttpRequest, membership: Membership, petition: str) -> HttpResponseBase:
    """Every confirmed signature, streamed: e-mails only of signers who agreed to be contacted."""
    found = petition_of(membership, petition)
    export = signatures_export(petition=found, by=current_user(request))
    response = StreamingHttpResponse(export.lines(), content_type="text/csv")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(found.slug, "signatures")}.csv"'
    )
    return response


@member_view("edit")
@require_safe
@never_cache
def delivery_list_csv(
    request: HttpRequest, membership: Membership, petition: str
) -> HttpResponseBase:
    """The list the delivery document certifies (no e-mail addresses)."""
    found = petition_of(membership, petition)
    export = signatures_export(petition=found, by=current_user(request), include_emails=False)
    response = StreamingHttpResponse(export.lines(), content_type="text/csv")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(found.slug, "delivery-list")}.csv"'
    )
    return response


@member_view("edit")
@require_safe
@never_cache
def delivery_document(request: HttpRequest, membership: Membership, petition: str) -> HttpResponse:
    """The delivery PDF in the version ?language= names (the original one without it): its
    text, its interface and its direction. A language the petition has no version in is a 404
    page that offers the versions it has, never another version in its place."""
    found = petition_of(membership, petition)
    versions = sorted(
        (text.language for text in petition_texts(petition=found)), key=languages.CODES.index
    )
    language = request.GET.get("language", found.original_language)
    if language not in versions:
        return render(
            request,
            "dashboard/delivery_unavailable.html",
            {
                "membership": membership,
                "organization": membership.organization,
                "petition": found,
                "asked": language if language in languages.CODES else "",
                "versions": [languages.get(code) for code in versions],
            },
            status=404,
        )
    with_names = request.GET.get("names") == "1"
    pdf = delivery_document_create(
        petition=found, by=current_user(request), language=language, with_names=with_names
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(found.slug, "delivery")}-{language}.pdf"'
    )
    return response
