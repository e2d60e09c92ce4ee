#!/usr/bin/env python3
"""Slow clients (DESIGN §8.6, issue 15 item 4): normal readers' p99 on the petition page while
one client holds 300 slowloris sockets, 300 slow request bodies, or floods the sign form.

The server is the one `make run` starts: `bin/serve` itself (its web server and its worker),
on a fresh SQLite database (or --database-url) in a temporary directory, on 127.0.0.1 only.
Each phase lasts --seconds (bounded; every socket is closed at the end of its phase):

  alone      readers only (the reference)
  slowloris  + 300 sockets that send a request's headers one line every few seconds
  slow-body  + 300 sign POSTs (CSRF cookie and token, as anyone gets them) whose body trickles
  flood      + --flood clients from one network (127.0.0.1) GETting the page and POSTing the
             sign form, --flood-rate POSTs a second in all (issue 11's attack: 1,618 in 40 s)
  big-body   one 20 MB POST: its status (413 expected) and how long the server took

Readers open a new connection per request (a visitor); a reader's request that does not finish
within --reader-timeout counts at that latency and as an error. Target: p99 < 500 ms.

    .venv/bin/python bench/slow_clients.py                     # the default server (bin/serve)
    SERVER=granian .venv/bin/python bench/slow_clients.py      # another of bin/serve's servers
"""

import argparse
import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PETITION = "/en/petitions/save-serikzhan-bilash/"
SIGN = PETITION + "sign/"
_CSRF_COOKIE = re.compile(rb"csrftoken=([^;\s]+)")
_HIDDEN = re.compile(rb'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Phase:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    attack_requests: int = 0
    attack_statuses: dict[int, int] = field(default_factory=dict)

    def p(self, percent: float) -> float:
        values = sorted(self.latencies_ms)
        if not values:
            return float("nan")
        return values[min(len(values) - 1, int(len(values) * percent / 100))]


async def _exchange(port: int, request: bytes, timeout: float) -> tuple[int, bytes, bytes]:
    """One request on a new connection: status, head, body (0 when no answer in time)."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    try:
        writer.write(request)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
        body = await reader.readexactly(int(length.group(1))) if length else b""
        return status, head, body
    finally:
        writer.close()


def _get(path: str, cookie: bytes = b"") -> bytes:
    extra = b"Cookie: csrftoken=" + cookie + b"\r\n" if cookie else b""
    return b"GET " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + b"\r\n"


async def reader_loop(port: int, until: float, timeout: float, phase: Phase) -> None:
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            status, _, _ = await asyncio.wait_for(_exchange(port, _get(PETITION), timeout), timeout)
            ok = status == 200
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError):
            ok = False
        phase.latencies_ms.append((time.monotonic() - started) * 1000)
        phase.errors += not ok
        await asyncio.sleep(0.02)


async def slowloris_socket(port: int, until: float, phase: Phase) -> None:
    """Headers that never end: one more line every 5 s; reconnect when the server hangs up."""
    while time.monotonic() < until:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.5)
            continue
        phase.attack_requests += 1
        try:
            writer.write(b"GET " + PETITION.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            await writer.drain()
            while time.monotonic() < until:
                await asyncio.sleep(5)
                writer.write(b"X-Slow: %d\r\n" % int(time.monotonic()))
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()


async def csrf_pair(port: int) -> tuple[bytes, dict[bytes, bytes]]:
    """The CSRF cookie and the form's hidden fields (token, stamp), as any visitor gets them."""
    _, head, body = await _exchange(port, _get(PETITION), 30)
    cookie = _CSRF_COOKIE.search(head)
    if cookie is None:
        raise RuntimeError("the petition page set no CSRF cookie")
    return cookie.group(1), dict(_HIDDEN.findall(body))


def _post_head(cookie: bytes, length: int) -> bytes:
    return (
        b"POST " + SIGN.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Cookie: csrftoken=" + cookie + b"\r\n"
        b"Content-Length: %d\r\n\r\n" % length
    )


async def slow_body_socket(port: int, cookie: bytes, until: float, phase: Phase) -> None:
    """A sign POST whose 10 kB body arrives one byte every 2 s."""
    while time.monotonic() < until:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.5)
            continue
        phase.attack_requests += 1
        try:
            writer.write(_post_head(cookie, 10_000) + b"n")
            await writer.drain()
            while time.monotonic() < until:
                await asyncio.sleep(2)
                writer.write(b"a")
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()


async def flood_client(port: int, until: float, number: int, every: float, phase: Phase) -> None:
    """GET the page, POST the form with a new address, every `every` s; all from 127.0.0.1."""
    sent = 0
    start = time.monotonic()
    while time.monotonic() < until:
        await asyncio.sleep(max(0.0, start + sent * every - time.monotonic()))
        sent += 1
        try:
            cookie, hidden = await csrf_pair(port)
            fields = {
                **{k.decode(): v.decode() for k, v in hidden.items()},
                "name": "Flood",
                "email": f"flood{number}x{sent}@example.org",
                "country": "DE",
                "comment": "",
                "website": "",
            }
            body = "&".join(f"{k}={v}" for k, v in fields.items()).replace("@", "%40").encode()
            status, _, _ = await asyncio.wait_for(
                _exchange(port, _post_head(cookie, len(body)) + body, 30), 30
            )
        except (OSError, TimeoutError, asyncio.IncompleteReadError, RuntimeError, ValueError):
            status = 0
        phase.attack_requests += 1
        phase.attack_statuses[status] = phase.attack_statuses.get(status, 0) + 1


async def run_phase(name: str, args: argparse.Namespace, port: int) -> Phase:
    phase = Phase(name)
    until = time.monotonic() + args.seconds
    attack: list[asyncio.Task[None]] = []
    if name == "slowloris":
        attack = [
            asyncio.create_task(slowloris_socket(port, until, phase)) for _ in range(args.sockets)
        ]
    elif name == "slow-body":
        cookie, _ = await csrf_pair(port)
        attack = [
            asyncio.create_task(slow_body_socket(port, cookie, until, phase))
            for _ in range(args.sockets)
        ]
    elif name == "flood":
        attack = [
            asyncio.create_task(
                flood_client(port, until, number, args.flood / args.flood_rate, phase)
            )
            for number in range(args.flood)
        ]
    await asyncio.sleep(1 if attack else 0)  # let the attack take hold first
    readers = [reader_loop(port, until, args.reader_timeout, phase) for _ in range(args.readers)]
    await asyncio.gather(*readers)
    for task in attack:
        task.cancel()
    await asyncio.gather(*attack, return_exceptions=True)
    return phase


async def big_body(port: int) -> tuple[int, float]:
    """One 20 MB POST to the sign form: (status, seconds); status 0 when reset or no answer.

    Like curl, it reads while it writes, so an early answer is seen before the upload ends.
    """
    cookie, _ = await csrf_pair(port)
    size = 20 * 1024 * 1024
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def upload() -> None:
        chunk = b"a" * 65536
        writer.write(_post_head(cookie, size))
        for _ in range(size // len(chunk)):
            writer.write(chunk)
            await writer.drain()

    sending = asyncio.create_task(upload())
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
        status = int(head.split(b" ", 2)[1])
    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
        status = 0
    sending.cancel()
    await asyncio.gather(sending, return_exceptions=True)
    writer.close()
    return status, time.monotonic() - started


def prepare(workdir: Path, database_url: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "AWAZ_VAR_DIR": str(workdir / "var"),
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'awaz.sqlite3'}",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    python = str(Path(sys.executable))
    for step in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["compile_catalogs", "--verbosity", "0"],
        ["seed_demo"],
    ):
        subprocess.run(
            [python, "manage.py", *step], cwd=ROOT, env=env, check=True, capture_output=True
        )
    return env


def wait_ready(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("bin/serve exited at start-up")
        try:
            status, _, _ = asyncio.run(_exchange(port, _get(PETITION), 5))
            if status == 200:
                return
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
            pass
        time.sleep(0.3)
    raise RuntimeError("bin/serve did not answer within 60 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=15.0, help="each phase (15)")
    parser.add_argument("--sockets", type=int, default=300, help="slow sockets (300)")
    parser.add_argument("--flood", type=int, default=16, help="flooding clients (16)")
    parser.add_argument(
        "--flood-rate",
        type=float,
        default=40.0,
        help="sign POSTs per second the flood aims at, each after a GET (40: issue 11's attack)",
    )
    parser.add_argument("--readers", type=int, default=4, help="normal readers (4)")
    parser.add_argument("--reader-timeout", type=float, default=10.0)
    parser.add_argument("--phases", default="alone,slowloris,slow-body,flood,big-body")
    parser.add_argument("--database-url", help="a database of its own (default: a new SQLite)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="awaz-slow-"))
    env = prepare(workdir, args.database_url)
    port = free_port()
    env["PORT"] = str(port)
    log = workdir / "serve.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            ["bin/serve"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    server = env.get("SERVER", "default")
    print(f"bin/serve (SERVER={server}) on 127.0.0.1:{port}; logs in {log}")
    failed = False
    try:
        wait_ready(port, process)
        for name in args.phases.split(","):
            if name == "big-body":
                status, seconds = asyncio.run(big_body(port))
                answer = status or "nothing"
                print(f"  {'big-body':<10} 20 MB POST answered {answer} in {seconds:.2f} s")
                failed |= status != 413
                continue
            phase = asyncio.run(run_phase(name, args, port))
            attack = f"  attack requests {phase.attack_requests}" if phase.attack_requests else ""
            if phase.attack_statuses:
                attack += f" {dict(sorted(phase.attack_statuses.items()))}"
            print(
                f"  {name:<10} readers {len(phase.latencies_ms):5d}  p50 {phase.p(50):7.1f} ms  "
                f"p99 {phase.p(99):7.1f} ms  errors {phase.errors}{attack}"
            )
            failed |= phase.p(99) >= 500 or phase.errors > 0
            time.sleep(2)  # let the server drop what the attack left
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if not args.keep:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    print("target p99 < 500 ms and no reader errors, 413 for 20 MB:", "MISSED" if failed else "met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
