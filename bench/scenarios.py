"""The web scenarios of DESIGN §8, measured on one running server (see bench/run.py --help).

hello -> petition page (cached and not; 0 and 1,000,000 signatures) -> signing (c=8, c=32) ->
readers during a signing surge -> surge of confirmations (PostgreSQL). E-mail is in mail.py.
"""

import asyncio
import os
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from awaz.public.forms import form_stamp
from awaz.signatures.models import Signature, SignatureStatus
from bench import data, loadgen, wrk
from bench.harness import Bench, shown_count
from bench.procstat import Usage
from bench.results import Run
from bench.servers import stop

READERS = 8  # connections of the page and hello runs (as in the research runs)
SIGN_CONNECTIONS = (8, 32)
MIX_READERS, MIX_SIGNERS = 16, 8
MIX_CONFIRM_RATE = 33.0  # the UK record (2019), confirmations/s while readers and signers run
MIX_SIGN_RATE = 100.0  # signatures/s arriving (open loop) among readers in the variant 4+
SURGE_RATE = 200.0
SURGE_CLOSED = 32  # clients of the extra closed-loop surge
SIGN_GRACE = 2.0  # wrk runs this much past the last sign request, so every one is answered
SAMPLE_EVERY = 0.25  # seconds between samples of the shown and the true count


def page(slug: str) -> str:
    return f"/en/petitions/{slug}/"


def confirm_request(token: str) -> bytes:
    return loadgen.build("POST", f"/en/signatures/confirm/{token}/")


# --- 1. Petition page -------------------------------------------------------------------------


def hello(bench: Bench) -> None:
    bench.attempt(lambda: bench.wrk_run("hello", "/hello", connections=READERS))


def pages(bench: Bench) -> None:
    # A session cookie (one that names no session) sends the reader past the page cache.
    cookie = f"sessionid=bench{secrets.token_hex(16)}"
    for slug, label in ((data.EMPTY, "0"), (data.BIG, "1m")):
        expected = Signature.objects.counted().filter(petition_id=bench.petitions[slug]).count()
        for headers in ({}, {"Cookie": cookie}):
            status, body, _ = bench.get(page(slug), headers)
            bench.session.check(
                bench.server.name,
                f"page {slug}{' (session)' if headers else ''} shows the confirmed rows",
                status == 200 and shown_count(body) == expected,
                f"status {status}, shows {shown_count(body)}, confirmed rows {expected}",
            )
        bench.attempt(
            partial(bench.wrk_run, f"page-cached-{label}", page(slug), connections=READERS)
        )
        bench.attempt(
            partial(
                bench.wrk_run,
                f"page-uncached-{label}",
                page(slug),
                connections=READERS,
                headers=[f"Cookie: {cookie}"],
            )
        )


# --- 2. Signing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignPlan:
    """Everything a sign run needs, prepared before the clock starts."""

    petition_id: int
    env: dict[str, str]
    stamps_made: float  # time.time() of the newest stamp


@dataclass(frozen=True, slots=True)
class SignOutcome:
    result: wrk.WrkResult
    ok: int  # 303 answers
    window: float  # seconds from the first request to the last one sent
    problems: list[str]

    @property
    def errors(self) -> int:
        sent = int(self.result.script.get("sent", 0))
        return sent - self.ok + self.result.socket_errors


def _tally(petition_id: int) -> tuple[int, int, int]:
    rows = Signature.objects.filter(petition_id=petition_id)
    fraudulent = rows.filter(
        status__in=[SignatureStatus.FRAUDULENT, SignatureStatus.SUSPECT]
    ).count()
    return rows.count(), DBTaskResult.objects.count(), fraudulent


def plan_sign(bench: Bench, seconds: float) -> SignPlan:
    """Fresh form stamps (awaz.public.forms.form_stamp, one per request), CSRF, a tally."""
    slug = data.LIVE
    bench.sign_runs += 1
    count = int(seconds * 4000) + 1000  # more than any server here can use
    path = bench.workdir / f"stamps-{bench.sign_runs}.txt"
    with path.open("w", encoding="ascii") as handle:
        for _ in range(count):
            handle.write(urllib.parse.quote(form_stamp(), safe="") + "\n")
    made = time.time()
    cookie, token = bench.csrf(page(slug))
    env = {
        "BENCH_SIGN_PATH": f"/en/petitions/{slug}/sign/",
        "BENCH_CSRF_COOKIE": cookie,
        "BENCH_CSRF_TOKEN": token,
        "BENCH_EMAIL_PREFIX": f"{bench.server.name[:2]}{os.getpid()}r{bench.sign_runs}n",
        "BENCH_XFF_BASE": str(bench.xff_next),
        "BENCH_STAMPS": str(path),
    }
    bench.xff_next += count
    return SignPlan(bench.petitions[slug], env, made)


def wait_for_stamps(plan: SignPlan) -> None:
    """A stamp younger than AWAZ_MIN_FILL_SECONDS would mark its signature as automated."""
    pause = plan.stamps_made + settings.AWAZ_MIN_FILL_SECONDS + 1 - time.time()
    if pause > 0:
        time.sleep(pause)


async def run_sign(bench: Bench, plan: SignPlan, connections: int, seconds: float) -> wrk.WrkResult:
    deadline = time.monotonic() + 0.3 + seconds
    return await wrk.run(
        bench.server.base,
        connections=connections,
        seconds=0.3 + seconds + SIGN_GRACE,
        script=wrk.SIGN_SCRIPT,
        env={**plan.env, "BENCH_DEADLINE": f"{deadline:.6f}"},
    )


def settle_sign(plan: SignPlan, before: tuple[int, int, int], result: wrk.WrkResult) -> SignOutcome:
    """Account for every request: rows == 303 answers == queued e-mails, nothing else."""
    after = _tally(plan.petition_id)
    script = result.script
    sent, ok, other = int(script["sent"]), int(script["ok"]), int(script["other"])
    rows, tasks, fraudulent = (a - b for a, b in zip(after, before, strict=True))
    problems = []
    if other:
        problems.append(f"{other} answers other than 303")
    if sent != ok + other:
        problems.append(f"{sent - ok - other} of {sent} requests unanswered when wrk stopped")
    if result.socket_errors:
        problems.append(f"{result.socket_errors} socket errors")
    if rows != ok:
        problems.append(f"{rows} new signature rows for {ok} answers 303")
    if tasks != ok:
        problems.append(f"{tasks} new e-mail tasks for {ok} answers 303")
    if fraudulent:
        problems.append(
            f"{fraudulent} signatures held or marked fraudulent (stamps or rate limits)"
        )
    window = float(script["deadline"]) - float(script["first"])
    return SignOutcome(result=result, ok=ok, window=window, problems=problems)


def sign_run(bench: Bench, scenario: str, connections: int) -> Run:
    plan = plan_sign(bench, bench.seconds)
    warm_plan = plan_sign(bench, bench.warmup)
    waited = bench.quiet()
    wait_for_stamps(warm_plan)
    before = _tally(warm_plan.petition_id)
    warm_result = asyncio.run(run_sign(bench, warm_plan, connections, bench.warmup))
    warm = settle_sign(warm_plan, before, warm_result)
    wait_for_stamps(plan)
    before = _tally(plan.petition_id)
    meter = bench.meter()
    meter.start()
    result = asyncio.run(run_sign(bench, plan, connections, bench.seconds))
    usage = meter.stop()
    outcome = settle_sign(plan, before, result)
    for label, done in (("warm-up", warm), ("run", outcome)):
        bench.session.check(
            bench.server.name,
            f"{scenario} {label}: all 303, signature rows == 303 == queued e-mails",
            not done.problems,
            "; ".join(done.problems) or f"{done.ok} signatures, rows and e-mail tasks equal",
        )
    return bench.record(
        scenario,
        requests=outcome.ok,
        seconds=outcome.window,
        p50=outcome.result.percentiles_ms.get(50),
        p99=outcome.result.percentiles_ms.get(99),
        errors=outcome.errors,
        usage=usage,
        waited=waited,
    )


def signing(bench: Bench) -> None:
    for connections in SIGN_CONNECTIONS:
        bench.attempt(partial(sign_run, bench, f"sign-c{connections}", connections))


# --- 4. Readers during a signing surge ------------------------------------------------------


async def _sample_page(port: int, path: str, until: float, out: list[tuple[float, int]]) -> None:
    pool = loadgen.Pool(port, limit=1)
    request = loadgen.build("GET", path)
    while time.monotonic() < until:
        try:
            status, body = await pool.send(request)
        except (OSError, asyncio.IncompleteReadError):
            status, body = 0, b""
        shown = shown_count(body.decode("utf-8", errors="replace")) if status == 200 else None
        if shown is not None:
            out.append((time.monotonic(), shown))
        await asyncio.sleep(SAMPLE_EVERY)
    pool.close()


def _sample_truth(
    petition_id: int, until: float, out: list[tuple[float, int]], stop_now: threading.Event
) -> None:
    try:
        while time.monotonic() < until and not stop_now.is_set():
            asked = time.monotonic()
            out.append((asked, data.confirmed_rows([petition_id])))
            time.sleep(SAMPLE_EVERY)
    finally:
        connection.close()


def staleness(shown: list[tuple[float, int]], truth: list[tuple[float, int]]) -> float:
    """The longest time a reader was shown a count the true count had already passed."""
    worst = 0.0
    for seen_at, value in shown:
        passed = next((at for at, count in truth if count > value), None)
        if passed is not None and passed < seen_at:
            worst = max(worst, seen_at - passed)
    return worst


def mixed(bench: Bench) -> None:
    """16 readers and 8 signers together, each against its speed alone; counts move meanwhile.

    Confirmations arrive at 33/s (the UK record) during the mix, so that the count moves; a real
    `manage.py run_worker` (periodic jobs only: `--queues` names a queue nobody fills, the
    e-mail backlog is scenario 5's business) folds them every AWAZ_COUNT_INTERVAL seconds, and
    the harness samples the count the page shows against the confirmed rows.
    """
    worker = bench.start_worker("--queues", "bench-periodic-only")
    try:
        bench.attempt(
            lambda: bench.wrk_run("mix-readers-alone", page(data.LIVE), connections=MIX_READERS)
        )
        bench.attempt(lambda: sign_run(bench, "mix-signers-alone", MIX_SIGNERS))
        bench.attempt(lambda: _mix_once(bench))
        bench.attempt(lambda: _mix_open_once(bench))
    finally:
        stop(worker)
        bench.worker_pids.remove(worker.pid)


def _mix_once(bench: Bench) -> None:
    petition_id = bench.petitions[data.LIVE]
    pending = data.add_pending(
        [petition_id], int(MIX_CONFIRM_RATE * bench.seconds), bench.tag("mix")
    )
    confirms = [confirm_request(p.token) for p in pending]
    readers_alone = bench.latest("mix-readers-alone")
    signers_alone = bench.latest("mix-signers-alone")
    plan = plan_sign(bench, bench.seconds)
    waited = bench.quiet()
    wait_for_stamps(plan)
    before = _tally(petition_id)
    confirmed_before = data.confirmed_rows([petition_id])
    meter = bench.meter()
    meter.start()
    mix = asyncio.run(_mix(bench, plan, confirms))
    usage = meter.stop()
    signers = settle_sign(plan, before, mix.signers)
    readers, confirmed = mix.readers, mix.confirmed
    confirmed_gain = data.confirmed_rows([petition_id]) - confirmed_before
    lag = staleness(mix.shown, mix.truth)
    bound = settings.AWAZ_COUNT_INTERVAL + settings.AWAZ_PAGE_CACHE_SECONDS
    total = readers.requests + signers.ok + confirmed.count(303)
    readers_fraction = readers.rps / max(readers_alone.rps, 1e-9)
    signers_fraction = (signers.ok / signers.window) / max(signers_alone.rps, 1e-9)
    bench.record(
        "mix-readers",
        requests=readers.requests - readers.status_errors,
        seconds=readers.seconds,
        p50=readers.percentiles_ms.get(50),
        p99=readers.percentiles_ms.get(99),
        errors=readers.status_errors + readers.socket_errors,
        usage=usage,
        waited=waited,
        cpu_requests=total,
        extra={"fraction": readers_fraction, "lag_s": lag, "lag_bound_s": float(bound)},
    )
    bench.record(
        "mix-signers",
        requests=signers.ok,
        seconds=signers.window,
        p50=signers.result.percentiles_ms.get(50),
        p99=signers.result.percentiles_ms.get(99),
        errors=signers.errors,
        usage=usage,
        waited=waited,
        cpu_requests=total,
        extra={"fraction": signers_fraction},
    )
    bench.record(
        "mix-confirm",
        requests=confirmed.count(303),
        seconds=confirmed.window,
        p50=confirmed.percentile_ms(50),
        p99=confirmed.percentile_ms(99),
        errors=len(confirmed.outcomes) - confirmed.count(303),
        usage=usage,
        waited=waited,
        cpu_requests=total,
    )
    name, check = bench.server.name, bench.session.check
    check(
        name,
        "mix: signers all 303, rows == 303 == queued e-mails",
        not signers.problems,
        "; ".join(signers.problems) or f"{signers.ok} signatures",
    )
    check(
        name,
        "mix: readers without errors",
        readers.status_errors + readers.socket_errors == 0,
        f"{readers.status_errors} bad statuses, {readers.socket_errors} socket errors",
    )
    check(
        name,
        "mix: every confirmation 303 and counted once",
        confirmed.count(303) == len(confirms) == confirmed_gain,
        f"{confirmed.count(303)} of {len(confirms)} answered 303, confirmed rows +{confirmed_gain}",
    )
    check(
        name,
        "mix: shown count at most one count interval + cache period behind",
        bool(mix.shown) and lag <= bound + 1.0,
        f"worst {lag:.2f} s behind over {len(mix.shown)} samples; bound {bound} s "
        "+1 s (the worker's 0.5 s idle sleep, the 0.25 s sampling)",
    )
    counts = data.fold_and_check([petition_id])
    check(
        name,
        "mix: published count == confirmed rows after the fold",
        counts.ok,
        "; ".join(counts.wrong) or "exact",
    )


def client_address(network: int) -> str:
    """The X-Forwarded-For address of signer `network`: a /24 of its own (as in sign.lua)."""
    return f"{11 + network // 65536 % 240}.{network // 256 % 256}.{network % 256}.7"


def sign_requests(plan: SignPlan, count: int) -> list[bytes]:
    """What sign.lua sends, built ahead for the open-loop generator."""
    env = plan.env
    with open(env["BENCH_STAMPS"], encoding="ascii") as handle:
        stamps = handle.read().split()
    requests = []
    for number in range(1, count + 1):
        body = (
            f"csrfmiddlewaretoken={env['BENCH_CSRF_TOKEN']}&name=Ann+Lee"
            f"&email={env['BENCH_EMAIL_PREFIX']}{number}%40example.org&country=DE&comment="
            f"&website=&stamp={stamps[number - 1]}"
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={env['BENCH_CSRF_COOKIE']}",
            "X-Forwarded-For": client_address(int(env["BENCH_XFF_BASE"]) + number),
        }
        request = loadgen.build("POST", env["BENCH_SIGN_PATH"], headers=headers, body=body.encode())
        requests.append(request)
    return requests


def _mix_open_once(bench: Bench) -> None:
    """4+: the readers again, while signatures arrive at a fixed rate (open loop).

    Both sides of the closed-loop mix want all of both cores, so their two fractions add up to
    about 1 at best; a surge of signers is an arrival rate, and what matters is then how much
    the readers keep and how long a signer waits.
    """
    petition_id = bench.petitions[data.LIVE]
    plan = plan_sign(bench, bench.seconds)
    requests = sign_requests(plan, int(MIX_SIGN_RATE * bench.seconds))
    readers_alone = bench.latest("mix-readers-alone")
    waited = bench.quiet()
    wait_for_stamps(plan)
    before = _tally(petition_id)
    meter = bench.meter()
    meter.start()

    async def both() -> tuple[wrk.WrkResult, loadgen.LoadResult]:
        url = bench.server.base + page(data.LIVE)
        return await asyncio.gather(
            wrk.run(url, connections=MIX_READERS, seconds=bench.seconds),
            loadgen.open_loop(bench.server.port, requests, rate=MIX_SIGN_RATE),
        )

    readers, signers = asyncio.run(both())
    usage = meter.stop()
    rows, tasks, fraudulent = (a - b for a, b in zip(_tally(petition_id), before, strict=True))
    ok = signers.count(303)
    total = readers.requests + ok
    bench.record(
        "mix-open-readers",
        requests=readers.requests - readers.status_errors,
        seconds=readers.seconds,
        p50=readers.percentiles_ms.get(50),
        p99=readers.percentiles_ms.get(99),
        errors=readers.status_errors + readers.socket_errors,
        usage=usage,
        waited=waited,
        cpu_requests=total,
        extra={"fraction": readers.rps / max(readers_alone.rps, 1e-9)},
    )
    bench.record(
        "mix-open-signers",
        requests=ok,
        seconds=signers.window,
        p50=signers.percentile_ms(50),
        p99=signers.percentile_ms(99),
        errors=len(signers.outcomes) - ok,
        usage=usage,
        waited=waited,
        cpu_requests=total,
    )
    bench.session.check(
        bench.server.name,
        "4+: signatures at a fixed rate all 303, rows == 303 == queued e-mails",
        ok == len(requests) == rows == tasks and not fraudulent,
        f"{ok} of {len(requests)} answered 303; rows +{rows}, e-mail tasks +{tasks}, "
        f"fraudulent +{fraudulent}",
    )


@dataclass
class Mix:
    readers: wrk.WrkResult
    signers: wrk.WrkResult
    confirmed: loadgen.LoadResult
    shown: list[tuple[float, int]]  # (when, count the page showed)
    truth: list[tuple[float, int]]  # (when, confirmed rows)


async def _mix(bench: Bench, plan: SignPlan, confirms: list[bytes]) -> Mix:
    seconds = bench.seconds
    until = time.monotonic() + seconds
    shown: list[tuple[float, int]] = []
    truth: list[tuple[float, int]] = []
    stop_now = threading.Event()
    sampler = threading.Thread(
        target=_sample_truth, args=(plan.petition_id, until, truth, stop_now)
    )
    sampler.start()
    try:
        readers, signers, confirmed, _ = await asyncio.gather(
            wrk.run(bench.server.base + page(data.LIVE), connections=MIX_READERS, seconds=seconds),
            run_sign(bench, plan, MIX_SIGNERS, seconds),
            loadgen.open_loop(bench.server.port, confirms, rate=MIX_CONFIRM_RATE),
            _sample_page(bench.server.port, page(data.LIVE), until, shown),
        )
    finally:
        stop_now.set()
        sampler.join()
    return Mix(readers, signers, confirmed, shown, truth)


# --- 3. Surge of confirmations (PostgreSQL) ----------------------------------------------------


def _surge_phase(
    bench: Bench, scenario: str, petition_ids: list[int], *, rate: float | None
) -> Run:
    """Confirm pending signatures: open loop at `rate`, or closed loop with 32 clients."""
    seconds, warmup = bench.seconds, bench.warmup
    # Closed loop: enough tokens for 2,500 confirmations/s, more than 2 cores can do here.
    per_second = rate if rate is not None else 2500.0
    warm = data.add_pending(petition_ids, int(per_second * warmup) + 1, bench.tag("w"))
    tokens = data.add_pending(petition_ids, int(per_second * seconds), bench.tag("s"))
    data.vacuum_analyze(["signatures_countshard", "petitions_petition"])
    port = bench.server.port

    async def load(pending: list[data.Pending], duration: float) -> loadgen.LoadResult:
        requests = [confirm_request(p.token) for p in pending]
        if rate is not None:
            return await loadgen.open_loop(port, requests, rate=rate)
        return await loadgen.closed_loop(
            port, iter(requests), concurrency=SURGE_CLOSED, seconds=duration
        )

    waited = bench.quiet()
    asyncio.run(load(warm, warmup))
    before = data.confirmed_rows(petition_ids)
    meter = bench.meter()
    meter.start()
    result = asyncio.run(load(tokens, seconds))
    usage: Usage = meter.stop()
    gained = data.confirmed_rows(petition_ids) - before
    ok = result.count(303)
    problems = []
    if ok != len(result.outcomes):
        problems.append(f"statuses {dict(result.statuses())}")
    if gained != ok:
        problems.append(f"confirmed rows +{gained} for {ok} answers 303")
    if result.exhausted:
        problems.append("ran out of prepared tokens: the rate is underestimated")
    bench.session.check(
        bench.server.name,
        f"{scenario}: every confirmation 303 and in the rows",
        not problems,
        "; ".join(problems) or f"{ok} confirmations, {gained} rows confirmed",
    )
    return bench.record(
        scenario,
        requests=ok,
        seconds=result.window if rate is not None else seconds,
        p50=result.percentile_ms(50),
        p99=result.percentile_ms(99),
        errors=len(result.outcomes) - ok,
        usage=usage,
        waited=waited,
        extra={"achieved_rps": result.rate(303)},
    )


def surge(bench: Bench) -> None:
    one = [bench.petitions[data.SURGE]]
    spread = [bench.petitions[slug] for slug in data.SPREAD]
    for label, ids in (("one", one), ("spread", spread)):
        bench.attempt(partial(_surge_phase, bench, f"surge-{label}", ids, rate=SURGE_RATE))
    for label, ids in (("one", one), ("spread", spread)):
        bench.attempt(partial(_surge_phase, bench, f"surge-c32-{label}", ids, rate=None))
    counts = data.fold_and_check(one + spread)
    bench.session.check(
        bench.server.name,
        "surge: published count == confirmed rows on all 101 petitions (none lost)",
        counts.ok,
        "; ".join(counts.wrong) or f"{counts.petitions} petitions exact",
    )


# --- 5b. Export ---------------------------------------------------------------------------------


def export() -> None:
    """PLACEHOLDER: exporting 1,000,000 signatures to CSV (DESIGN §8.5) is a later feature.

    There is no export in Awaz yet, so there is nothing to measure; the report says so rather
    than show a number. When it exists: stream the 1M petition's CSV through the real view,
    measure rows/s (target >= 100,000) and the server's peak RSS (target < 150 MB).
    """
