"""Views that exist only for the tests of awaz.http.headers: an embed page and a bare form."""

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.csp import CSP

from awaz.http.headers import frame_ancestors


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("<!DOCTYPE html><title>page</title>")


def form(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f'<form method="post"><input name="t" value="{get_token(request)}"></form>')


urlpatterns = [
    path("embed/", frame_ancestors("*")(page)),
    path("same-site/", frame_ancestors(CSP.SELF)(page)),
    path("partners/", frame_ancestors("https://news.example", "https://blog.example")(page)),
    path("default/", page),
    path("form/", form),
]
