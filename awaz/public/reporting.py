"""Reporting a petition, or one public comment on it, to the moderators: no account needed.

Nothing about the person is kept; the number of reports a network may send in an hour is
limited through its digest (never its address). Works without JavaScript.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from awaz.moderation.reports import report_allowed, report_create
from awaz.petitions import selectors
from awaz.privacy.network import client_address, network_digest
from awaz.public.forms import ReportForm
from awaz.public.views import see_other
from awaz.signatures.selectors import comment_from_key


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def petition_report(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    posted = request.method == "POST"
    form = ReportForm(
        request.POST if posted else None, initial={"comment": request.GET.get("comment", "")}
    )
    key = form.data.get("comment", "") if posted else request.GET.get("comment", "")
    comment = comment_from_key(str(key))
    if comment is not None and comment.petition_id != page.petition.pk:
        comment = None
    status = 200
    if posted and form.is_valid():
        network = network_digest(client_address(request), timezone.now())
        if report_allowed(network=network):
            report_create(
                petition=page.petition,
                signature=comment,
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
            return see_other(reverse("public:petition-reported", args=[slug]))
        status = 429
    elif posted:
        status = 400
    return render(
        request,
        "public/report.html",
        {"page": page, "form": form, "comment": comment, "too_many": status == 429},
        status=status,
    )


@require_safe
def petition_reported(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    return render(request, "public/report_done.html", {"page": page})
