"""The site's addresses plus one page each for moderators and admins, to test staff_view."""

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from awaz.dashboard.access import staff_view
from config.urls import urlpatterns as site_urlpatterns


@staff_view()
def moderators_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("the moderators' page")


@staff_view("admin")
def admins_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("the admins' page")


urlpatterns: list[URLPattern | URLResolver] = [
    *site_urlpatterns,
    path("staff/moderators/", moderators_page),
    path("staff/admins/", admins_page),
]
