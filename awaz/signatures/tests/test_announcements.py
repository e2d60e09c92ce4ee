"""The decision maker's response and the victory: per language, on the page, in the feed, and
e-mailed once to the signers who asked for updates, in the closest language they read."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from awaz.audit.models import AuditEntry
from awaz.jobs.worker import Worker
from awaz.petitions.models import Petition, PetitionResponse, PetitionUpdate
from awaz.petitions.responses import response_latest, response_record
from awaz.petitions.updates import update_post
from awaz.privacy import crypto
from awaz.signatures.announcements import response_announce, victory_declare
from awaz.signatures.models import Signature
from awaz.signatures.sending import update_email_start
from tests.factories import make_petition, make_signatures
from tests.organizers import make_user

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
ON = datetime.date(2026, 3, 5)


def subscribers(petition, count, *, language="en"):
    rows = make_signatures(petition, count)
    for row in rows:
        Signature.objects.filter(pk=row.pk).update(
            wants_updates=True,
            language=language,
            email_encrypted=crypto.encrypt(f"s{row.pk}@example.org"),
        )
    return rows


def run_worker():
    Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)


def test_a_recorded_response_is_audited_and_e_mailed_once_to_subscribers():
    petition = make_petition()
    subscribers(petition, 2)
    make_signatures(petition, 1)  # never asked for updates
    organizer = make_user()
    update = response_announce(
        petition=petition,
        by=organizer,
        responded_on=ON,
        texts={"en": "We will **review** the case."},
        document_url="https://gov.example/answer.pdf",
    )
    assert update.kind == PetitionUpdate.Kind.RESPONSE
    assert PetitionResponse.objects.get(update=update).responded_on == ON
    (entry,) = AuditEntry.objects.filter(action="response.record")
    assert entry.actor_id == organizer.pk
    assert AuditEntry.objects.filter(action="update.email").count() == 1
    run_worker()
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.subject.startswith("The decision maker responded:")
    assert "We will review the case." in message.body
    assert "https://gov.example/answer.pdf" in message.body
    assert "Received on" in message.body


def test_a_response_needs_a_text_and_an_https_document():
    petition = make_petition()
    with pytest.raises(ValidationError):
        response_record(petition=petition, by=None, responded_on=ON, texts={"en": "  "})
    with pytest.raises(ValidationError):
        response_record(
            petition=petition,
            by=None,
            responded_on=ON,
            texts={"en": "No."},
            document_url="http://gov.example/answer.pdf",
        )
    assert not PetitionUpdate.objects.exists()


def test_the_uyghur_response_is_converted_to_the_other_scripts_and_shown_prominently():
    petition = make_petition(languages=("ug", "en"))
    response_record(
        petition=petition,
        by=None,
        responded_on=ON,
        texts={"ug": "ھۆكۈمەت جاۋاب بەردى.", "en": "The government answered."},
    )
    latin = response_latest(petition=petition, language="ug-latn")
    assert latin is not None and latin.text.language == "ug-latn"
    assert "hökümet" in latin.text.body.lower()
    cyrillic = Client().get(f"/ug-cyrl/petitions/{petition.slug}/").content.decode()
    assert "Һөкүмәт" in cyrillic or "һөкүмәт" in cyrillic
    english = Client().get(f"/en/petitions/{petition.slug}/").content.decode()
    assert 'id="response-title"' in english and "decision maker" in english
    assert "The government answered." in english
    assert "ھۆكۈمەت" not in english
    assert 'datetime="2026-03-05"' in english
    # Shown in its own place, not again among the news.
    assert english.count("The government answered.") == 1


def test_the_response_and_the_victory_are_in_the_updates_feed():
    petition = make_petition()
    update_post(petition=petition, by=None, language="en", title="News", body="Something.")
    response_record(petition=petition, by=None, responded_on=ON, texts={"en": "We refuse."})
    response = Client().get(f"/en/petitions/{petition.slug}/updates.atom")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own server's answer
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert "News" in titles
    assert any(title and title.startswith("Response from") for title in titles)
    links = [link.get("href", "") for link in feed.iter(f"{ATOM}link")]
    assert any(link.endswith("#response") for link in links)


def test_a_victory_is_written_per_language_and_told_to_subscribers():
    petition = make_petition(languages=("ug", "en", "ru"))
    subscribers(petition, 1, language="ru")
    victory_declare(
        petition=petition,
        by=make_user(staff_role="moderator"),
        statements={"ug": "ئۇ ئازاد بولدى.", "en": "He is free.", "ru": "Он на свободе."},
    )
    petition.refresh_from_db()
    assert petition.status == Petition.Status.VICTORY
    assert petition.victory_statement == "ئۇ ئازاد بولدى."  # the original's, on the petition
    pages = {
        code: Client().get(f"/{code}/petitions/{petition.slug}/").content.decode()
        for code in ("en", "ru", "ug-latn", "ug-cyrl", "ug")
    }
    assert "He is free." in pages["en"] and "ئازاد" not in pages["en"]
    assert "Он на свободе." in pages["ru"] and "ئازاد" not in pages["ru"]
    assert "azad" in pages["ug-latn"].lower() and "ئازاد" not in pages["ug-latn"]
    assert "азад" in pages["ug-cyrl"].lower() and "ئازاد" not in pages["ug-cyrl"]
    assert "ئازاد" in pages["ug"]
    run_worker()
    (message,) = mail.outbox
    assert "Он на свободе." in message.body
    assert message.subject.startswith("Победа") or "Побед" in message.subject


def test_a_signer_whose_language_the_update_lacks_gets_the_closest_with_a_matching_subject():
    petition = make_petition(languages=("ug", "en", "ug-cyrl"))
    subscribers(petition, 1, language="kk")
    update = update_post(
        petition=petition, by=None, language="ug", title="خۇش خەۋەر", body="ئۇ **ئازاد**."
    )
    update_email_start(update=update, by=None)
    run_worker()
    (message,) = mail.outbox
    # A Kazakh reader reads Cyrillic letters: the Cyrillic Uyghur version, all of it.
    assert "азад" in message.body.lower() and "**" not in message.body
    assert "ئازاد" not in message.body
    assert message.subject.endswith("Free the voices [ug-cyrl]")  # the same version's title
    assert "Update" not in message.subject  # and its words in that language


def test_milestones_are_a_short_history_on_the_page():
    petition = make_petition(first_goal=10)
    from awaz.petitions.models import Milestone

    Milestone.objects.create(
        petition=petition, goal=10, reached_at=datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC)
    )
    html = Client().get(f"/en/petitions/{petition.slug}/").content.decode()
    assert "Milestones" in html and "10 signatures reached" in html
