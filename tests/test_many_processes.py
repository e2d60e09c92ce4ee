"""Many machines, for real: two web processes and two workers on one database and one Redis.

Signers open the petition, sign and confirm through both web processes at once (real HTTP, the
CSRF cookie and token, the form as served); two `manage.py run_worker` processes send the mail
to an SMTP server started here and fold the count. Afterwards the count is exact and every
e-mail was sent exactly once. CI runs it on PostgreSQL and Redis (`make check`); it runs on
SQLite too (several processes on one file is the one-machine set-up with more processes).
"""

import collections
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from awaz.core.models import OutgoingEmail
from awaz.petitions.models import Petition
from awaz.signatures import counting
from awaz.signatures.models import Signature
from tests import live, processes
from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)
SIGNERS = 24


def _sign(reader: live.Reader, base: str, slug: str, number: int) -> None:
    page = reader.request(f"{base}/en/petitions/{slug}/")
    assert page.status == 200, page.status
    action, values = live.form_in(page.body, "/sign/")
    values |= {"name": f"Signer {number}", "email": f"s{number}@example.org", "country": "KZ"}
    answer = reader.request(f"{base}{action}", values, headers={"Referer": f"{base}/"})
    assert answer.status == 303, (answer.status, answer.body[:300])
    assert answer.headers["Location"].endswith("/check-your-inbox/")


def _confirm(reader: live.Reader, base: str, path: str) -> None:
    page = reader.request(f"{base}{path}")
    assert page.status == 200, page.status
    _action, values = live.form_in(page.body)
    answer = reader.request(f"{base}{path}", values)
    assert answer.status == 303, (answer.status, answer.body[:300])
    assert "/thank-you/" in answer.headers["Location"]


def test_two_web_processes_and_two_workers_count_exactly_and_mail_once(smtp, tmp_path):
    environment = {
        "DATABASE_URL": processes.test_database_url(),
        "REDIS_URL": live.redis_or_skip(),
        "CACHE_KEY_PREFIX": f"awaz-test-{uuid.uuid4().hex[:8]}",
        "EMAIL_URL": smtp.url,
        "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        # Every signer comes from 127.0.0.1: that network is not limited, forms may come back
        # at once, and the count is folded every second.
        "AWAZ_ALLOWED_NETWORKS": "127.0.0.0/8",
        "AWAZ_MIN_FILL_SECONDS": "0",
        "AWAZ_COUNT_INTERVAL": "1",
        "AWAZ_WORKER_HEARTBEAT": "1",
    }
    petition = make_petition(title="Many machines")
    ports = [live.free_port(), live.free_port()]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    log = (tmp_path / "processes.log").open("wb")
    webs = [live.start_web(port, log, **environment) for port in ports]
    workers = [processes.start_manage("run_worker", **environment) for _ in range(2)]
    outputs: list[str] = []
    try:
        for base, web in zip(bases, webs, strict=True):
            live.wait_ready(f"{base}/en/", web)
        readers = [live.Reader() for _ in range(SIGNERS)]
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(
                lambda n: _sign(readers[n], bases[n % 2], petition.slug, n), range(SIGNERS)
            ))  # fmt: skip
        confirmations = smtp.sink.wait_for(SIGNERS, timeout=60)
        links = {mail["To"]: live.link_in(mail, "/signatures/confirm/") for mail in confirmations}
        assert len(links) == SIGNERS
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(
                lambda n: _confirm(readers[n], bases[(n + 1) % 2], links[f"s{n}@example.org"]),
                range(SIGNERS),
            ))  # fmt: skip
        deadline = time.monotonic() + 40
        while Petition.objects.get(pk=petition.pk).signature_count < SIGNERS:
            assert time.monotonic() < deadline, "the workers did not fold the count"
            time.sleep(0.2)
        time.sleep(1.5)  # a mail sent twice, or a count folded twice, would show by now
    finally:
        for worker in workers:
            outputs.append(processes.stop(worker))
        for web in webs:
            web.terminate()
            web.wait(30)
        log.close()

    confirmed = Signature.objects.filter(petition=petition, confirmed_at__isnull=False)
    assert confirmed.count() == SIGNERS
    assert Petition.objects.get(pk=petition.pk).signature_count == SIGNERS
    assert counting.live_count(petition.pk) == SIGNERS
    recount = counting.signature_count_recount(petition_id=petition.pk)
    assert (recount.confirmed_rows, recount.drift) == (SIGNERS, 0)
    sent = collections.Counter(
        (message["To"], message["Subject"]) for message in smtp.sink.messages
    )
    assert len(sent) == SIGNERS, sent
    assert set(sent.values()) == {1}, [key for key, times in sent.items() if times > 1]
    assert not OutgoingEmail.objects.exclude(state=OutgoingEmail.State.SENT).exists()
    assert all("Traceback" not in output for output in outputs), outputs
