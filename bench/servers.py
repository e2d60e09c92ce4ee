"""The servers under test, started exactly as bin/serve starts them, on a port of our own."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVERS = ("waitress", "gunicorn", "granian")
WORKERS = 2
# Below PostgreSQL's max_connections (100) with room for neighbours: 2 workers x 8 threads.
GRANIAN_THREADS = 8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def command(server: str, port: int) -> list[str]:
    """The flags of bin/serve (what `make run` and production use), bound to 127.0.0.1:port."""
    if server == "waitress":  # bin/serve's default: config/serve.py, WEB_THREADS threads
        return [str(BIN / "python"), "-m", "config.serve", f"127.0.0.1:{port}"]
    if server == "gunicorn":
        return [
            str(BIN / "gunicorn"), "config.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--worker-class", "sync",
            "--max-requests", "10000", "--max-requests-jitter", "1000", "--log-level", "warning",
        ]  # fmt: skip
    if server == "granian":
        return [
            str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(WORKERS),
            "--blocking-threads", str(GRANIAN_THREADS), "--no-access-log",
            "config.wsgi:application",
        ]  # fmt: skip
    raise ValueError(f"unknown server {server!r}")


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None


def _wait_ready(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"{server.name} exited at start-up; see {server.log}")
        client = http.client.HTTPConnection("127.0.0.1", server.port, timeout=2)
        try:
            client.request("GET", "/hello")
            if client.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            client.close()
        time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not answer /hello within {timeout:.0f} s")


@contextmanager
def running(name: str, env: Mapping[str, str], log_dir: Path) -> Iterator[Server]:
    """Start one server in a process group of its own; stop that group (and only it) after."""
    port = free_port()
    log = log_dir / f"{name}.log"
    with log.open("ab") as log_file:
        process = subprocess.Popen(
            command(name, port),
            cwd=ROOT,
            env=dict(env),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(name=name, port=port, process=process, log=log)
    try:
        _wait_ready(server, timeout=60)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes], timeout: float = 20) -> None:
    """SIGTERM to the group we started (its pid is the group id), SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout)
