"""Many people (or one client) signing from one network, through the real pages.

Shared by tests/security/test_one_network.py (small sizes, asserted) and bench/one_network.py
(the issue's sizes, printed): a community behind one NAT loses no voice, a flood from one
network mails at most the cap.
"""

import base64
import json
import re
import time
from dataclasses import dataclass

from altcha import v1 as altcha
from django.core import mail, signing
from django.test import Client
from django_tasks_db.models import DBTaskResult

from awaz.jobs.worker import Worker
from awaz.petitions.models import Petition
from awaz.signatures.counting import live_count
from awaz.signatures.models import Signature, SignatureStatus
from awaz.signatures.stamp import FORM_SALT

CONFIRM = re.compile(r"/signatures/confirm/([^/\s\"<>]+)/")


def human_stamp() -> str:
    """The stamp of a form served half a minute ago (a person takes that long to fill it in)."""
    return signing.Signer(salt=FORM_SALT).sign(f"{int(time.time()) - 30}.{time.time_ns()}")


def solve(client: Client) -> str:
    issued = client.get("/challenge/").json()
    solution = altcha.solve_challenge(
        issued["challenge"], issued["salt"], issued["algorithm"], issued["maxnumber"], 0
    )
    assert solution is not None
    payload = {key: issued[key] for key in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = solution.number
    return base64.b64encode(json.dumps(payload).encode()).decode()


def post(client: Client, petition: Petition, email: str, address: str, **extra: str) -> int:
    data = {"name": "Ayshe Tursun", "email": email, "country": "KZ", "stamp": human_stamp()}
    response = client.post(
        f"/en/petitions/{petition.slug}/sign/", {**data, **extra}, REMOTE_ADDR=address
    )
    return response.status_code


def deliver() -> int:
    """Run the worker until the queue is empty; return how many e-mails left."""
    before = len(mail.outbox)
    worker = Worker(worker_id="test", queues=["default"], idle_sleep=0)
    while worker.run(once=True):
        pass
    return len(mail.outbox) - before


@dataclass(frozen=True)
class Community:
    signers: int
    asked_for_the_puzzle: int
    mailed: int
    confirmed: int
    counted: int
    held: int
    dropped: int  # answered "check your inbox", yet never counted and shown to nobody
    counted_after_release: int = 0


def community_signs(
    petition: Petition, signers: int, *, with_javascript_every: int = 2
) -> Community:
    """`signers` people behind one /24 sign within seconds; every `with_javascript_every`-th
    one's browser solves the puzzle when asked, the others (no JavaScript) press Sign again."""
    asked = 0
    client = Client()  # one test client (each new one rescans the static files), many signers
    for number in range(signers):
        address = f"198.51.100.{number % 250 + 1}"
        email = f"signer{number}@community.example"
        status = post(client, petition, email, address)
        if status == 200:  # the puzzle is asked of the busy network
            asked += 1
            extra = {"asked": "1"}
            if number % with_javascript_every == 0:
                extra["altcha"] = solve(client)
            status = post(client, petition, email, address, **extra)
        assert status == 303, status
    mailed = deliver()
    confirmed = 0
    for message in mail.outbox[-mailed:] if mailed else []:
        token = CONFIRM.search(str(message.body))
        if token and client.post(f"/en/signatures/confirm/{token.group(1)}/").status_code == 303:
            confirmed += 1
    rows = Signature.objects.filter(petition=petition)
    counted = live_count(petition.pk)
    held = rows.filter(status=SignatureStatus.SUSPECT, emails_sent__gt=0).count()
    return Community(
        signers=signers,
        asked_for_the_puzzle=asked,
        mailed=mailed,
        confirmed=confirmed,
        counted=counted,
        held=held,
        dropped=signers - counted - held,
    )


@dataclass(frozen=True)
class Flood:
    posts: int
    answered_303: int
    stored: int
    enqueued: int
    mailed: int


def flood_from_one_client(petition: Petition, posts: int) -> Flood:
    """One client sends `posts` sign POSTs with addresses it chose, claiming the puzzle was
    asked (so it is never stopped at the page) and never solving it."""
    client = Client()
    tasks_before = DBTaskResult.objects.count()
    answered = sum(
        post(client, petition, f"stranger{n}@victims{n % 7}.example", "203.0.113.66", asked="1")
        == 303
        for n in range(posts)
    )
    enqueued = DBTaskResult.objects.count() - tasks_before
    return Flood(
        posts=posts,
        answered_303=answered,
        stored=Signature.objects.filter(petition=petition).count(),
        enqueued=enqueued,
        mailed=deliver(),
    )
