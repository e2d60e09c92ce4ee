"""A signer asks for their signatures by e-mail, downloads their data and withdraws one."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from awaz.jobs.worker import Worker
from awaz.signatures.models import Signature
from awaz.signatures.services import Origin, Signer, signature_confirm, signature_sign
from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)
OPEN_LINK = re.compile(r"https?://[^\s]+?(/en/my-signatures/open/[^\s/]+/)")


def run_worker():
    Worker(worker_id="journey", queues=["default"], idle_sleep=0).run(once=True)


def test_signer_withdraws_a_signature_from_my_signatures(visitor):
    for title in ("Free Ilham Tohti", "Release Gulshan Abbas"):
        petition = make_petition(title=title)
        signature_sign(
            petition=petition,
            signer=Signer(name="Aygul T.", email="aygul@example.org", country="DE"),
            language="en",
            origin=Origin(network_digest="", allowed_network=True),
        )
        signature_confirm(signature_id=Signature.objects.get(petition=petition).pk)
    run_worker()
    mail.outbox.clear()

    page = visitor.open("/en/", name="home-footer")
    page.get_by_role("link", name="My signatures").click()
    visitor.check(name="my-signatures-request")
    page.get_by_label("Your e-mail address").fill("aygul@example.org")
    page.get_by_role("button", name="Send me the link").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")
    visitor.check(name="my-signatures-sent")

    run_worker()
    (message,) = mail.outbox
    found = OPEN_LINK.search(str(message.body))
    assert found, message.body
    page = visitor.open(found[1], name="my-signatures-open")
    page.get_by_role("button", name="Show my signatures").click()
    expect(page.locator("table.my-signatures tbody tr")).to_have_count(2)
    visitor.check(name="my-signatures-list")
    visitor.screenshot("my-signatures-list")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download everything we store about you (JSON)").click()
    assert "Aygul T." in download.value.path().read_text(encoding="utf-8")

    page.get_by_role("button", name="Remove Free Ilham Tohti [en]").click()
    expect(page.locator("table.my-signatures tbody tr")).to_have_count(1)
    assert Signature.objects.count() == 1
