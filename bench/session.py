"""One database's benchmark session: a process of its own, started by bench/run.py.

It sets the database up (schema, demo content, the benchmark's petitions, 1,000,000 confirmed
signatures), then, for each server, starts it and runs the web scenarios against it; then the
e-mail scenario; then proves every published count equals its confirmed rows. It writes what it
measured to a JSON file for run.py's report.
"""

import argparse
import os
import time
import traceback
from pathlib import Path

import django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--servers", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--warmup", type=float, required=True)
    parser.add_argument("--big", type=int, required=True)
    parser.add_argument("--emails", type=int, required=True)
    parser.add_argument("--quiet-below", type=float, required=True)
    parser.add_argument("--max-wait", type=float, required=True)
    parser.add_argument("--retries", type=int, required=True)
    parser.add_argument("--scenarios", required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    django.setup()
    run(args)


def run(args: argparse.Namespace) -> None:
    from bench import data, mail, scenarios
    from bench.harness import Bench
    from bench.results import Session
    from bench.servers import running

    session = Session(database=args.database)
    # The servers and the worker connect without the harness's application_name.
    server_env = {**os.environ, "DATABASE_URL": os.environ["BENCH_SERVER_DATABASE_URL"]}
    try:
        began = time.monotonic()
        print(f"== {args.database}: schema, demo content, petitions")
        data.prepare_schema()
        petitions = data.create_petitions()
        print(f"== {args.database}: {args.big:,} confirmed signatures on {data.BIG}")
        data.add_confirmed(petitions[data.BIG], args.big)
        data.vacuum_analyze()
        counts = data.fold_and_check()
        session.check(
            "-",
            f"set-up: {args.big:,} rows inserted, published counts == confirmed rows",
            counts.ok,
            "; ".join(counts.wrong) or f"{counts.petitions} petitions exact",
        )
        session.notes.append(f"set-up took {time.monotonic() - began:.0f} s")
        web = {"hello", "pages", "sign", "mix", "surge"} & set(args.scenarios.split(","))
        for index, name in enumerate(args.servers.split(",") if web else []):
            print(f"== {args.database} on {name}")
            try:
                with running(name, server_env, args.workdir) as server:
                    bench = Bench(
                        session=session,
                        server=server,
                        petitions=petitions,
                        seconds=args.seconds,
                        warmup=args.warmup,
                        quiet_below=args.quiet_below,
                        max_wait=args.max_wait,
                        env=server_env,
                        workdir=args.workdir,
                        retries=args.retries,
                        # Each server's signers come from client networks of their own.
                        xff_next=index * 4_000_000,
                    )
                    wanted = args.scenarios.split(",")
                    if "hello" in wanted or "pages" in wanted or "sign" in wanted:
                        scenarios.hello(bench)  # every ratio needs it
                    if "pages" in wanted:
                        scenarios.pages(bench)
                    if "sign" in wanted:
                        scenarios.signing(bench)
                    if "mix" in wanted:
                        scenarios.mixed(bench)
                    if "surge" in wanted and args.database == "postgresql":
                        scenarios.surge(bench)
            except Exception as error:
                traceback.print_exc()
                session.check(name, "the scenarios ran to the end", False, repr(error))
            data.vacuum_analyze(["signatures_countshard", "petitions_petition"])
        if "email" in args.scenarios.split(","):
            print(f"== {args.database}: e-mail")
            mail.email(
                session,
                server_env,
                args.workdir,
                count=args.emails,
                quiet_below=args.quiet_below,
                max_wait=args.max_wait,
                retries=args.retries,
            )
        scenarios.export()
        counts = data.fold_and_check()
        session.check(
            "-",
            "end of run: every published count == its confirmed rows",
            counts.ok,
            "; ".join(counts.wrong) or f"{counts.petitions} petitions exact",
        )
    except Exception as error:
        traceback.print_exc()
        session.check("-", "the session ran to the end", False, repr(error))
    finally:
        session.dump(args.out)


if __name__ == "__main__":
    main()
