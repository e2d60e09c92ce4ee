"""The fault run: 500 confirmations while the worker is killed, SMTP stops, PostgreSQL drops us.

Slow (a minute or two), so it runs only when asked:

    AWAZ_FAULT_RUN=1 DATABASE_URL=$TEST_POSTGRES_URL \
        .venv/bin/python -m pytest -p no:cacheprovider awaz/jobs/tests/test_mail_fault_run.py -q -s

It prints e-mails lost, sent twice (same Message-ID, which mail systems drop) and sent twice with
a new Message-ID (never allowed), and fails on any loss.
"""

import collections
import os
import signal
import subprocess
import time

import pytest
from django.db import connection

from awaz.core.models import OutgoingEmail
from awaz.signatures.services import Origin, Signer, signature_sign
from tests.factories import make_petition
from tests.processes import start_manage, stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("AWAZ_FAULT_RUN"), reason="slow: AWAZ_FAULT_RUN=1"),
]
ANYWHERE = Origin(network_digest="", allowed_network=True)
ENV = {"AWAZ_WORKER_HEARTBEAT": "1", "AWAZ_WORKER_HEARTBEAT_TIMEOUT": "3"}
COUNT = int(os.environ.get("AWAZ_FAULT_RUN_EMAILS", "500"))


def sign(petition, numbers):
    for number in numbers:
        signature_sign(
            petition=petition,
            signer=Signer(name=f"Signer {number}", email=f"f{number}@example.org", country="KZ"),
            language="en",
            origin=ANYWHERE,
        )


def terminate_backends() -> int:
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return int(cursor.fetchone()[0])


def wait_received(smtp, count, timeout=60.0):
    deadline = time.monotonic() + timeout
    while len(smtp.sink.messages) < count and time.monotonic() < deadline:
        time.sleep(0.02)


def test_the_fault_run_loses_no_mail(smtp):
    petition = make_petition()
    fifth = COUNT // 5
    waves = [range(n * fifth, (n + 1) * fifth if n < 4 else COUNT) for n in range(5)]
    faults: collections.Counter[str] = collections.Counter()
    outputs: list[str] = []

    def start() -> subprocess.Popen[bytes]:
        return start_manage("run_worker", "--no-periodic", EMAIL_URL=smtp.url, **ENV)

    def kill(process: subprocess.Popen[bytes]) -> subprocess.Popen[bytes]:
        outputs.append(stop(process, signal.SIGKILL))
        faults["worker killed -9"] += 1
        return start()

    sign(petition, waves[0])
    worker = start()
    try:
        wait_received(smtp, fifth // 3)
        worker = kill(worker)  # 1: mid-batch
        sign(petition, waves[1])
        wait_received(smtp, fifth)
        smtp.stop()  # 2: the mail server goes away for a while, mid-conversation
        faults["SMTP stopped for 4 s"] += 1
        time.sleep(4)
        smtp.start()
        faults["PostgreSQL connections terminated"] += terminate_backends() > 0  # 3
        sign(petition, waves[2])
        wait_received(smtp, 2 * fifth + fifth // 2)
        worker = kill(worker)  # 4
        faults["PostgreSQL connections terminated"] += terminate_backends() > 0  # 5
        sign(petition, waves[3])
        wait_received(smtp, 3 * fifth + fifth // 2)
        worker = kill(worker)  # 6
        sign(petition, waves[4])
        wait_received(smtp, 4 * fifth)
        faults["PostgreSQL connections terminated"] += terminate_backends() > 0  # 7
        worker = kill(worker)  # 8
        wait_received(smtp, COUNT, timeout=120)
        deadline = time.monotonic() + 60
        while OutgoingEmail.objects.filter(state="pending").exists():
            assert time.monotonic() < deadline, "mail still pending"
            time.sleep(0.2)
    finally:
        outputs.append(stop(worker))
    received = collections.Counter(message["To"] for message in smtp.sink.messages)
    ids = collections.Counter(
        (message["To"], message["Message-ID"]) for message in smtp.sink.messages
    )
    expected = {f"f{n}@example.org" for n in range(COUNT)}
    lost = len(expected - set(received))
    twice_same_id = sum(count - 1 for count in ids.values())
    twice_new_id = sum(count - 1 for count in received.values()) - twice_same_id
    print(  # the figures this run is for
        f"\nfault run on {connection.vendor}: {COUNT} confirmations, faults {dict(faults)};"
        f" received {sum(received.values())}, lost {lost}, sent twice with the same Message-ID"
        f" {twice_same_id}, sent twice with a new Message-ID {twice_new_id}"
    )
    assert lost == 0, outputs
    assert twice_new_id == 0
