"""The project's URLs plus `/hello`: the bare Django view every ratio is measured against."""

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from config.urls import handler400, handler500  # noqa: F401 - the project's error pages
from config.urls import urlpatterns as project_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    """No query, no template: the floor of what a request costs through the full middleware."""
    return HttpResponse(b"Hello, world\n", content_type="text/plain")


urlpatterns: list[URLPattern | URLResolver] = [
    path("hello", hello, name="bench-hello"),
    *project_urlpatterns,
]
