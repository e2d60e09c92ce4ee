"""Public reads from replicas, everything else from the primary.

A view decorated with `@from_replica` reads from one replica (chosen at random per request,
when the operator configured any, DATABASE_REPLICA_URLS). Only pages that show nobody's own
fresh writes use it: the petition page, the home page, organization pages, the count. A
thank-you page, a form answer, "My signatures" or the workspace read the primary, so a signer
never sees a page without their own signature because a replica lags a second behind.

Read-your-writes beyond those pages: a browser whose request wrote (any POST, PUT, PATCH or
DELETE that the site answered) gets a short-lived cookie, `PIN_COOKIE`, for
AWAZ_REPLICA_PIN_SECONDS; while it has it, even the replica pages read the primary, so a signer
who goes back to the petition sees what they just did. The cookie holds nothing but "1".

Writes and migrations always go to the primary. A replica that cannot be reached (stopped, or
its connection broken mid-page) is left alone for AWAZ_REPLICA_RETRY_SECONDS by this process,
and the page that met it is read again from the primary: readers never see the failure.
"""

import contextvars
import random
import threading
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError, connections, models
from django.http import HttpRequest, HttpResponse

PIN_COOKIE = "awaz_primary"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# The replica this request's public reads use, or "" (the primary).
_replica: contextvars.ContextVar[str] = contextvars.ContextVar("replica", default="")
# Replicas this process found unreachable, and until when (time.monotonic()) it leaves them.
_down: dict[str, float] = {}
_down_lock = threading.Lock()


def replicas() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def replicas_up() -> list[str]:
    now = time.monotonic()
    with _down_lock:
        return [alias for alias in replicas() if _down.get(alias, 0.0) <= now]


def _mark_down(alias: str) -> None:
    with _down_lock:
        _down[alias] = time.monotonic() + settings.AWAZ_REPLICA_RETRY_SECONDS
    connections[alias].close()


def _reachable(alias: str) -> bool:
    """Whether `alias` answers now (after a database error on it: was it the replica's fault?)."""
    connection = connections[alias]
    try:
        connection.close()
        connection.ensure_connection()
        return bool(connection.is_usable())
    except DatabaseError:
        return False


class ReplicaRouter:
    def db_for_read(self, model: type[models.Model], **hints: Any) -> str | None:
        return _replica.get() or "default"

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str:
        return "default"

    def allow_relation(self, first: models.Model, second: models.Model, **hints: Any) -> bool:
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


def _pinned(args: tuple[Any, ...]) -> bool:
    request = args[0] if args else None
    return isinstance(request, HttpRequest) and PIN_COOKIE in request.COOKIES


def from_replica[**P, R](view: Callable[P, R]) -> Callable[P, R]:
    """Let a view's reads go to a replica (unless the reader just wrote, or none is up)."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        aliases = [] if _pinned(args) else replicas_up()
        if not aliases:
            return view(*args, **kwargs)
        alias = random.choice(aliases)  # noqa: S311 # nosec B311 # load spreading only
        token = _replica.set(alias)
        try:
            return view(*args, **kwargs)
        except DatabaseError:
            if _reachable(alias):
                raise  # the primary's error, or the query's own: not the replica's doing
            _mark_down(alias)
        finally:
            _replica.reset(token)
        return view(*args, **kwargs)  # the same page, from the primary

    return wrapped


class PinAfterWriteMiddleware:
    """Send `PIN_COOKIE` with the answer to a request that may have written (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not replicas():
            raise MiddlewareNotUsed  # one database: nothing to pin
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in _SAFE_METHODS and response.status_code < 500:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.AWAZ_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
