"""Running wrk (one thread, as in research/performance-anchors.md) and reading its report."""

import asyncio
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SIGN_SCRIPT = Path(__file__).resolve().parent / "sign.lua"

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_LATENCY = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
_TOTAL = re.compile(r"(\d+) requests in ([\d.]+)(us|ms|s|m)")
_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
_SCRIPT = re.compile(r"^BENCH (\{.*\})$", re.MULTILINE)


class WrkError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class WrkResult:
    requests: int
    seconds: float
    percentiles_ms: dict[int, float]
    status_errors: int  # responses with a status of 400 or more
    connect_errors: int
    read_errors: int
    write_errors: int
    timeouts: int
    script: dict[str, float] = field(default_factory=dict)  # what sign.lua's done() printed

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def socket_errors(self) -> int:
        return self.connect_errors + self.read_errors + self.write_errors + self.timeouts


def parse(output: str) -> WrkResult:
    total = _TOTAL.search(output)
    if total is None:
        raise WrkError(f"unexpected wrk output:\n{output}")
    percentiles = {int(p): float(v) * _UNITS[unit] for p, v, unit in _LATENCY.findall(output)}
    non_2xx = _NON_2XX.search(output)
    sockets = _SOCKET.search(output)
    connect, read, write, timeout = (int(n) for n in sockets.groups()) if sockets else (0,) * 4
    script = _SCRIPT.search(output)
    return WrkResult(
        requests=int(total.group(1)),
        seconds=float(total.group(2)) * _UNITS[total.group(3)] / 1000,
        percentiles_ms=percentiles,
        status_errors=int(non_2xx.group(1)) if non_2xx else 0,
        connect_errors=connect,
        read_errors=read,
        write_errors=write,
        timeouts=timeout,
        script=json.loads(script.group(1)) if script else {},
    )


async def run(
    url: str,
    *,
    connections: int,
    seconds: float,
    headers: Sequence[str] = (),
    script: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 10.0,
) -> WrkResult:
    """One wrk run; `seconds` is rounded up to whole seconds, as wrk wants."""
    argv = [
        "wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds + 0.499))}s",
        "--latency", f"--timeout={timeout:g}s",
    ]  # fmt: skip
    for header in headers:
        argv += ["-H", header]
    if script is not None:
        argv += ["-s", str(script)]
    process = await asyncio.create_subprocess_exec(
        *argv,
        url,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    output, _ = await process.communicate()
    text = output.decode(errors="replace")
    if process.returncode != 0:
        raise WrkError(f"wrk exited with {process.returncode}:\n{text}")
    return parse(text)
