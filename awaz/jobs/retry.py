"""The exception a task raises to be run again later: shared by the worker and the tasks."""

import datetime


class RetryLaterError(Exception):
    """Raised by a task that failed for a reason that may pass (a mail server down).

    `until`: retry until then (a message's expiry), however many attempts that takes.
    """

    def __init__(self, message: str, *, until: datetime.datetime | None = None) -> None:
        super().__init__(message)
        self.until = until
