"""The web server `bin/serve` (so `make run`) starts by default: waitress, configured here.

Why waitress: its one event loop reads every request whole, headers and body, before a thread
of the application sees it. A client that sends its headers a line at a time (slowloris) or its
body a byte at a time holds a socket, never a thread, so 300 of them do not slow a reader down
(bench/slow_clients.py measures it); gunicorn's threads and granian's WSGI threads block on such
a body, and gunicorn's sync workers on such headers. Limits:

- a body larger than AWAZ_MAX_REQUEST_BYTES is answered 413 from its Content-Length, unread;
- a connection silent for WEB_IDLE_TIMEOUT seconds is closed (a client that stops mid-request);
- at most WEB_CONNECTION_LIMIT open connections; past it, new ones wait in the listen backlog.

Logging goes through Django's LOGGING (the same process), so the server's own lines pass the
filter that cuts addresses and tokens out; waitress logs no client address anyway, and no
access log is written. Proxy headers are left to Django (AWAZ_TRUSTED_PROXY_HOPS decides).

    python -m config.serve HOST:PORT
"""

import sys

from django.conf import settings
from waitress import serve

from config.env import env_int
from config.wsgi import application


def main(argv: list[str]) -> None:
    listen = argv[1] if len(argv) > 1 else "127.0.0.1:8000"
    serve(
        application,
        listen=listen,
        threads=env_int("WEB_THREADS", 16, minimum=1),
        connection_limit=env_int("WEB_CONNECTION_LIMIT", 1000, minimum=10),
        channel_timeout=env_int("WEB_IDLE_TIMEOUT", 20, minimum=1),
        cleanup_interval=5,
        # poll(), not select(): select() cannot watch a descriptor numbered past 1023.
        asyncore_use_poll=True,
        max_request_body_size=settings.AWAZ_MAX_REQUEST_BYTES,
        max_request_header_size=64 * 1024,
        # Django reads X-Forwarded-For itself, trusting only AWAZ_TRUSTED_PROXY_HOPS hops.
        clear_untrusted_proxy_headers=False,
        expose_tracebacks=False,
        ident="awaz",
    )


if __name__ == "__main__":
    main(sys.argv)
