"""Real processes on real ports for the many-machines tests: web servers, a browser-like client.

`free_port()` picks a port nobody listens on, inside AWAZ_TEST_PORTS ("27000-27999") when it is
set, so engineers sharing a machine keep to their own ranges; else the kernel's choice.
`start_web()` starts what `bin/serve` starts for the web (waitress, config/serve.py) as its own
process; `Reader` is a person's browser without JavaScript: a cookie jar, forms read from the
page and sent back whole, redirects not followed (the test looks at each answer).
"""

import html.parser
import http.cookiejar
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import IO

import pytest
import redis

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def free_port() -> int:
    low, _, high = os.environ.get("AWAZ_TEST_PORTS", "").partition("-")
    candidates = list(range(int(low), int(high) + 1)) if high else [0]
    random.shuffle(candidates)
    for candidate in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise AssertionError(f"no free port in {os.environ['AWAZ_TEST_PORTS']}")


def redis_or_skip() -> str:
    """The test Redis's URL; skip without one, unless CI requires it (AWAZ_REQUIRE_REDIS)."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        if os.environ.get("AWAZ_REQUIRE_REDIS"):
            pytest.fail(f"Redis is required here and is not reachable at {REDIS_URL}: {error}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    return REDIS_URL


def child_environment(**env: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env}


def start_web(port: int, log: IO[bytes], **env: str) -> subprocess.Popen[bytes]:
    """One web process (waitress, as `bin/serve` runs it) on 127.0.0.1:`port`."""
    return subprocess.Popen(  # noqa: S603 - our own server module with fixed arguments
        [sys.executable, "-m", "config.serve", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=child_environment(**env),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_ready(url: str, process: subprocess.Popen[bytes] | None = None, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{url}: the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own loopback server
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {seconds} s")


class _Forms(html.parser.HTMLParser):
    """Every form of a page: its action and the values a browser would send unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append((values.get("method", "get").lower(), values.get("action", ""), {}))
        elif tag == "input" and self.forms and "name" in values:
            if values.get("type") in {"checkbox", "radio"} and "checked" not in values:
                return
            self.forms[-1][2][values["name"]] = values.get("value", "")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Reader:
    """One person's browser, with its own cookies."""

    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirects()
        )

    def request(
        self, url: str, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
        try:
            with self._opener.open(request, timeout=30) as response:
                return Answer(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, dict(error.headers), error.read().decode())

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.jar if cookie.name == name), None)


def form_in(page: str, action_ends_with: str = "") -> tuple[str, dict[str, str]]:
    """The action and values of the page's first POST form whose action ends so."""
    parser = _Forms()
    parser.feed(page)
    for method, action, values in parser.forms:
        if method == "post" and action.endswith(action_ends_with):
            return action, values
    raise AssertionError(f"no form posting to *{action_ends_with} in the page")


def link_in(message: EmailMessage, path_part: str) -> str:
    """The path of the first link in the message's text whose path holds `path_part`."""
    text = str(message.get_body(("plain",)).get_content())  # type: ignore[union-attr]
    for word in text.split():
        if path_part in word:
            return urllib.parse.urlsplit(word).path
    raise AssertionError(f"no {path_part} link in {text!r}")
