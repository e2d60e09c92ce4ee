"""Public reads from replicas, everything else from the primary.

A view decorated with `@from_replica` reads from a randomly chosen replica (when the operator
configured any, DATABASE_REPLICA_URLS). Only pages that show nobody's own fresh writes use it:
the petition page, the home page, organization pages, the count. A thank-you page, a form
answer or the workspace read the primary, so a signer never sees a count without their own
signature because a replica lags a second behind.
"""

import contextvars
import random
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import models

_reading_from_replica: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "reading_from_replica", default=False
)


def replicas() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    def db_for_read(self, model: type[models.Model], **hints: Any) -> str | None:
        if _reading_from_replica.get():
            aliases = replicas()
            if aliases:
                return random.choice(aliases)  # noqa: S311 # nosec B311 # load spreading only
        return "default"

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str:
        return "default"

    def allow_relation(self, first: models.Model, second: models.Model, **hints: Any) -> bool:
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


def from_replica[**P, R](view: Callable[P, R]) -> Callable[P, R]:
    """Let a view's reads go to a replica."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _reading_from_replica.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            _reading_from_replica.reset(token)

    return wrapped
