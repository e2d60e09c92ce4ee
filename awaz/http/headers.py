"""Response headers for signer safety that Django does not set by itself.

- `Permissions-Policy` on every response: no page of Awaz needs a camera, a microphone or a
  location, so a planted script could not ask for them either.
- Pages that carry a form (they used a CSRF token) are `no-store` unless their view chose
  otherwise: what a person typed, or a page only they should have, stays off disks and proxies.
- `frame_ancestors(...)`: the one way for a view to be framed (a future embed page).
- `per_reader_page`: the petition page's choice, explained there.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.csp import CSP

View = Callable[..., HttpResponseBase]

# Features a petition site never uses. Passkeys (publickey-credentials-*) stay allowed for staff.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Django sets the CSRF cookie on every response whose page used the token.
        has_form = settings.CSRF_COOKIE_NAME in response.cookies
        if has_form and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response


def frame_ancestors(*sources: str) -> Callable[[View], View]:
    """Let other sites frame this view: `frame_ancestors("*")` for an embed page.

    Every page is `frame-ancestors 'none'` (no clickjacking of the sign form); this changes that
    one directive of SECURE_CSP for one view, and X-Frame-Options to match.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            response = view(request, *args, **kwargs)
            # What django.views.decorators.csp.csp_override sets, read from settings per request.
            policy = {**settings.SECURE_CSP, "frame-ancestors": list(sources)}
            setattr(response, "_csp_config", policy)  # noqa: B010 - Django's documented hook
            if list(sources) == [CSP.SELF]:
                response["X-Frame-Options"] = "SAMEORIGIN"
            elif list(sources) != [CSP.NONE]:
                # X-Frame-Options has no "these sites": the CSP directive decides alone.
                setattr(response, "xframe_options_exempt", True)  # noqa: B010
            return response

        return wrapped

    return decorator


def per_reader_page(view: View) -> View:
    """`Cache-Control: private, no-cache` for a page with a per-reader form but nothing secret.

    The petition page carries the sign form, whose CSRF token belongs to one reader and whose
    stamp is single-use. So no shared cache (a CDN, a company or state proxy) may keep it
    (`private`), and a browser must ask again before showing it from its cache (`no-cache`),
    which gives every fresh visit a fresh stamp. It is not `no-store`: the page holds nothing
    personal (the POST that echoes a signer's input is `no-store`), the token's secret is in the
    cookie jar anyway, and `no-store` would keep browsers from restoring the page on "Back" from
    memory, sending every such reader to the server again during a surge. The server-side page
    cache for anonymous readers (pagecache.py) sits behind this header and is not affected.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapped
