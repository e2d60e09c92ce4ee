"""A small HTTP/1.1 load generator: open loop (fixed arrival times) and closed loop.

wrk is a closed loop: a slow server slows the load down and hides its own queueing. A surge is an
open loop: people click their confirmation links whenever they like. So `open_loop` schedules
request i at t0 + i / rate, whatever happened before, and measures each latency from that
scheduled time (no coordinated omission). Connections are kept alive where the server allows it
(granian); gunicorn's sync workers close each one, and a new one is opened.

Both loops wait for every request they sent, so the caller can account for each one exactly.
"""

import asyncio
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field


def build(
    method: str, path: str, *, headers: Mapping[str, str] | None = None, body: bytes = b""
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "User-Agent: awaz-bench"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass(frozen=True, slots=True)
class Outcome:
    scheduled: float  # when the request was due (open loop) or sent (closed loop)
    finished: float
    status: int  # 0: no answer (connection error or timeout)

    @property
    def latency_ms(self) -> float:
        return (self.finished - self.scheduled) * 1000


@dataclass
class LoadResult:
    outcomes: list[Outcome] = field(default_factory=list)
    window: float = 0.0  # seconds during which requests were started
    exhausted: bool = False  # the closed loop ran out of requests before its deadline

    def statuses(self) -> Counter[int]:
        return Counter(outcome.status for outcome in self.outcomes)

    def count(self, status: int) -> int:
        return self.statuses()[status]

    def percentile_ms(self, percent: float) -> float:
        latencies = sorted(outcome.latency_ms for outcome in self.outcomes)
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(len(latencies) * percent / 100))]

    def rate(self, status: int) -> float:
        """Answers with `status` per second, from the first scheduled request to the last answer."""
        if not self.outcomes:
            return 0.0
        start = min(outcome.scheduled for outcome in self.outcomes)
        end = max(outcome.finished for outcome in self.outcomes)
        return self.count(status) / max(end - start, 1e-9)


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    async def exchange(self, request: bytes) -> tuple[int, bytes, bool]:
        """Send one request; return (status, body, whether the connection stays open)."""
        self.writer.write(request)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        version, status, *_ = status_line.split(" ", 2)
        headers = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked()
        else:
            body = await self.reader.read()
            keep_alive = False
        return int(status), body, keep_alive

    async def _chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(chunks)
            chunks.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    def close(self) -> None:
        self.writer.close()


class Pool:
    """Keep-alive connections to one server, at most `limit` open at once."""

    def __init__(self, port: int, limit: int = 128) -> None:
        self.port = port
        self.idle: list[_Connection] = []
        self.slots = asyncio.Semaphore(limit)

    async def _open(self) -> _Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        return _Connection(reader, writer)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        async with self.slots:
            for attempt in range(2):
                reused = bool(self.idle)
                connection = self.idle.pop() if reused else await self._open()
                try:
                    status, body, keep_alive = await connection.exchange(request)
                except (ConnectionError, asyncio.IncompleteReadError):
                    connection.close()
                    if reused and attempt == 0:
                        continue  # the server closed an idle connection: one more try
                    raise
                if keep_alive:
                    self.idle.append(connection)
                else:
                    connection.close()
                return status, body
        raise AssertionError("unreachable")

    def close(self) -> None:
        for connection in self.idle:
            connection.close()
        self.idle.clear()


async def _one(pool: Pool, request: bytes, scheduled: float, timeout: float) -> Outcome:
    try:
        status, _body = await asyncio.wait_for(pool.send(request), timeout)
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
        status = 0
    return Outcome(scheduled=scheduled, finished=time.monotonic(), status=status)


async def open_loop(
    port: int, requests: Sequence[bytes], *, rate: float, timeout: float = 10.0
) -> LoadResult:
    """Send request i at start + i / rate; latency counts from that moment."""
    pool = Pool(port)
    start = time.monotonic() + 0.05
    tasks = []
    for index, request in enumerate(requests):
        due = start + index / rate
        pause = due - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)
        tasks.append(asyncio.create_task(_one(pool, request, due, timeout)))
    outcomes = await asyncio.gather(*tasks)
    pool.close()
    return LoadResult(outcomes=list(outcomes), window=len(requests) / rate)


async def closed_loop(
    port: int,
    requests: Iterator[bytes],
    *,
    concurrency: int,
    seconds: float,
    timeout: float = 10.0,
) -> LoadResult:
    """`concurrency` clients, each sending its next request as soon as it has an answer."""
    pool = Pool(port, limit=concurrency)
    result = LoadResult(window=seconds)
    deadline = time.monotonic() + seconds

    async def client() -> None:
        while time.monotonic() < deadline:
            request = next(requests, None)
            if request is None:
                result.exhausted = True
                return
            result.outcomes.append(await _one(pool, request, time.monotonic(), timeout))

    await asyncio.gather(*(client() for _ in range(concurrency)))
    pool.close()
    return result
