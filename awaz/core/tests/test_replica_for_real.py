"""A real PostgreSQL streaming replica: public reads go to it, a signer reads their own writes
from the primary, and when the replica stops mid-test its readers read the primary, unharmed.

The replica is a copy of the test's PostgreSQL server made with `pg_basebackup -R`, started with
the same PostgreSQL's `pg_ctl` on a port of its own. To tell which server a page was read from,
the replica's replay is paused: a change made on the primary then shows only on pages that read
the primary. Needs replication connections from 127.0.0.1 in the server's pg_hba.conf, which
`.ci/run` adds on CI's machine (docs/deploy.md).
"""

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from awaz.core.replicas import PIN_COOKIE
from tests import live, processes
from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)
PG_BIN = Path(os.environ.get("AWAZ_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _as_postgres(*command: str) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root, so the replica runs as "postgres".
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def _run(*command: str) -> None:
    result = subprocess.run(_as_postgres(*command), capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}{result.stderr}"


@pytest.fixture
def replica() -> Iterator[tuple[str, int, Path]]:
    """A streaming replica of the test's server: (its DATABASE_URL, its port, its folder)."""
    if connection.vendor != "postgresql":
        pytest.skip("streaming replicas are PostgreSQL's; the PostgreSQL run tests them")
    primary = connection.settings_dict
    host, port = primary.get("HOST") or "127.0.0.1", str(primary.get("PORT") or 5432)
    folder = Path(tempfile.mkdtemp(prefix="awaz-replica-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    replica_port = live.free_port()
    user = primary.get("USER") or "postgres"
    _run(
        str(PG_BIN / "pg_basebackup"), "-h", host, "-p", port, "-U", user,
        "-D", str(data), "-R", "-X", "stream", "-c", "fast",
    )  # fmt: skip
    # Debian keeps the server's configuration outside its data folder: the copy gets its own.
    (data / "postgresql.conf").write_text(
        f"port = {replica_port}\nlisten_addresses = '127.0.0.1'\n"
        f"unix_socket_directories = '{folder}'\nhot_standby = on\nfsync = off\n"
    )
    (data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    for name in ("postgresql.conf", "pg_hba.conf"):
        if os.geteuid() == 0:
            shutil.chown(data / name, "postgres", "postgres")
    _run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "start")
    try:
        url = f"postgres://postgres@127.0.0.1:{replica_port}/{primary['NAME']}"
        yield url, replica_port, data
    finally:
        subprocess.run(  # noqa: S603
            _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def _on_replica(url: str, sql: str, params: tuple[str, ...] = ()) -> object:
    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as db:
        return db.execute(sql, params).fetchone()[0]  # type: ignore[index]


def _wait_replayed(url: str, slug: str, title: str) -> None:
    deadline = time.monotonic() + 20
    sql = (
        "SELECT count(*) FROM petitions_petitiontext t JOIN petitions_petition p"
        " ON p.id = t.petition_id WHERE p.slug = %s AND t.title = %s"
    )
    while _on_replica(url, sql, (slug, title)) == 0:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.1)


def test_public_reads_use_the_replica_and_survive_it_stopping(replica, tmp_path):
    replica_url, _port, data = replica
    petition = make_petition(title="Before")
    _wait_replayed(replica_url, petition.slug, "Before [en]")
    port = live.free_port()
    base = f"http://127.0.0.1:{port}"
    page_url = f"{base}/en/petitions/{petition.slug}/"
    log = (tmp_path / "web.log").open("wb")
    web = live.start_web(
        port,
        log,
        DATABASE_URL=processes.test_database_url(),
        DATABASE_REPLICA_URLS=replica_url,
        STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        AWAZ_PAGE_CACHE_SECONDS="0",  # every read reaches a database
        AWAZ_MIN_FILL_SECONDS="0",
        AWAZ_ALLOWED_NETWORKS="127.0.0.0/8",
    )
    try:
        live.wait_ready(f"{base}/en/", web)
        # Replay paused: what the primary changes now, only the primary shows.
        _on_replica(replica_url, "SELECT pg_wal_replay_pause()")
        text = petition.texts.get()
        text.title = "After [en]"
        text.save()

        assert "Before [en]" in live.Reader().request(page_url).body  # the replica's page

        signer = live.Reader()
        _action, values = live.form_in(signer.request(page_url).body, "/sign/")
        values |= {"name": "Ann", "email": "ann@example.org", "country": "KZ"}
        answer = signer.request(f"{page_url}sign/", values, headers={"Referer": page_url})
        assert answer.status == 303, answer.body[:300]
        assert signer.cookie(PIN_COOKIE) == "1"
        inbox = signer.request(f"{base}{answer.headers['Location']}")
        assert "After [en]" in inbox.body  # "check your inbox" reads the primary
        assert "After [en]" in signer.request(page_url).body  # pinned: their own writes
        assert "Before [en]" in live.Reader().request(page_url).body  # others: the replica

        _on_replica(replica_url, "SELECT pg_wal_replay_resume()")
        _wait_replayed(replica_url, petition.slug, "After [en]")

        # Readers keep reading while the replica stops under them.
        statuses: list[int] = []
        stop_reading = threading.Event()

        def read() -> None:
            reader = live.Reader()
            while not stop_reading.is_set():
                statuses.append(reader.request(page_url).status)

        readers = [threading.Thread(target=read) for _ in range(4)]
        for thread in readers:
            thread.start()
        time.sleep(1)
        _run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        time.sleep(2)
        stop_reading.set()
        for thread in readers:
            thread.join(30)
        assert statuses and set(statuses) == {200}, sorted(set(statuses))
        assert "After [en]" in live.Reader().request(page_url).body  # now from the primary
    finally:
        web.terminate()
        web.wait(30)
        log.close()
    assert "Traceback" not in (tmp_path / "web.log").read_text()
