"""A signer finds, exports and withdraws their own signatures without an account."""

import json
import re
import time

import pytest
from django.core import mail
from django.test import Client

from awaz.jobs.worker import Worker
from awaz.signatures.counting import live_count
from awaz.signatures.models import Signature
from awaz.signatures.services import Origin, Signer, signature_confirm, signature_sign
from tests.factories import make_petition

pytestmark = pytest.mark.django_db

OPEN_LINK = re.compile(r"http://[^\s\"<>]+(/\w[\w-]*/my-signatures/open/[^/\s\"<>]+/)")


def signed(petition, email="ayshe@example.org", *, confirmed=True, wants_updates=True):
    signature_sign(
        petition=petition,
        signer=Signer(name="Ayshe Tursun", email=email, country="KZ", wants_updates=wants_updates),
        language="en",
        origin=Origin(network_digest="", allowed_network=True),
    )
    signature = Signature.objects.get(petition=petition, email_domain=email.split("@")[1])
    if confirmed:
        signature_confirm(signature_id=signature.pk)
    run_worker()  # the confirmation e-mail goes out now, not among the access e-mails
    mail.outbox.clear()
    return signature


def run_worker():
    Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)


def ask(client, email="ayshe@example.org"):
    response = client.post("/en/my-signatures/", {"email": email})
    run_worker()
    return response


def link_in(message) -> str:
    found = OPEN_LINK.search(str(message.body))
    assert found, message.body
    return found[1]


def open_link(client, message):
    return client.post(link_in(message))


def test_asking_always_answers_check_your_inbox(client: Client):
    signed(make_petition())
    with_signatures = ask(client, "ayshe@example.org")
    without = ask(client, "nobody@example.org")
    assert with_signatures.status_code == without.status_code == 200
    assert with_signatures.content == without.content
    first, second = mail.outbox
    assert link_in(first)
    assert "We have no signature with this address" in str(second.body)
    assert not OPEN_LINK.search(str(second.body))


def test_an_invalid_address_is_refused_with_a_message(client: Client):
    response = client.post("/en/my-signatures/", {"email": "not an address"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()


def test_an_address_gets_only_a_few_access_emails_a_day(client: Client, settings):
    settings.AWAZ_ACCESS_EMAILS_PER_DAY = 2
    for _ in range(4):
        assert ask(client).status_code == 200
    assert len(mail.outbox) == 2


def test_the_link_opens_once_after_a_button_press(client: Client):
    petition = make_petition(title="Free them")
    signed(petition)
    ask(client)
    path = link_in(mail.outbox[0])
    assert "Show my signatures" in client.get(path).content.decode()  # GET opens nothing
    response = client.post(path)
    assert response.status_code == 303
    listing = client.get(response["Location"]).content.decode()
    assert "Free them [en]" in listing
    assert Client().post(path).status_code == 404  # opened once already


def test_an_expired_link_is_refused(client: Client, settings, time_machine):
    signed(make_petition())
    ask(client)
    time_machine.move_to(time.time() + settings.AWAZ_ACCESS_LINK_SECONDS + 60)
    assert open_link(client, mail.outbox[0]).status_code == 404


def test_without_the_session_the_pages_send_you_to_ask_again(client: Client):
    for path in ("/en/my-signatures/list/", "/en/my-signatures/data.json"):
        assert client.get(path)["Location"] == "/en/my-signatures/"
    response = client.post("/en/my-signatures/withdraw/", {"signature": "all"})
    assert response["Location"] == "/en/my-signatures/"


def test_a_signer_downloads_their_data(client: Client):
    signed(make_petition(title="Free them"))
    ask(client)
    open_link(client, mail.outbox[0])
    response = client.get("/en/my-signatures/data.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-signatures.json"'
    data = json.loads(response.content)
    (entry,) = data["signatures"]
    assert entry["name"] == "Ayshe Tursun" and entry["country"] == "KZ"
    assert entry["status"] == "confirmed" and entry["title"] == "Free them [en]"
    assert "ayshe@example.org" not in response.content.decode()


def test_a_signer_withdraws_one_signature_and_the_count_follows(client: Client):
    first, second = make_petition(), make_petition()
    kept = signed(first)
    removed = signed(second)
    ask(client)
    open_link(client, mail.outbox[0])
    client.post("/en/my-signatures/withdraw/", {"signature": removed.pk})
    assert list(Signature.objects.all()) == [kept]
    assert live_count(second.pk) == 0 and live_count(first.pk) == 1


def test_a_signer_withdraws_everything(client: Client):
    petitions = [make_petition() for _ in range(3)]
    for petition in petitions:
        signed(petition)
    signed(make_petition(), email="someone-else@example.org")
    ask(client)
    open_link(client, mail.outbox[0])
    client.post("/en/my-signatures/withdraw/", {"signature": "all"})
    assert Signature.objects.count() == 1
    assert [live_count(petition.pk) for petition in petitions] == [0, 0, 0]


def test_a_signer_cannot_withdraw_someone_elses_signature(client: Client):
    signed(make_petition())
    other = signed(make_petition(), email="other@example.org")
    ask(client)
    open_link(client, mail.outbox[0])
    client.post("/en/my-signatures/withdraw/", {"signature": other.pk})
    assert Signature.objects.filter(pk=other.pk).exists()


def test_stop_all_emails_erases_the_encrypted_address(client: Client):
    signed(make_petition(), wants_updates=True)
    ask(client)
    open_link(client, mail.outbox[0])
    response = client.post("/en/my-signatures/stop-emails/")
    assert "No more e-mails" in response.content.decode()
    signature = Signature.objects.get()
    assert signature.email_encrypted == "" and signature.wants_updates is False


def test_done_ends_the_session(client: Client):
    signed(make_petition())
    ask(client)
    open_link(client, mail.outbox[0])
    client.post("/en/my-signatures/finish/")
    assert client.get("/en/my-signatures/list/")["Location"] == "/en/my-signatures/"
