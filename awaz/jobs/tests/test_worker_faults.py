"""Real worker processes against the real database: killed, cut off from PostgreSQL, restarted.

The worker must keep running through a database restart (its connections killed, the server
unreachable for a while) and then send what is pending; a worker killed mid-batch must not
hold its claimed tasks for the whole lease.
"""

import collections
import signal
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from awaz.core.models import OutgoingEmail
from awaz.signatures.services import Origin, Signer, signature_sign
from tests import processes
from tests.factories import make_petition
from tests.processes import start_manage, stop
from tests.tcpproxy import TcpProxy

pytestmark = pytest.mark.django_db(transaction=True)
ANYWHERE = Origin(network_digest="", allowed_network=True)
FAST_HEARTBEAT = {"AWAZ_WORKER_HEARTBEAT": "1", "AWAZ_WORKER_HEARTBEAT_TIMEOUT": "3"}
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="kills PostgreSQL connections"
)


def sign_many(petition, numbers):
    for number in numbers:
        signature_sign(
            petition=petition,
            signer=Signer(name=f"Signer {number}", email=f"s{number}@example.org", country="KZ"),
            language="en",
            origin=ANYWHERE,
        )


def recipients(messages):
    return collections.Counter(message["To"] for message in messages)


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def terminate_other_backends() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return int(cursor.fetchone()[0])


def test_a_worker_killed_mid_batch_leaves_its_batch_to_a_live_worker_within_seconds(smtp):
    petition = make_petition()
    sign_many(petition, range(120))
    env = {
        "EMAIL_URL": smtp.url,
        "AWAZ_WORKER_BATCH": "50",
        "AWAZ_WORKER_LEASE": "600",
        **FAST_HEARTBEAT,
    }
    first = start_manage("run_worker", "--no-periodic", **env)
    smtp.sink.wait_for(20)
    stop(first, signal.SIGKILL)  # mid-batch: the rest of its 50 are claimed, unsent
    killed_at = time.monotonic()
    second = start_manage("run_worker", "--no-periodic", **env)
    try:
        # The lease is 600 s: only the dead worker's silence can free its batch this soon (the
        # bound is generous for a busy machine; it is the 3 s heartbeat time-out that frees it).
        smtp.sink.wait_for(120, timeout=180)
        took = time.monotonic() - killed_at
    finally:
        output = stop(second)
    assert took < 180, output
    counts = recipients(smtp.sink.messages)
    assert set(counts) == {f"s{n}@example.org" for n in range(120)}, output
    # SIGKILL can land between the server's "250 OK" and the commit that records it: at most
    # the message in flight goes twice, and with the same Message-ID.
    assert sum(count - 1 for count in counts.values()) <= 1
    assert len({message["Message-ID"] for message in smtp.sink.messages}) == 120
    assert "tasks of a silent worker are back in the queue" in output


@needs_postgres
def test_the_worker_survives_its_connections_being_killed_and_sends_what_is_pending(smtp):
    petition = make_petition()
    worker = start_manage("run_worker", "--no-periodic", EMAIL_URL=smtp.url, **FAST_HEARTBEAT)
    try:
        sign_many(petition, range(10))
        smtp.sink.wait_for(10)
        for round_ in range(3):  # what a restart does to every client, three times
            assert terminate_other_backends() >= 1  # the worker's and its heartbeat's
            sign_many(petition, range(10 + 10 * round_, 20 + 10 * round_))
            smtp.sink.wait_for(20 + 10 * round_, timeout=60)  # reconnected, sent the pending
        assert worker.poll() is None  # still running
    finally:
        output = stop(worker)
    assert recipients(smtp.sink.messages) == {f"s{n}@example.org": 1 for n in range(40)}, output


@needs_postgres
def test_the_worker_waits_out_an_unreachable_database_and_then_sends(smtp):
    petition = make_petition()
    parts = urlsplit(processes.test_database_url())
    proxy = TcpProxy(upstream=(parts.hostname or "127.0.0.1", parts.port or 5432))
    proxy.restore()
    netloc = parts.netloc.rsplit("@", 1)
    via_proxy = urlunsplit(parts._replace(netloc=f"{netloc[0]}@127.0.0.1:{proxy.port}"))
    worker = start_manage(
        "run_worker", "--no-periodic", EMAIL_URL=smtp.url, DATABASE_URL=via_proxy, **FAST_HEARTBEAT
    )
    try:
        sign_many(petition, range(5))
        smtp.sink.wait_for(5)
        proxy.cut()  # the server is gone: connections dropped, new ones refused
        sign_many(petition, range(5, 25))  # signers keep signing (the web has its database)
        time.sleep(6)
        assert worker.poll() is None
        assert len(smtp.sink.messages) == 5
        proxy.restore()
        smtp.sink.wait_for(25, timeout=60)
        wait_for(
            lambda: not OutgoingEmail.objects.filter(state="pending").exists(),
            30,
            "the sent mail is recorded",
        )
    finally:
        output = stop(worker)
        proxy.cut()
    assert recipients(smtp.sink.messages) == {f"s{n}@example.org": 1 for n in range(25)}, output
    assert "database unavailable" in output
    assert "the database is back" in output
