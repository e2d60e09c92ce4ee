#!/usr/bin/env python3
"""The malformed-request set (issue 11): 5xx answers and reset connections over it.

Starts `bin/serve` as bench/slow_clients.py does (a fresh SQLite database, the demo), then
sends each request of the set on its own connection, with a real CSRF cookie and token where a
form is posted, so that it reaches the view: bad charsets, bodies over the limits, broken
multipart and JSON bodies, bad headers and request lines, bad values in forms and links.
Prints the count of variants, the statuses, and every variant answered 5xx or not at all.

    .venv/bin/python bench/malformed.py
"""

# ruff: noqa: E501 - one request per line reads best
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path[0] = str(ROOT)

from bench.slow_clients import PETITION, csrf_pair, free_port, prepare, wait_ready  # noqa: E402

FORMS = [
    PETITION + "sign/",
    PETITION + "report/",
    "/en/my-signatures/",
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/en/accounts/password/",
    "/ug/petitions/save-serikzhan-bilash/sign/",
]
CHARSETS = [
    "utf-7",
    "latin-1",
    "iso-8859-1",
    "cp1252",
    "utf-16",
    "utf-32",
    "nonsense",
    "",
    "x" * 300,
]


def head(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def variants(cookie: str, hidden: dict[str, str]) -> list[tuple[str, bytes]]:
    token = hidden.get("csrfmiddlewaretoken", "")
    auth = {"Cookie": f"csrftoken={cookie}"}
    good = f"csrfmiddlewaretoken={token}&name=Ann&email=ann%40example.org&country=DE".encode()
    form = {"Content-Type": "application/x-www-form-urlencoded", **auth}
    out: list[tuple[str, bytes]] = []
    for path in FORMS:
        for charset in CHARSETS:
            headers = {
                **form,
                "Content-Type": f"application/x-www-form-urlencoded; charset={charset}",
            }
            out.append((f"charset={charset[:20]} {path}", head("POST", path, headers, good)))
        out.append(
            (
                f"20 MB declared {path}",
                head("POST", path, {**form, "Content-Length": str(20 * 2**20)}, b"a" * 1000),
            )
        )
        out.append(
            (
                f"bad multipart {path}",
                head("POST", path, {**auth, "Content-Type": "multipart/form-data"}, b"--x\r\n"),
            )
        )
        out.append(
            (
                f"truncated multipart {path}",
                head(
                    "POST",
                    path,
                    {**auth, "Content-Type": "multipart/form-data; boundary=zz"},
                    b'--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
                ),
            )
        )
        out.append(
            (
                f"JSON {path}",
                head("POST", path, {**auth, "Content-Type": "application/json"}, b'{"name": '),
            )
        )
        out.append(
            (
                f"NUL and controls in fields {path}",
                head("POST", path, form, good + b"&comment=%00%1b%5b31m%e2%80%ae"),
            )
        )
        out.append(
            (
                f"invalid UTF-8 in fields {path}",
                head("POST", path, form, good + b"&comment=%ff%fe%c0%af"),
            )
        )
        out.append(
            (f"huge field {path}", head("POST", path, form, good + b"&comment=" + b"x" * 3_000_000))
        )
        out.append(
            (
                f"IP-literal address {path}",
                head("POST", path, form, good.replace(b"example.org", b"%5B127.0.0.1%5D")),
            )
        )
    bad_paths = [
        "/en/signatures/confirm/" + "A" * 5000 + "/",
        "/en/signatures/confirm/%ff%fe/",
        "/en/signatures/remove/..%2f..%2fetc%2fpasswd/",
        "/en/my-signatures/open/garbage:1:2/",
        "/en/petitions/%c0%af/",
        "/en/petitions/save-serikzhan-bilash/?%zz=1",
        "/petitions/save-serikzhan-bilash/count.json?x=%ff",
        "/language/%00/?next=//evil.example",
        "/en/accounts/password/MQ/" + "x" * 500 + "/",
        "/" + "a/" * 3000,
    ]
    for path in bad_paths:
        out.append((f"bad path {path[:40]}", head("GET", path, {})))
        out.append((f"POST to bad path {path[:40]}", head("POST", path, form, good)))
    raw = [
        ("garbage line", b"GARBAGE\r\n\r\n"),
        ("HTTP/9.9", b"GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"),
        ("NUL in path", b"GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("header without colon", b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n"),
        (
            "Content-Length: nope",
            b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n",
        ),
        (
            "Content-Length: -1",
            b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
        ),
        (
            "two Content-Lengths",
            b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        ),
        (
            "bad chunk",
            b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        ),
        (
            "CL and TE",
            b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        ),
        ("Host evil", b"GET /en/ HTTP/1.1\r\nHost: evil.example\r\n\r\n"),
        ("Host IP", b"GET /en/ HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n"),
        ("no Host", b"GET /en/ HTTP/1.1\r\n\r\n"),
        ("Host garbage", b"GET /en/ HTTP/1.1\r\nHost: a b c\r\n\r\n"),
        (
            "huge header",
            b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
        ),
        ("unknown method", b"BREW /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("PUT", b"PUT /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"),
        (
            "DELETE sign",
            b"DELETE " + (PETITION + "sign/").encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        ),
        (
            "bad cookie",
            b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \xff\xfe=\x00; sessionid="
            + b"z" * 5000
            + b"\r\n\r\n",
        ),
        (
            "bad session cookie",
            b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: sessionid=abc:def:ghi\r\n\r\n",
        ),
        (
            "bad Accept-Language",
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: " + b"ug-" * 2000 + b"\r\n\r\n",
        ),
        (
            "bad X-Forwarded-For",
            b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: ::::, 999.1.1.1, \xff\r\n\r\n",
        ),
        (
            "bad X-Request-ID",
            b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-ID: 1.2.3.4\r\n\r\n",
        ),
        (
            "latin-1 header value",
            b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: \xe9\xff\r\n\r\n",
        ),
        (
            "bad Range",
            b"GET /static/awaz/awaz.css HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=9-1\r\n\r\n",
        ),
        (
            "bad If-Modified-Since",
            b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-Modified-Since: yesterday\r\n\r\n",
        ),
        ("absolute URI", b"GET http://evil.example/en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("HTTP/1.0 no host", b"GET /en/ HTTP/1.0\r\n\r\n"),
    ]
    out += raw
    return out


async def send(port: int, request: bytes) -> int:
    """The status, or 0 when the server answered nothing (reset, closed, 15 s)."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return 0

    async def upload() -> None:
        writer.write(request)
        await writer.drain()

    sending = asyncio.create_task(upload())
    try:
        line = await asyncio.wait_for(reader.readline(), 15)
        status = int(line.split(b" ", 2)[1])
    except (OSError, TimeoutError, ValueError, IndexError):
        status = 0
    sending.cancel()
    await asyncio.gather(sending, return_exceptions=True)
    writer.close()
    return status


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="awaz-malformed-"))
    env = prepare(workdir, None)
    port = free_port()
    env["PORT"] = str(port)
    with (workdir / "serve.log").open("ab") as log:
        process = subprocess.Popen(
            ["bin/serve"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait_ready(port, process)
        cookie, hidden = asyncio.run(csrf_pair(port))
        cases = variants(cookie.decode(), {k.decode(): v.decode() for k, v in hidden.items()})
        statuses: Counter[int] = Counter()
        bad = []
        for name, request in cases:
            status = asyncio.run(send(port, request))
            statuses[status] += 1
            if status == 0 or status >= 500:
                bad.append((name, status))
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
    log_text = (workdir / "serve.log").read_text(errors="replace")
    print(f"{len(cases)} malformed requests; statuses {dict(sorted(statuses.items()))}")
    print(f"5xx: {sum(n for s, n in statuses.items() if s >= 500)}; no answer: {statuses[0]}")
    # Log lines only: the console mailer also prints each e-mail (links at SITE_URL) there.
    levels = (" DEBUG ", " INFO ", " WARNING ", " ERROR ", " CRITICAL ")
    lines = [line for line in log_text.splitlines() if any(level in line for level in levels)]
    leaked = [line for line in lines if "127.0.0.1" in line]
    print(f"log lines: {len(lines)}; naming the client's address: {len(leaked)}")
    for name, status in bad:
        print(f"  {status or 'no answer'}  {name}")
    return 1 if bad or leaked else 0


if __name__ == "__main__":
    sys.exit(main())
