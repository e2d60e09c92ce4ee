"""`bin/serve` (what `make run` starts) keeps a worker running: kill it, and another appears."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests import processes

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (name) state ppid ...": the name may hold spaces, so split after its ")".
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _workers(root: int) -> list[int]:
    """Every `manage.py run_worker` process under `root`."""
    pending, workers = [root], []
    while pending:
        pid = pending.pop()
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"run_worker" in command and b"manage.py" in b" ".join(command):
            workers.append(pid)
        pending += _children(pid)
    return workers


def _wait_for(condition, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_killed_worker_is_replaced(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": processes.test_database_url(),
        "PORT": str(port),
        "WORKER_RESTART_DELAY": "0.2",
        "VENV": str(ROOT / ".venv"),
    }
    log = (tmp_path / "serve.log").open("wb")
    serve = subprocess.Popen(  # noqa: S603 - our own script
        [str(ROOT / "bin" / "serve")], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        (first,) = _wait_for(lambda: _workers(serve.pid))
        os.kill(first, signal.SIGKILL)
        (second,) = _wait_for(lambda: [pid for pid in _workers(serve.pid) if pid != first])
        assert second != first
        assert serve.poll() is None  # the web server went on meanwhile
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(30)
        log.close()
    assert "the worker exited" in (tmp_path / "serve.log").read_text()
    # Stopping bin/serve stops its worker too.
    assert not Path(f"/proc/{second}/cmdline").exists() or not _workers(second)
