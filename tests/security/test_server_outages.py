"""The real server (config/serve.py, what `make run` starts) while its database is unreachable,
and what it writes to its log.

PostgreSQL for real: a server on a port where none listens; SQLite for real: a database file
that cannot be opened. Signers get the 503 page in their language, with Retry-After, for reading
and for signing; nothing in the server's log names a client address.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PETITION = "/{language}/petitions/any-petition/"
CSRF = "a" * 32  # a signer's CSRF secret, as cookie and as form field


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _exchange(port: int, request: bytes, timeout: float = 20) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _get(port: int, path: str) -> bytes:
    return _exchange(
        port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    )


def _post(port: int, path: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Cookie: csrftoken={CSRF}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return _exchange(port, head.encode() + body)


class Served:
    def __init__(self, process: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.process, self.port, self.log = process, port, log


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A var/ directory whose static/ is the files this test run collected once, as production
    names them (conftest.py): collecting them again here cost each worker seconds of CPU."""
    from django.conf import settings

    var = tmp_path_factory.mktemp("var")
    (var / "static").symlink_to(settings.STATIC_ROOT, target_is_directory=True)
    return var


@pytest.fixture
def serve(tmp_path: Path, var_dir: Path) -> Iterator[object]:
    started: list[Served] = []

    def start(database_url: str, **env: str) -> Served:
        port = _free_port()
        log = tmp_path / f"serve-{port}.log"
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "AWAZ_VAR_DIR": str(var_dir),
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            **env,
        }
        environment.pop("REDIS_URL", None)
        with log.open("wb") as out:
            process = subprocess.Popen(  # noqa: S603 - our own server module
                [sys.executable, "-m", "config.serve", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=environment,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        served = Served(process, port, log)
        started.append(served)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return served
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the server did not start")

    yield start
    for served in started:
        served.process.terminate()
        served.process.wait(20)


def _unreachable_postgres() -> str:
    return f"postgres://postgres@127.0.0.1:{_free_port()}/awaz"


def _unopenable_sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'no-such-directory' / 'awaz.sqlite3'}"


@pytest.mark.parametrize("database", ["postgresql", "sqlite"])
def test_signers_get_503_in_their_language_while_the_database_is_down(serve, tmp_path, database):
    url = _unreachable_postgres() if database == "postgresql" else _unopenable_sqlite(tmp_path)
    served = serve(url)
    for language, words in (("en", b"Nothing was saved"), ("ug", b'dir="rtl"')):
        for answer in (
            _get(served.port, PETITION.format(language=language)),
            _post(
                served.port,
                PETITION.format(language=language) + "sign/",
                f"csrfmiddlewaretoken={CSRF}&name=Ann".encode(),
            ),
        ):
            head, _, body = answer.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 503"), head
            assert b"\r\nRetry-After: 60" in head
            assert words in body
    served.process.terminate()
    served.process.wait(20)
    log = served.log.read_text()
    assert "127.0.0.1" not in log


MALFORMED = [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n",
]


def test_the_servers_own_log_names_no_client_address(serve, tmp_path):
    served = serve(_unopenable_sqlite(tmp_path), LOG_LEVEL="DEBUG")
    for request in MALFORMED:
        # Some of these get an answer on a connection kept open: read what comes, then go.
        with contextlib.suppress(OSError):
            _exchange(served.port, request, timeout=2)
    _get(served.port, "/en/")
    served.process.terminate()
    served.process.wait(20)
    log = served.log.read_text()
    assert log  # the server did write (its start-up line at least)
    assert "127.0.0.1" not in log


def test_a_20_mb_body_gets_413_before_it_is_sent(serve, tmp_path):
    served = serve(_unopenable_sqlite(tmp_path))
    with socket.create_connection(("127.0.0.1", served.port), timeout=20) as sock:
        sock.sendall(
            b"POST /en/petitions/any/sign/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\n\r\n" % (20 * 1024 * 1024)
        )
        assert sock.recv(65536).startswith(b"HTTP/1.1 413")  # not one byte of the body sent


def test_a_client_that_stops_mid_request_is_cut_off(serve, tmp_path):
    served = serve(_unopenable_sqlite(tmp_path), WEB_IDLE_TIMEOUT="1")
    with socket.create_connection(("127.0.0.1", served.port), timeout=30) as sock:
        sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and nothing more
        # Closed by the server (b""), not by this socket's own 30 s timeout (TimeoutError).
        assert sock.recv(65536) == b""
