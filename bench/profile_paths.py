#!/usr/bin/env python
"""Application CPU of the hot paths, in one process, without a server or a load generator.

Calls the WSGI application directly (the full middleware, DEBUG off, the benchmark's settings)
and reports CPU ms per request (time.process_time, so the machine's other load does not count;
on SQLite the database work runs in this process and is included, on PostgreSQL it is not):

  hello     the bare Django view (bench/urls.py)
  cached    the petition page for an anonymous reader (the page cache)
  session   the same for a reader whose session names no user (the page cache too)
  rendered  the petition page rendered every time (the page cache off: every cache miss)
  sign      the sign POST (CSRF, stamp, unique e-mail and network), 303 and a queued e-mail

With --profile DIR, writes a pyinstrument flame graph (HTML) of `rendered` and of `sign` there
(pyinstrument is a development tool: `pip install pyinstrument`).

    .venv/bin/python bench/profile_paths.py [--requests 300] [--postgres URL] [--profile bench/]
"""

import argparse
import io
import os
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def environ(path: str, *, method: str = "GET", body: bytes = b"", **headers: str) -> dict[str, Any]:
    env: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_HOST": "127.0.0.1:8000",
    }
    if method == "POST":
        env["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
    for name, value in headers.items():
        env["HTTP_" + name.upper()] = value
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--postgres", help="a PostgreSQL database URL (emptied and filled)")
    parser.add_argument("--profile", type=Path, help="write flame graphs (HTML) into this folder")
    parser.add_argument("--workdir", type=Path, help="keep the SQLite database here and reuse it")
    args = parser.parse_args()

    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
    workdir = str(args.workdir.resolve()) if args.workdir else tempfile.mkdtemp(prefix="awaz-")
    fresh = args.postgres or not Path(workdir, "db.sqlite3").exists()
    os.environ["AWAZ_VAR_DIR"] = workdir
    os.environ["DATABASE_URL"] = args.postgres or f"sqlite:///{workdir}/db.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from awaz.signatures.models import Signature
    from awaz.signatures.stamp import form_stamp
    from bench import data

    if args.postgres:
        call_command("flush", interactive=False, verbosity=0)
    if fresh:
        data.prepare_schema()
        data.create_petitions()
    app = WSGIHandler()

    def call(env: dict[str, Any]) -> tuple[str, bytes]:
        out: list[str] = []

        def start(status: str, headers: Any, exc: Any = None) -> Callable[[bytes], object]:
            out.append(status)
            return lambda chunk: None

        body = b"".join(app(env, start))
        return out[0], body

    page = f"/en/petitions/{data.EMPTY}/"
    session = "sessionid=profile0123456789abcdef0123456789ab"
    call(environ(page))  # fills the page cache
    cookie_jar = "csrftoken=" + "a" * 32
    token = "a" * 32  # an unmasked secret is accepted as the form token
    n = args.requests
    stamps = [urllib.parse.quote(form_stamp(), safe="") for _ in range(n * 3)]
    time.sleep(settings.AWAZ_MIN_FILL_SECONDS + 1)
    first = Signature.objects.count() + 1  # a reused database: new e-mails and networks
    counter = iter(range(first, 10**9))

    def sign() -> None:
        number = next(counter)
        body = (
            f"csrfmiddlewaretoken={token}&name=Ann+Lee&email=p{number}%40example.org"
            f"&country=DE&comment=&website=&stamp={stamps[number - first]}"
        ).encode()
        status, _ = call(
            environ(
                f"/en/petitions/{data.LIVE}/sign/",
                method="POST",
                body=body,
                cookie=cookie_jar,
                x_forwarded_for=f"10.{number // 256 % 256}.{number % 256}.7",  # one /24 each,
                referer="http://127.0.0.1:8000/",
                origin="http://127.0.0.1:8000",
            )
        )
        assert status.startswith("303"), status

    def get(path: str, cookie: str = "") -> Callable[[], None]:
        def run() -> None:
            status, _ = call(environ(path, cookie=cookie) if cookie else environ(path))
            assert status.startswith("200"), status

        return run

    def uncached(run: Callable[[], None]) -> Callable[[], None]:
        def miss() -> None:
            with override_settings(AWAZ_PAGE_CACHE_SECONDS=0):  # every request a cache miss
                run()

        return miss

    paths = {
        "hello": get("/hello"),
        "cached": get(page),
        "session": get(page, cookie=session),
        "rendered": uncached(get(page, cookie=session)),
        "sign": sign,
    }
    print(f"database: {'postgresql' if args.postgres else 'sqlite'}; {n} requests each")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    for name, run in paths.items():
        for _ in range(max(10, n // 10)):  # warm-up
            run()
        started = time.process_time()
        for _ in range(n):
            run()
        ms = (time.process_time() - started) * 1000 / n
        print(f"  {name:9} {ms:6.2f} ms CPU per request")
    signed = Signature.objects.filter(petition__slug=data.LIVE).count()
    jobs = DBTaskResult.objects.count()
    print(f"signatures on {data.LIVE}: {signed}; queued tasks: {jobs}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")

    if args.profile:
        from pyinstrument import Profiler

        args.profile.mkdir(parents=True, exist_ok=True)
        for name in ("rendered", "sign"):
            profiler = Profiler(interval=0.001)
            profiler.start()
            for _ in range(min(n, 20)):  # enough samples; a small file
                paths[name]()
            profiler.stop()
            target = args.profile / f"flame-{name}.html"
            target.write_text(profiler.output_html())
            print(f"wrote {target}")
            (args.profile / f"flame-{name}.txt").write_text(
                profiler.output_text(unicode=False, show_all=False)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
