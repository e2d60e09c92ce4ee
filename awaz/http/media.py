"""Uploads served by Django itself on one machine (AWAZ_SERVE_MEDIA=1); a reverse proxy may
serve MEDIA_ROOT under /media/ instead. Included by config/urls.py."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import URLPattern, re_path
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def upload_serve(request: HttpRequest, path: str) -> HttpResponseBase:
    """An upload: an image we re-encoded ourselves (awaz.privacy.images), under a random name."""
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))


urlpatterns: list[URLPattern] = [re_path(r"^(?P<path>.+)$", upload_serve, name="upload")]
