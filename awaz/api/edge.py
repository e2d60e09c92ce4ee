"""The API's edge, before any view reads the request: what every `/api/` answer shares.

- A body over 64 KB answers 413 from its declared length, unread (a body without one is not
  read by Django at all); the site's own, larger limit comes after (awaz.http.requestlimits).
- One rate per client network (a keyed digest, never an address; allowed networks excepted):
  over it, 429 with `Retry-After`. Keys have their own rate (awaz.api.auth).
- Anything Django or the framework answers in HTML (an unknown address, a method a path does
  not take) becomes a problem (`application/problem+json`).
- The public read endpoints may be read from any site (`Access-Control-Allow-Origin: *`); the
  organization's endpoints, which take a key, are not opened to other sites' scripts.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone

from awaz.api.problems import is_problem, problem
from awaz.http.ratelimit import Rate, rate_take
from awaz.privacy.network import client_address, is_allowed, network_digest

PREFIX = "/api/"
MAX_BODY_BYTES = 64 * 1024
PUBLIC_READ = ("/api/v1/petitions", "/api/v1/organizations/", "/api/v1/openapi.json")
WINDOW_SECONDS = 60


def network_rate() -> Rate:
    return Rate("api-network", settings.AWAZ_API_PER_NETWORK_PER_MINUTE, WINDOW_SECONDS)


def too_many(seconds: int = WINDOW_SECONDS) -> HttpResponseBase:
    return problem(
        429,
        f"Too many requests: try again in {seconds} seconds.",
        headers={"Retry-After": str(seconds)},
    )


class ApiEdgeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        refusal = self._refusal(request)
        response = refusal or self.get_response(request)
        if not is_problem(response):  # type: ignore[arg-type]
            response = self._as_problem(response)
        if request.path_info.startswith(PUBLIC_READ):
            response["Access-Control-Allow-Origin"] = "*"
        return response

    def _refusal(self, request: HttpRequest) -> HttpResponseBase | None:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(declared)
        except ValueError:
            return problem(400, "The Content-Length header is not a number.")
        if length < 0:
            return problem(400, "The Content-Length header is negative.")
        if length > MAX_BODY_BYTES:
            return problem(
                413, f"The body has {length} bytes; the API takes at most {MAX_BODY_BYTES}."
            )
        address = client_address(request)
        if not is_allowed(address):
            subject = network_digest(address, timezone.now())
            if not rate_take(rates=[(network_rate(), subject)]):
                return too_many()
        return None

    def _as_problem(self, response: HttpResponseBase) -> HttpResponseBase:
        status = response.status_code
        if status == 404:
            return problem(404, "There is nothing at this address.")
        if status == 405:
            allowed = response.get("Allow", "")
            return problem(
                405,
                f"This address does not take this method; it takes {allowed}.",
                headers={"Allow": allowed},
            )
        return response
