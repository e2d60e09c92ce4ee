"""A whole signing journey with every logger at DEBUG: the log names no one.

The log is captured where it is written (the configured console handler, with its formatter and
filters), so this is exactly what an operator's disk would hold.
"""

import io
import logging
import re
from collections.abc import Iterator
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from awaz.jobs.worker import Worker
from awaz.privacy.logs import RedactPersonalData
from awaz.public.forms import form_stamp
from awaz.signatures.models import Signature
from tests.factories import make_petition

EMAIL = "ayshe.tursun@example.org"
NAME = "Ayshe Tursun"
COMMENT = "Meniñ akam Ürümchide"
ADDRESS = "203.0.113.77"
LINK = re.compile(r"/signatures/(confirm|remove)/([^/\s\"<>]+)/")

pytestmark = pytest.mark.django_db


@pytest.fixture
def log() -> Iterator[io.StringIO]:
    """Everything the console handler writes, with the root logger at DEBUG."""
    root = logging.getLogger()
    (console,) = [
        handler
        for handler in root.handlers
        if any(isinstance(f, RedactPersonalData) for f in handler.filters)
    ]
    buffer = io.StringIO()
    previous_stream, previous_level = console.setStream(buffer), root.level  # type: ignore[attr-defined]
    root.setLevel(logging.DEBUG)
    # Django would log every SQL statement with its parameters (names!) if its logger let it.
    connection.force_debug_cursor = True
    try:
        yield buffer
    finally:
        connection.force_debug_cursor = False
        root.setLevel(previous_level)
        console.setStream(previous_stream)  # type: ignore[attr-defined]


def test_a_whole_signing_journey_logs_no_address_name_token_or_ip(log, settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    petition = make_petition()
    signer = Client(REMOTE_ADDR=ADDRESS, raise_request_exception=False)
    sign_url = f"/en/petitions/{petition.slug}/sign/"

    signer.get(f"/en/petitions/{petition.slug}/")
    invalid = {"name": NAME, "email": "not-an-address", "country": "KZ", "stamp": form_stamp()}
    assert signer.post(sign_url, invalid).status_code == 400
    data = {**invalid, "email": EMAIL, "comment": COMMENT, "is_public": "on"}
    assert signer.post(sign_url, {**data, "stamp": form_stamp()}).status_code == 303
    assert Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True) == 1
    tokens = dict(LINK.findall(str(mail.outbox[0].body)))
    confirm, remove = f"/en/signatures/confirm/{tokens['confirm']}/", tokens["remove"]
    assert signer.get(confirm).status_code == 200
    assert signer.post(confirm).status_code == 303
    assert signer.get(f"/en/petitions/{petition.slug}/").status_code == 200
    assert signer.post(f"/en/signatures/confirm/{tokens['confirm']}x/").status_code == 404
    assert signer.post(f"/en/signatures/remove/{remove}/").status_code == 200
    assert not Signature.objects.exists()
    # A crash while signing, whose exception quotes the address: the traceback is logged too.
    crash = mock.patch(
        "awaz.public.views.signature_sign",
        side_effect=RuntimeError(f"mailbox {EMAIL} unreachable from {ADDRESS}"),
    )
    with crash:
        assert signer.post(sign_url, {**data, "stamp": form_stamp()}).status_code == 500

    written = log.getvalue()
    # The capture works: requests were logged, with their ids, paths and the crash.
    assert re.search(
        r"DEBUG \[[A-Za-z0-9_-]{16}\] awaz\.request POST /en/signatures/confirm/", written
    )
    assert "/en/signatures/confirm/[token] 303" in written
    assert "/en/signatures/remove/[token] 200" in written
    assert "POST /en/petitions/<slug:slug>/sign/ 303" in written  # the route, not the path
    assert "RuntimeError: mailbox [email] unreachable from [ip]" in written
    for secret in (
        EMAIL,
        "ayshe",
        "example.org",
        "Ayshe",
        "Tursun",
        COMMENT,
        tokens["confirm"],
        tokens["remove"],
        ADDRESS,
        "203.0.113",
    ):
        assert secret not in written, f"{secret!r} is in the log:\n{written}"


def test_my_signatures_and_password_reset_links_stay_out_of_the_debug_log(log):
    """The links that open a signer's list and reset an organizer's password, at DEBUG."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from awaz.signatures.access import access_token
    from tests.organizers import make_user

    visitor = Client(REMOTE_ADDR=ADDRESS, raise_request_exception=False)
    access = access_token("d" * 64)
    visitor.get(f"/en/my-signatures/open/{access}/")
    visitor.get(f"/ug/my-signatures/open/{access}/")
    user = make_user(email=EMAIL)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    reset = default_token_generator.make_token(user)
    visitor.get(f"/en/accounts/password/{uid}/{reset}/")
    # Without the CSRF cookie: Django's security logger names the path it refused.
    Client(enforce_csrf_checks=True).post(f"/en/my-signatures/open/{access}/")
    Client(enforce_csrf_checks=True).post(f"/en/accounts/password/{uid}/{reset}/")

    written = log.getvalue()
    assert "awaz.request GET /en/my-signatures/open/[token] " in written
    assert "Forbidden" in written
    for secret in (access, access.split(":")[-1], reset, reset.split("-")[-1], ADDRESS, EMAIL):
        assert secret not in written, f"{secret!r} is in the log:\n{written}"
