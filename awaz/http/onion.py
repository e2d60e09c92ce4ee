"""`Onion-Location`: Tor Browser offers the reader the same page on Awaz's onion address.

On only when ONION_LOCATION is set (see docs/operating.md); then every HTML page answers with
the onion address of its own path, so a reader on the clear web can move to the onion service
in one click, and stay there: all links in Awaz are relative.
"""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.http import HttpRequest, HttpResponseBase

HEADER = "Onion-Location"


def onion_origin(value: str) -> str:
    """`http://<name>.onion` (or https) from the setting, refused when it is anything else."""
    parts = urlsplit(value.strip())
    host = parts.hostname or ""
    if (
        parts.scheme not in ("http", "https")
        or not host.endswith(".onion")
        or parts.path.strip("/")
        or parts.query
        or parts.fragment
        or parts.username
    ):
        raise ImproperlyConfigured(
            f"ONION_LOCATION must be an origin like http://<name>.onion, not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


class OnionLocationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        if not settings.ONION_LOCATION:
            raise MiddlewareNotUsed
        self.origin = onion_origin(settings.ONION_LOCATION)
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        is_redirect = 300 <= response.status_code < 400
        is_html = response.get("Content-Type", "").startswith("text/html") and not is_redirect
        # The raw header: get_host() raises for a host not allowed, and this runs on that 400 too.
        on_onion = str(request.META.get("HTTP_HOST", "")).partition(":")[0].endswith(".onion")
        if is_html and not on_onion:
            response[HEADER] = self.origin + request.get_full_path()
        return response
