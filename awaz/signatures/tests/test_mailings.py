"""Updates e-mailed to the signers who asked: once each, in their language, resumable, paced."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from awaz.audit.models import AuditEntry
from awaz.jobs import mailer
from awaz.jobs.worker import Worker
from awaz.petitions.updates import update_post
from awaz.privacy import crypto
from awaz.signatures.mailings import update_send_batch
from awaz.signatures.models import Signature, UpdateDelivery
from awaz.signatures.sending import update_email_start
from awaz.signatures.tokens import Purpose, make_token
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db


def subscribers(petition, count, *, language="en"):
    rows = make_signatures(petition, count)
    for number, row in enumerate(rows):
        Signature.objects.filter(pk=row.pk).update(
            wants_updates=True,
            language=language,
            email_encrypted=crypto.encrypt(f"s{row.pk}-{number}@example.org"),
        )
    return list(Signature.objects.filter(pk__in=[row.pk for row in rows]))


def posted(petition, language="en"):
    return update_post(
        petition=petition, by=None, language=language, title="Good news", body="He is **free**."
    )


def run_worker():
    Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)


def test_starting_a_mailing_is_recorded_once_and_queued_once():
    petition = make_petition()
    subscribers(petition, 3)
    update = posted(petition)
    assert update_email_start(update=update, by=None) == 3
    assert update_email_start(update=update, by=None) == 3
    assert DBTaskResult.objects.count() == 1
    (entry,) = AuditEntry.objects.filter(action="update.email")
    assert entry.details == {"recipients": 3}


def test_each_subscriber_gets_the_update_once_with_one_click_unsubscribe(settings):
    settings.SITE_URL = "https://awaz.example"
    petition = make_petition()
    signers = subscribers(petition, 3)
    make_signatures(petition, 2)  # confirmed but never asked for updates
    update = posted(petition)
    update_email_start(update=update, by=None)
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        crypto.decrypt(signer.email_encrypted) for signer in signers
    )
    message = mail.outbox[0]
    assert message.subject.startswith("Update:")
    assert "He is free." in message.body  # Markdown read as plain text, no asterisks
    assert "<strong>free</strong>" in message.alternatives[0].content  # type: ignore[attr-defined]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://awaz.example/en/signatures/unsubscribe/"
    )
    assert "/en/signatures/remove/" in message.body  # every e-mail can withdraw the signature
    assert message.extra_headers["Message-ID"].endswith("@awaz.example>")


def test_a_signer_reads_the_update_in_the_script_they_signed_in():
    petition = make_petition(languages=("ug",))
    subscribers(petition, 1, language="ug-cyrl")
    update = update_post(
        petition=petition, by=None, language="ug", title="خۇش خەۋەر", body="ئۇ ئازاد."
    )
    update_email_start(update=update, by=None)
    run_worker()
    (message,) = mail.outbox
    assert "Ху" in message.body or "ху" in message.body  # Cyrillic, generated from Arabic script
    assert "خۇش" not in message.body


def test_a_mailing_that_stops_half_way_resumes_with_exactly_the_rest(monkeypatch):
    petition = make_petition()
    subscribers(petition, 5)
    update = posted(petition)
    real_send = mailer.send
    sent: list[str] = []

    def flaky(message):
        if len(sent) == 2:
            raise OSError("the mail server went away")
        real_send(message)
        sent.append(message.to[0])

    monkeypatch.setattr(mailer, "send", flaky)
    with pytest.raises(OSError):
        update_send_batch(update_id=update.pk, size=10)
    monkeypatch.setattr(mailer, "send", real_send)
    assert update_send_batch(update_id=update.pk, size=10) == 0
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 5
    assert UpdateDelivery.objects.filter(sent_at__isnull=False).count() == 5


def test_batches_are_paced_at_the_configured_rate(settings):
    settings.AWAZ_UPDATE_BATCH = 2
    settings.AWAZ_UPDATE_EMAILS_PER_MINUTE = 60
    petition = make_petition()
    subscribers(petition, 5)
    update = posted(petition)
    update_email_start(update=update, by=None)
    before = timezone.now()
    run_worker()  # the first batch; the next one waits
    assert len(mail.outbox) == 2
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.run_after - before >= datetime.timedelta(seconds=1.9)


def test_one_click_unsubscribe_works_without_cookies_or_csrf():
    petition = make_petition()
    (signer,) = subscribers(petition, 1)
    token = make_token(signer, Purpose.UNSUBSCRIBE)
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/en/signatures/unsubscribe/{token}/")
    assert "Send me no more updates" in page.content.decode()
    assert Signature.objects.get().wants_updates is True
    response = client.post(
        f"/en/signatures/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    signer.refresh_from_db()
    assert signer.wants_updates is False and signer.email_encrypted == ""
    again = client.get(f"/en/signatures/unsubscribe/{token}/").content.decode()
    assert "You no longer receive updates" in again  # opened twice: says what happened
    assert "Send me no more updates" not in again


def test_signers_who_stopped_emails_or_withdrew_get_nothing():
    petition = make_petition()
    first, second, third = subscribers(petition, 3)
    Signature.objects.filter(pk=first.pk).update(wants_updates=False)
    Signature.objects.filter(pk=second.pk).delete()
    update = posted(petition)
    update_email_start(update=update, by=None)
    run_worker()
    assert [message.to[0] for message in mail.outbox] == [crypto.decrypt(third.email_encrypted)]


def test_the_update_appears_on_the_public_page(client: Client):
    petition = make_petition()
    posted(petition)
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    assert "Good news" in html and "<strong>free</strong>" in html
