"""Addresses that only take a form's POST.

A GET of one (the language switcher showing "this page" in another language after a form's
answer, a reload, a shared or bookmarked address) would otherwise answer an empty 405. It leads
instead to the page the form belongs to, in the address's language.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse

View = Callable[..., HttpResponseBase]


def post_only(back_to: str, *, keep: tuple[str, ...] | None = None) -> Callable[[View], View]:
    """The view takes POST; GET and HEAD redirect to the URL named `back_to`, reversed with the
    view's own URL arguments (only those named in `keep`, when given: the page a form belongs
    to takes fewer) in the active language; any other method is refused (405)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method == "POST":
                return view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD"):
                kept = kwargs if keep is None else {name: kwargs[name] for name in keep}
                return HttpResponseRedirect(reverse(back_to, args=args, kwargs=kept))
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})

        return wrapped

    return decorator
