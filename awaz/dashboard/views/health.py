"""/healthz: the queue's and the mail's health for operators (staff) and their monitors."""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from awaz.dashboard.access import staff_view
from awaz.jobs.health import queue_health


def _report() -> HttpResponse:
    health = queue_health()
    return HttpResponse(
        health.lines(),
        content_type="text/plain; charset=utf-8",
        status=200 if health.healthy else 503,
    )


@staff_view("moderator")
def _for_staff(request: HttpRequest) -> HttpResponse:
    return _report()


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponseBase:
    """Counts and ages only; 503 when mail is stuck. A monitor sends the bearer token."""
    token = settings.AWAZ_HEALTH_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and hmac.compare_digest(given.encode(), token.encode()):
        return _report()
    return _for_staff(request)
