"""Settings for benchmark runs: the real settings, changed only where a benchmark must.

bench/run.py sets AWAZ_VAR_DIR (a temporary directory: secrets, static files, SQLite file) and
DATABASE_URL (that SQLite file or a PostgreSQL database of its own) before anything imports this.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

if not os.environ.get("AWAZ_VAR_DIR"):
    raise ImproperlyConfigured(
        "bench.settings needs AWAZ_VAR_DIR (a temporary directory); start it with bench/run.py."
    )

from config.settings import *  # noqa: F403
from config.settings import DATABASES, VAR_DIR

# A production-like server: no debug pages, the loopback host names only.
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The bare `hello` view next to the real URLs (bench/urls.py).
ROOT_URLCONF = "bench.urls"
# The load generator plays a reverse proxy: every request carries its own client address in
# X-Forwarded-For, so the per-network rate limits see one signer per request, as in real life.
AWAZ_TRUSTED_PROXY_HOPS = 1
# Persistent connections, as in production (a new connection costs ~9 ms of PostgreSQL CPU).
DATABASES["default"]["CONN_MAX_AGE"] = 600
STATIC_ROOT = Path(VAR_DIR) / "static"
