#!/usr/bin/env python3
"""Awaz benchmarks (DESIGN §8): hot paths as ratios of a bare Django view, measured together.

For each database (SQLite, then PostgreSQL in a database of its own, created and dropped here)
and each server (gunicorn sync and granian WSGI, 2 workers, flags as in bin/serve, DEBUG off,
persistent connections, static files collected), on 127.0.0.1 only:

  hello    the bare Django view, through the full middleware: the 100% of every ratio
  1 page   the petition page for anonymous readers (cached) and with a session (rendered),
           with 0 and with 1,000,000 confirmed signatures
  2 sign   the sign POST (CSRF, form stamp, unique e-mail and client network), c=8 and c=32;
           then signature rows == 303 answers == queued e-mails, exactly
  4 mix    16 readers and 8 signers together against each alone, confirmations moving the
           count, a real worker folding it; the shown count against the true one
  3 surge  (PostgreSQL) confirmations at 200/s (open loop) on one petition and on 100;
           plus closed-loop capacity; no confirmation lost
  5 mail   one `manage.py run_worker` sending confirmations to a local SMTP sink
  (export of 1M signatures to CSV: a later feature, a placeholder in the report)

Load comes from wrk (one thread) and, for open loops, a small Python generator, in processes
apart from the server's. Every run waits until foreign load drops below --quiet-below cores,
and reports server CPU ms per request from /proc, which neighbours do not distort. The report
goes to stdout and to var/bench/latest.md; the exit status is 1 when a hard floor is missed or
a check fails.
"""

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a file (make bench): import from the project, not bench/
    sys.path[0] = str(ROOT)

from bench import report  # noqa: E402
from bench.harness import HARNESS_APPLICATION  # noqa: E402
from bench.results import Session  # noqa: E402

DATABASES = ("sqlite", "postgresql")
SCENARIOS = ("hello", "pages", "sign", "mix", "surge", "email")


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke test: 3 s runs, 1 s warm-up, 20,000 instead of 1M "
        "signatures, 300 e-mails (numbers not comparable)",
    )
    parser.add_argument(
        "--servers",
        default="gunicorn,granian",
        help="comma-separated: waitress,gunicorn,granian (default gunicorn,granian; waitress is "
        "bin/serve's default)",
    )
    parser.add_argument(
        "--databases",
        default=",".join(DATABASES),
        help="comma-separated: sqlite,postgresql (default both)",
    )
    parser.add_argument("--seconds", type=float, help="length of each measurement (15)")
    parser.add_argument("--warmup", type=float, help="warm-up before each (3)")
    parser.add_argument("--big", type=int, help="signatures on the big petition (1,000,000)")
    parser.add_argument("--emails", type=int, help="queued confirmations to send (3,000)")
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server; a database awaz_bench_<pid> is made and dropped",
    )
    parser.add_argument(
        "--quiet-below",
        type=float,
        default=0.25,
        help="wait until foreign load is under this many cores (0.25)",
    )
    parser.add_argument(
        "--max-wait",
        type=float,
        default=300,
        help="longest wait for quiet before each run, seconds (300)",
    )
    parser.add_argument(
        "--scenarios",
        default=",".join(SCENARIOS),
        help=f"comma-separated, any of {','.join(SCENARIOS)} (default all; the bare view is "
        "measured whenever a ratio needs it)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=2,
        help="repeat a run up to this many times when foreign load reached --quiet-below "
        "during it; the quietest is kept (2)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT / "var" / "bench" / "latest.md",
        help="where the Markdown report goes (var/bench/latest.md)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary directory (logs, SQLite file) afterwards",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    args.seconds = args.seconds or (3.0 if quick else 15.0)
    args.warmup = args.warmup or (1.0 if quick else 3.0)
    args.big = args.big if args.big is not None else (20_000 if quick else 1_000_000)
    args.emails = args.emails or (300 if quick else 3_000)
    for name in args.servers.split(","):
        if name not in ("waitress", "gunicorn", "granian"):
            parser.error(f"unknown server {name!r}")
    for name in args.databases.split(","):
        if name not in DATABASES:
            parser.error(f"unknown database {name!r}")
    for name in args.scenarios.split(","):
        if name not in SCENARIOS:
            parser.error(f"unknown scenario {name!r}")
    return args


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _psql(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql)


# Not needed to serve: the snapshot leaves them out.
_NOT_SERVED = (".git", ".venv", "venv", "var", "node_modules", "tests", "docs", "__pycache__",
               "*.pyc", ".mypy_cache", ".ruff_cache", ".pytest_cache")  # fmt: skip


def snapshot(destination: Path) -> Path:
    """A copy of the working tree: every process of the run serves the same code.

    Others edit the tree while a run lasts (a gunicorn worker recycled after --max-requests, or
    a server started later, would import their half-made changes); the copy is taken once.
    """
    shutil.copytree(ROOT, destination, ignore=shutil.ignore_patterns(*_NOT_SERVED))
    return destination


def session(args: argparse.Namespace, database: str, workdir: Path, source: Path) -> Session:
    """One database: its own process, with Django set up on that database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "AWAZ_VAR_DIR": str(workdir / "var"),
        "PYTHONPATH": str(source),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    env.pop("EMAIL_URL", None)
    name = f"awaz_bench_{os.getpid()}"
    if database == "postgresql":
        url = f"{args.postgres.rstrip('/')}/{name}"
        _psql(args.postgres, f'DROP DATABASE IF EXISTS "{name}"')
        _psql(args.postgres, f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"{url}?application_name={HARNESS_APPLICATION}"
        env["BENCH_SERVER_DATABASE_URL"] = url
    else:
        url = f"sqlite:///{workdir / 'awaz-bench.sqlite3'}"
        env["DATABASE_URL"] = env["BENCH_SERVER_DATABASE_URL"] = url
    out = workdir / f"{database}.json"
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.session",
                "--database",
                database,
                "--servers",
                args.servers,
                "--seconds",
                str(args.seconds),
                "--warmup",
                str(args.warmup),
                "--big",
                str(args.big),
                "--emails",
                str(args.emails),
                "--quiet-below",
                str(args.quiet_below),
                "--max-wait",
                str(args.max_wait),
                "--retries",
                str(args.retries),
                "--scenarios",
                args.scenarios,
                "--workdir",
                str(workdir),
                "--out",
                str(out),
            ],
            cwd=source,
            env=env,
            check=False,
        )
    finally:
        if database == "postgresql":
            _psql(args.postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if not out.exists():
        failed = Session(database=database)
        failed.check("-", "the session wrote its results", False, f"no {out.name}")
        return failed
    return Session.load(out)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    if shutil.which("wrk") is None:
        print("wrk is missing: `make bench` installs it (apt-get install wrk).", file=sys.stderr)
        return 2
    started = datetime.datetime.now(datetime.UTC)
    load_before = os.getloadavg()
    workdir = Path(tempfile.mkdtemp(prefix="awaz-bench-"))
    print(f"Working in {workdir}")
    commit, dirty = _git_commit(), _dirty()
    try:
        source = snapshot(workdir / "src")
        sessions = [session(args, db, workdir, source) for db in args.databases.split(",")]
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    runs = [run for s in sessions for run in s.runs]
    foreign = [run.foreign_cores for run in runs]
    noisy = sum(1 for value in foreign if value >= args.quiet_below)
    waited = sum(run.waited_s for run in runs)
    header = [
        "# Awaz benchmark",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC; commit {commit}"
        f"{' plus the uncommitted changes of the working tree' if dirty else ''}"
        " (a snapshot taken at the start served the whole run)",
        f"- Machine: {os.cpu_count()} CPUs ({_cpu_model()}), Python {platform.python_version()}",
        f"- Runs: {args.seconds:g} s each after {args.warmup:g} s of warm-up"
        f"{'; --quick (smoke test, numbers not comparable)' if args.quick else ''}; "
        f"big petition {args.big:,} signatures; {args.emails:,} e-mails",
        f"- Foreign load (other people's work on this machine): load average "
        f"{load_before[0]:.2f} at the start; during runs "
        + (
            f"mean {sum(foreign) / len(foreign):.2f}, max {max(foreign):.2f} cores; "
            f"{noisy} of {len(foreign)} runs above {args.quiet_below} cores (marked noisy); "
            f"{waited:.0f} s spent waiting for quiet"
            if foreign
            else "no runs"
        ),
    ]
    text, passed = report.render(sessions, header, args.quiet_below)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"(written to {args.output})")
    return 0 if passed else 1


def _dirty() -> bool:
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return bool(status.stdout.strip())


if __name__ == "__main__":
    sys.exit(main())
