from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from awaz.petitions import selectors


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    petitions = selectors.petitions_open(language=get_language())
    return render(request, "public/home.html", {"petitions": petitions})


@require_safe
def petition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    return render(request, "public/petition_detail.html", {"page": page})


@require_safe
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.organization_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    return render(request, "public/organization_detail.html", {"page": page})
