"""Confirmation e-mails reach a real SMTP server: once each, whatever happens to the worker."""

import collections
import signal
import time

import pytest
from django.db import models
from django_tasks_db.models import DBTaskResult

from awaz.jobs.worker import Worker
from awaz.signatures.services import Origin, Signer, signature_sign
from tests.factories import make_petition
from tests.processes import start_manage, stop

ANYWHERE = Origin(network_digest="", allowed_network=True)


def sign_many(petition, count, language="en"):
    for number in range(count):
        signature_sign(
            petition=petition,
            signer=Signer(name=f"Signer {number}", email=f"s{number}@example.org", country="KZ"),
            language=language,
            origin=ANYWHERE,
        )


def run_worker_once():
    return Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)


def wait_until_queue_is_done(timeout):
    deadline = time.monotonic() + timeout
    while DBTaskResult.objects.exclude(status="SUCCESSFUL").exists():
        assert time.monotonic() < deadline, "the queue did not drain"
        time.sleep(0.1)


def recipients(messages):
    return collections.Counter(message["To"] for message in messages)


@pytest.mark.django_db
def test_the_confirmation_arrives_over_smtp_in_the_signers_language(smtp, settings):
    settings.SITE_URL = "https://awaz.example"
    petition = make_petition(languages=("en", "ug-latn"))
    sign_many(petition, 1, language="ug-latn")
    run_worker_once()
    (message,) = smtp.sink.wait_for(1)
    assert message["To"] == "s0@example.org"
    assert message["Message-ID"].endswith("@awaz.example>")
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "https://awaz.example/ug-latn/signatures/confirm/" in plain
    assert 'lang="ug-Latn" dir="ltr"' in html


@pytest.mark.django_db
def test_mail_queued_while_the_server_is_down_goes_out_once_it_is_back(smtp):
    petition = make_petition()
    sign_many(petition, 5)
    smtp.stop()
    run_worker_once()  # every attempt fails: the tasks wait for a retry
    assert DBTaskResult.objects.filter(status="READY").count() == 5
    assert DBTaskResult.objects.filter(status="FAILED").count() == 0
    smtp.start()
    DBTaskResult.objects.update(run_after=models.F("enqueued_at"))  # time passes
    run_worker_once()
    assert recipients(smtp.sink.wait_for(5)) == {f"s{n}@example.org": 1 for n in range(5)}
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 5


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_worker_killed_mid_queue_loses_nothing(smtp, how):
    petition = make_petition()
    sign_many(petition, 120)
    env = {"EMAIL_URL": smtp.url, "AWAZ_WORKER_LEASE": "2", "AWAZ_WORKER_BATCH": "10"}
    first = start_manage("run_worker", "--no-periodic", **env)
    smtp.sink.wait_for(20)
    stop(first, how)
    second = start_manage("run_worker", "--no-periodic", **env)
    try:
        smtp.sink.wait_for(120, timeout=60)
        wait_until_queue_is_done(timeout=30)  # a task abandoned by a kill waits for its lease
    finally:
        output = stop(second)
    counts = recipients(smtp.sink.messages)
    assert set(counts) == {f"s{n}@example.org" for n in range(120)}, output  # none lost
    duplicates = sum(count - 1 for count in counts.values())
    if how == signal.SIGTERM:
        assert duplicates == 0  # a graceful stop finishes its message and claims no more
    else:
        # SIGKILL can land between the server's "250 OK" and the commit that records it: at
        # most the one message in flight can go twice; claimed but unstarted ones never do.
        assert duplicates <= 1
    assert DBTaskResult.objects.exclude(status="SUCCESSFUL").count() == 0
