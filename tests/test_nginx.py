"""deploy/nginx.conf, tested: Debian's nginx with that file in front of a running Awaz.

A petition page loads through it; a second anonymous reader gets it from the micro-cache with
their own CSRF cookie, token and stamp, and can sign with them; a reader with a session cookie
bypasses the cache; anonymous pages come compressed, a session's and no-store pages do not; a
body over the limit is refused by nginx. `make browser-deps` (so `make test` and CI) installs
nginx from Debian's package.
"""

import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from awaz.core.replicas import PIN_COOKIE
from awaz.public.pagecache import EDGE_CSRF, EDGE_STAMP
from awaz.signatures.models import Signature
from tests import live, processes
from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONFIG = live.ROOT / "deploy" / "nginx.conf"


def _nginx_config(folder: Path, listen: int, upstream: int) -> Path:
    site = (
        CONFIG.read_text()
        .replace("@AWAZ_UPSTREAMS@", f"server 127.0.0.1:{upstream};")
        .replace("@AWAZ_LISTEN@", f"127.0.0.1:{listen}")
        .replace("@AWAZ_CACHE_DIR@", str(folder / "cache"))
    )
    (folder / "awaz.conf").write_text(site)
    main = folder / "nginx.conf"
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # One process, as the test's user (no privilege drop), in the foreground.
    main.write_text(
        f"daemon off;\nmaster_process off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\nevents {{ worker_connections 256; }}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n{temp}\n"
        f"    include {folder / 'awaz.conf'};\n}}\n"
    )
    return main


def _encoding(url: str, cookie: str = "") -> str | None:
    """The Content-Encoding of `url` for a browser that accepts gzip."""
    headers = {"Accept-Encoding": "gzip", **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our loopback nginx
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        assert response.status == 200
        encoding: str | None = response.headers.get("Content-Encoding")
        return encoding


def test_a_petition_page_through_nginx_and_its_micro_cache(tmp_path):
    assert Path(NGINX).exists(), "nginx is not installed: `make browser-deps` installs it"
    petition = make_petition(title="Behind nginx")
    web_port, nginx_port = live.free_port(), live.free_port()
    log = (tmp_path / "web.log").open("wb")
    web = live.start_web(
        web_port,
        log,
        DATABASE_URL=processes.test_database_url(),
        STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        AWAZ_TRUSTED_PROXY_HOPS="1",
        AWAZ_PAGE_CACHE_SECONDS="60",
        AWAZ_MIN_FILL_SECONDS="0",
        AWAZ_ALLOWED_NETWORKS="127.0.0.0/8",
    )
    config = _nginx_config(tmp_path, nginx_port, web_port)
    checked = subprocess.run(  # noqa: S603 - Debian's nginx, our configuration
        [NGINX, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    nginx = subprocess.Popen(  # noqa: S603
        [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{nginx_port}"
    page_url = f"{base}/en/petitions/{petition.slug}/"
    try:
        live.wait_ready(f"http://127.0.0.1:{web_port}/en/", web)
        live.wait_ready(f"{base}/en/", nginx)

        first, second = live.Reader(), live.Reader()
        answer = first.request(page_url)
        assert (answer.status, answer.headers.get("X-Cache-Status")) == (200, "MISS")
        assert "Behind nginx [en]" in answer.body
        time.sleep(0.3)
        cached = second.request(page_url)
        assert (cached.status, cached.headers.get("X-Cache-Status")) == (200, "HIT")
        assert "Behind nginx [en]" in cached.body
        assert EDGE_CSRF not in cached.body and EDGE_STAMP not in cached.body

        # Each reader's own cookie, token and stamp, in a page from the cache.
        pages = (answer, second.request(page_url))
        forms = [live.form_in(page.body, "/sign/")[1] for page in pages]
        assert first.cookie("csrftoken") and second.cookie("csrftoken")
        assert first.cookie("csrftoken") != second.cookie("csrftoken")
        assert forms[0]["stamp"] != forms[1]["stamp"]
        assert forms[0]["csrfmiddlewaretoken"] != forms[1]["csrfmiddlewaretoken"]
        values = forms[1] | {"name": "Ann", "email": "ann@example.org", "country": "KZ"}
        signed = second.request(
            f"{page_url}sign/",
            values,
            # A forged hop is ignored: nginx appends the real peer, Awaz trusts that one.
            headers={"Referer": page_url, "X-Forwarded-For": "203.0.113.9"},
        )
        assert signed.status == 303, signed.body[:300]
        assert Signature.objects.filter(petition=petition).count() == 1

        session = live.Reader().request(page_url, headers={"Cookie": "sessionid=someone"})
        assert (session.status, session.headers.get("X-Cache-Status")) == (200, "BYPASS")
        # The signer above just wrote: read-your-writes (awaz.core.replicas) bypasses it too.
        pinned = live.Reader().request(page_url, headers={"Cookie": f"{PIN_COOKIE}=1"})
        assert (pinned.status, pinned.headers.get("X-Cache-Status")) == (200, "BYPASS")

        # Compressed for anonymous readers, from the cache or not; never a reader's own page.
        assert _encoding(page_url) == "gzip"  # a hit, compressed by nginx
        assert _encoding(f"{base}/en/") == "gzip"  # compressed by Awaz, passed on
        assert _encoding(page_url, cookie="sessionid=someone") is None
        assert _encoding(f"{base}/en/my-signatures/") is None  # no-store: its form is personal

        too_big = live.Reader().request(f"{page_url}sign/", {"comment": "x" * (12 * 1024 * 1024)})
        assert too_big.status == 413
    finally:
        nginx.terminate()
        nginx.wait(30)
        web.terminate()
        web.wait(30)
        log.close()
    assert "Traceback" not in (tmp_path / "web.log").read_text()
