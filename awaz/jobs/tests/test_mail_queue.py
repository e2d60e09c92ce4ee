"""Every e-mail goes through the outbox and the queue: retried until it expires, one Message-ID."""

import datetime
import logging
import time

import pytest
from django.db import connection, models
from django.db.utils import OperationalError
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from awaz.accounts.roles import StaffRole
from awaz.accounts.services import user_password_reset_request
from awaz.core.models import OutgoingEmail, WorkerHeartbeat
from awaz.jobs import mailer
from awaz.jobs.housekeeping import finished_work_prune
from awaz.jobs.worker import Periodic, Worker
from awaz.signatures.models import Signature
from awaz.signatures.retention import signatures_purge_personal_data
from awaz.signatures.services import Origin, Signer, signature_confirm, signature_sign
from tests.factories import make_petition
from tests.organizers import make_user
from tests.staff import staff_client

pytestmark = pytest.mark.django_db
ANYWHERE = Origin(network_digest="", allowed_network=True)


def run_worker(**options: object) -> int:
    return Worker(worker_id="test", queues=["default"], idle_sleep=0, **options).run(once=True)  # type: ignore[arg-type]


def time_passes() -> None:
    DBTaskResult.objects.update(run_after=models.F("enqueued_at"))


def sign(petition, address="ann@example.org"):
    return signature_sign(
        petition=petition,
        signer=Signer(name="Ann", email=address, country="KZ"),
        language="en",
        origin=ANYWHERE,
    )


def test_a_task_carries_ids_and_never_the_address():
    sign(make_petition())
    (task,) = DBTaskResult.objects.all()
    assert set(task.args_kwargs["kwargs"]) == {"signature_id", "kind", "email_id"}
    (outgoing,) = OutgoingEmail.objects.all()
    assert outgoing.recipient_encrypted  # encrypted in the outbox, until it is sent
    assert outgoing.recipient_encrypted not in str(task.args_kwargs)


def test_a_retry_sends_the_message_id_chosen_when_it_was_queued(smtp):
    sign(make_petition())
    (outgoing,) = OutgoingEmail.objects.all()
    smtp.stop()
    run_worker()
    smtp.start()
    time_passes()
    run_worker()
    (message,) = smtp.sink.wait_for(1)
    assert message["Message-ID"] == outgoing.message_id
    outgoing.refresh_from_db()
    assert (outgoing.state, outgoing.attempts) == (OutgoingEmail.State.SENT, 2)
    assert outgoing.recipient_encrypted == ""  # sent: the outbox forgets the address


def test_a_crash_before_the_success_is_written_resends_with_the_same_message_id(smtp, monkeypatch):
    sign(make_petition())
    (outgoing,) = OutgoingEmail.objects.all()
    (task,) = DBTaskResult.objects.all()
    kwargs = task.args_kwargs["kwargs"]

    def crash(*args: object) -> None:
        raise SystemExit("killed between the server's 250 and our commit")

    monkeypatch.setattr(mailer, "_finish", crash)
    with pytest.raises(SystemExit):
        task.task.call(**kwargs)
    monkeypatch.undo()
    mailer._unrecorded.clear()  # the process died with what it knew
    task.task.call(**kwargs)  # the recovered task runs again
    first, second = smtp.sink.wait_for(2)
    assert first["Message-ID"] == second["Message-ID"] == outgoing.message_id


def test_a_success_the_database_missed_is_written_when_it_is_back_and_not_sent_again(
    smtp, monkeypatch
):
    sign(make_petition())
    (task,) = DBTaskResult.objects.all()
    real_finish = mailer._finish

    def database_gone(*args: object) -> None:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(mailer, "_finish", database_gone)
    with pytest.raises(OperationalError):
        task.task.call(**task.args_kwargs["kwargs"])
    monkeypatch.setattr(mailer, "_finish", real_finish)
    assert mailer.record_unrecorded() == 0
    assert task.task.call(**task.args_kwargs["kwargs"]) == "sent"  # already: nothing sent
    assert len(smtp.sink.wait_for(1)) == 1
    assert OutgoingEmail.objects.get().state == OutgoingEmail.State.SENT


def test_mail_is_retried_past_twenty_attempts_until_its_link_expires(smtp, time_machine, caplog):
    sign(make_petition())
    smtp.stop()
    for _ in range(25):
        run_worker(max_attempts=20)
        time_passes()
    (task,) = DBTaskResult.objects.all()
    assert task.status == "READY"  # still waiting for the server, after 25 attempts
    assert OutgoingEmail.objects.get().attempts == 25
    assert "will retry" in caplog.text
    assert any(record.levelno == logging.ERROR for record in caplog.records)  # operator told
    time_machine.move_to(timezone.now() + datetime.timedelta(days=8))  # the link would be dead
    run_worker()
    outgoing = OutgoingEmail.objects.get()
    assert outgoing.state == OutgoingEmail.State.EXPIRED
    assert outgoing.recipient_encrypted == ""
    assert DBTaskResult.objects.get().return_value == "expired"
    assert "expired undelivered" in caplog.text


def test_password_reset_mail_waits_out_an_smtp_outage(smtp):
    user = make_user(email="nur@example.org")
    smtp.stop()
    user_password_reset_request(email=user.email)
    run_worker()
    (task,) = DBTaskResult.objects.all()
    assert task.args_kwargs["kwargs"] == {"email_id": OutgoingEmail.objects.get().pk}
    assert task.status == "READY"
    smtp.start()
    time_passes()
    run_worker()
    (message,) = smtp.sink.wait_for(1)
    assert message["To"] == "nur@example.org"
    assert "/accounts/password/" in message.get_content()
    assert OutgoingEmail.objects.get().content_encrypted == ""  # the link is forgotten


def test_a_silent_workers_claims_go_back_to_the_queue_at_once():
    sign(make_petition(), "a@example.org")
    sign(make_petition(), "b@example.org")
    dead, alive = DBTaskResult.objects.order_by("enqueued_at")
    twenty_seconds_ago = timezone.now() - datetime.timedelta(seconds=20)
    DBTaskResult.objects.filter(pk=dead.pk).update(
        status="RUNNING", worker_ids=["dead"], started_at=twenty_seconds_ago
    )
    DBTaskResult.objects.filter(pk=alive.pk).update(
        status="RUNNING", worker_ids=["alive"], started_at=twenty_seconds_ago
    )
    WorkerHeartbeat.objects.create(
        worker_id="alive", started_at=twenty_seconds_ago, seen_at=timezone.now()
    )
    worker = Worker(worker_id="live", queues=["default"], heartbeat_timeout=15, lease=300)
    assert worker.recover_abandoned() == 1
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert (dead.status, alive.status) == ("READY", "RUNNING")


CALLS: list[int] = []


def periodic_job() -> None:
    CALLS.append(1)


def test_a_periodic_job_runs_once_per_interval_however_many_workers_run():
    CALLS.clear()
    path = f"{__name__}.periodic_job"
    workers = [Periodic(path, 60.0) for _ in range(3)]
    now = time.time() // 60 * 60  # the start of an interval: now + 1 is in the same one
    assert [job.run_if_due(now) for job in workers].count(True) == 1
    assert [job.run_if_due(now + 1) for job in workers].count(True) == 0
    assert [job.run_if_due(now + 61) for job in workers].count(True) == 1
    assert len(CALLS) == 2


def test_the_health_page_counts_waiting_mail_and_names_nobody(smtp, settings, time_machine):
    settings.AWAZ_HEALTH_TOKEN = "monitor-secret"
    sign(make_petition(), "ann@example.org")
    smtp.stop()
    run_worker()
    monitor = Client(headers={"Authorization": "Bearer monitor-secret"})
    response = monitor.get("/healthz")
    body = response.content.decode()
    assert response.status_code == 200, body
    assert "mail_waiting 1\n" in body and "mail_retrying 1\n" in body
    assert "ann" not in body and "example.org" not in body
    assert Client().get("/healthz").status_code == 302  # strangers are sent to log in
    assert Client(headers={"Authorization": "Bearer wrong"}).get("/healthz").status_code == 302
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=1))
    stuck = monitor.get("/healthz")
    assert stuck.status_code == 503
    assert stuck.content.startswith(b"healthy 0\n")
    moderator = make_user(staff_role=StaffRole.MODERATOR)
    assert staff_client(moderator).get("/healthz").status_code == 503


def _columns_holding(needles: list[str]) -> list[str]:
    """Every table's every column, read as text, that contains one of `needles`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            description = connection.introspection.get_table_description(cursor, table)
            for column in description:
                name = connection.ops.quote_name(column.name)
                quoted = connection.ops.quote_name(table)
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quoted} WHERE CAST({name} AS TEXT) LIKE %s",  # noqa: S608 - names from the schema
                        [f"%{needle}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name}")
    return found


def test_after_confirmation_and_the_purge_the_address_is_in_no_table(smtp, settings):
    settings.AWAZ_TASK_RESULT_DAYS = 0
    petition = make_petition()
    sign(petition, "ayshe.unique@example.org")
    signature = Signature.objects.get()
    secrets = [
        "ayshe.unique@example.org",
        "ayshe.unique",
        signature.email_encrypted,
        OutgoingEmail.objects.get().recipient_encrypted,
    ]
    assert _columns_holding(secrets)  # the scan finds them while they are needed
    run_worker()
    smtp.sink.wait_for(1)
    signature_confirm(signature_id=signature.pk)
    signatures_purge_personal_data(petition_id=petition.pk)
    finished_work_prune()
    assert _columns_holding(secrets) == []


def test_a_task_queued_before_the_outbox_is_still_sent_and_forgotten(smtp):
    from awaz.privacy import crypto
    from awaz.signatures.tasks import send_signature_email

    sign(make_petition(), "old@example.org")
    signature = Signature.objects.get()
    DBTaskResult.objects.all().delete()
    OutgoingEmail.objects.all().delete()
    send_signature_email.enqueue(  # the arguments of the release before
        signature_id=signature.pk, kind="confirm", recipient=crypto.encrypt("old@example.org")
    )
    run_worker()
    (message,) = smtp.sink.wait_for(1)
    assert message["To"] == "old@example.org"
    assert OutgoingEmail.objects.get().state == OutgoingEmail.State.SENT
