"""One HTTPS POST to a checked address (addresses.py): no redirects, a short timeout.

The connection goes to the IP address that was checked, while the certificate is verified
for the URL's host name (SNI and Host header too), so nothing can be swapped in between.
"""

import http.client
import socket
import ssl
import time
from dataclasses import dataclass

from django.conf import settings

from awaz.webhooks.addresses import Target


@dataclass(frozen=True, slots=True)
class Answer:
    status_code: int | None
    error: str
    milliseconds: int


def _context() -> ssl.SSLContext:
    cafile = settings.AWAZ_WEBHOOK_CA_FILE or None
    return ssl.create_default_context(cafile=cafile)


class _PinnedConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=_context())
        self._address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def post(*, target: Target, body: bytes, headers: dict[str, str]) -> Answer:
    """POST `body`; any answer is returned as it is (a 3xx is not followed, just recorded)."""
    started = time.monotonic()
    connection = _PinnedConnection(target, settings.AWAZ_WEBHOOK_TIMEOUT)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(4096)  # a little of the body, so the connection closes cleanly
        status: int | None = response.status
        error = ""
    except (OSError, http.client.HTTPException) as failure:
        detail = f": {failure}"[:150] if str(failure) else ""
        status, error = None, type(failure).__name__ + detail
    finally:
        connection.close()
    return Answer(status, error[:200], int((time.monotonic() - started) * 1000))
