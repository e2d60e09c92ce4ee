"""Signing through the public pages, as a browser without JavaScript does it."""

import re
import time

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django_tasks_db.models import DBTaskResult

from awaz.jobs.worker import Worker
from awaz.petitions.models import Petition
from awaz.public.forms import form_stamp
from awaz.signatures.counting import live_count
from awaz.signatures.models import Signature
from awaz.signatures.services import signature_sign
from tests.factories import make_petition

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^\s\"<>]+/signatures/(confirm|remove)/([^/\s\"<>]+)/")


@pytest.fixture(autouse=True)
def _clean_cache(settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    cache.clear()


def form(**overrides):
    data = {
        "name": "Ayshe Tursun",
        "email": "ayshe@example.org",
        "country": "KZ",
        "comment": "",
        "stamp": form_stamp(),
    }
    data.update(overrides)
    return data


def run_worker():
    return Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)


def links(message):
    return dict(LINK.findall(message.body))


def test_signing_answers_check_your_inbox_and_sends_the_confirmation(client: Client):
    petition = make_petition()
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form())
    assert response.status_code == 303
    assert response["Location"] == f"/en/petitions/{petition.slug}/check-your-inbox/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 0  # never sent inside the request
    assert run_worker() == 1
    (message,) = mail.outbox
    assert message.to == ["ayshe@example.org"]
    assert "Please confirm your signature" in message.subject
    assert set(links(message)) == {"confirm", "remove"}
    assert message.alternatives[0].mimetype == "text/html"  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", ["new", "duplicate", "confirmed", "fraud"])
def test_every_outcome_of_signing_looks_the_same(client: Client, case, settings):
    petition = make_petition()
    if case in ("duplicate", "confirmed"):  # signed before, from another network
        client.post(f"/en/petitions/{petition.slug}/sign/", form(), REMOTE_ADDR="203.0.113.7")
    if case == "confirmed":
        Signature.objects.update(status="confirmed", confirmed_at="2026-01-01T00:00Z")
    data = form(website="http://spam.example") if case == "fraud" else form()
    response = client.post(f"/en/petitions/{petition.slug}/sign/", data)
    assert response.status_code == 303
    assert response["Location"] == f"/en/petitions/{petition.slug}/check-your-inbox/"


def test_the_confirm_link_shows_a_button_and_only_the_post_confirms(client: Client):
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form())
    run_worker()
    token = links(mail.outbox[0])["confirm"]
    url = f"/en/signatures/confirm/{token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Confirm my signature" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer"
    assert "no-store" in page["Cache-Control"]
    assert Signature.objects.get().status == "pending"  # a link scanner's GET changes nothing
    done = client.post(url)
    assert done.status_code == 303
    assert done["Location"] == f"/en/petitions/{petition.slug}/thank-you/"
    thanks = client.get(done["Location"]).content.decode()
    assert "<strong>1</strong> has signed." in thanks
    assert Signature.objects.get().status == "confirmed"
    assert live_count(petition.pk) == 1


def test_a_replayed_confirmation_is_refused_and_counts_nothing(client: Client):
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form())
    run_worker()
    url = f"/en/signatures/confirm/{links(mail.outbox[0])['confirm']}/"
    client.post(url)
    again = client.post(url)
    assert again.status_code == 409
    assert "already" in again.content.decode().lower()
    assert live_count(petition.pk) == 1


@pytest.mark.parametrize("kind", ["confirm", "remove"])
def test_a_forged_token_is_refused(client: Client, kind):
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form())
    run_worker()
    token = links(mail.outbox[0])[kind]
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    for method in (client.get, client.post):
        response = method(f"/en/signatures/{kind}/{forged}/")
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    assert Signature.objects.get().status == "pending"


def test_a_token_for_one_purpose_does_not_work_for_the_other(client: Client):
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form())
    run_worker()
    confirm_token = links(mail.outbox[0])["confirm"]
    assert client.post(f"/en/signatures/remove/{confirm_token}/").status_code == 404
    assert Signature.objects.count() == 1


def test_an_expired_token_is_refused(client: Client, settings, time_machine):
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form())
    run_worker()
    token = links(mail.outbox[0])["confirm"]
    time_machine.move_to(time.time() + settings.AWAZ_TOKEN_MAX_AGE + 60)
    assert client.post(f"/en/signatures/confirm/{token}/").status_code == 404
    assert Signature.objects.get().status == "pending"


def test_this_wasnt_me_removes_the_signature_at_once(client: Client):
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form())
    run_worker()
    found = links(mail.outbox[0])
    client.post(f"/en/signatures/confirm/{found['confirm']}/")
    url = f"/en/signatures/remove/{found['remove']}/"
    assert "Remove my signature" in client.get(url).content.decode()
    assert Signature.objects.count() == 1  # GET changes nothing
    response = client.post(url)
    assert response.status_code == 200 and "Signature removed" in response.content.decode()
    assert Signature.objects.count() == 0
    assert live_count(petition.pk) == 0
    again = client.post(url)  # replayed: nothing left to remove, and the page says so
    assert again.status_code == 410 and "This signature was removed" in again.content.decode()
    assert "Remove my signature" not in client.get(url).content.decode()


def test_the_email_goes_out_in_the_language_and_script_of_the_page(client: Client):
    petition = make_petition(languages=("en", "ug"))
    client.post(f"/ug/petitions/{petition.slug}/sign/", form())
    run_worker()
    (message,) = mail.outbox
    assert "/ug/signatures/confirm/" in message.body
    assert 'lang="ug" dir="rtl"' in message.alternatives[0].content  # type: ignore[attr-defined]


def test_the_message_id_is_on_the_sites_domain(client: Client, settings):
    settings.SITE_URL = "https://awaz.example"
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form())
    run_worker()
    assert mail.outbox[0].extra_headers["Message-ID"].endswith("@awaz.example>")


# --- bad input: a clear message, a 4xx status, nothing changed ---------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        ("name", "x" * 101, "under 100 characters"),
        ("name", "https://spam.example/buy", "cannot be a web address"),
        ("name", "www.spam.example", "cannot be a web address"),
        ("name", "cheap-pills.com", "cannot be a web address"),
        ("name", "=HYPERLINK(1)", "cannot begin with"),
        ("name", "+1 555", "cannot begin with"),
        ("name", "-x", "cannot begin with"),
        ("name", "@handle", "cannot begin with"),
        ("email", "not-an-address", "Enter a valid email address."),
        ("email", "", "This field is required."),
        ("country", "XX", "Select a valid choice."),
        ("country", "", "This field is required."),
        ("comment", "y" * 1001, "under 1,000 characters"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(client: Client, field, value, message):
    petition = make_petition()
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Signature.objects.count() == 0 and DBTaskResult.objects.count() == 0


def test_a_good_name_with_dots_is_accepted(client: Client):
    petition = make_petition()
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form(name="J.R. Tursun"))
    assert response.status_code == 303


def test_signing_a_closed_petition_is_refused(client: Client):
    petition = make_petition(status=Petition.Status.CLOSED)
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form())
    assert response.status_code == 409
    assert "This petition is closed" in response.content.decode()
    assert Signature.objects.count() == 0


@pytest.mark.parametrize("status", [Petition.Status.DRAFT, Petition.Status.REMOVED])
def test_signing_a_petition_that_is_not_public_is_not_found(client: Client, status):
    petition = make_petition(status=status)
    assert client.post(f"/en/petitions/{petition.slug}/sign/", form()).status_code == 404
    assert Signature.objects.count() == 0


def test_a_replayed_sign_post_is_refused(client: Client):
    petition = make_petition()
    data = form()
    assert client.post(f"/en/petitions/{petition.slug}/sign/", data).status_code == 303
    again = client.post(f"/en/petitions/{petition.slug}/sign/", data, REMOTE_ADDR="203.0.113.7")
    assert again.status_code == 409
    assert "This form was sent already" in again.content.decode()
    assert DBTaskResult.objects.count() == 1


def test_a_sign_post_that_failed_to_save_can_be_sent_again(client: Client, monkeypatch):
    """The stamp is used up only with the signature: a failure leaves the retry its chance."""
    petition = make_petition()
    data = form()

    def broken(**kwargs):
        signature_sign(**kwargs)  # the rows are written, then the transaction fails
        raise ConnectionError("the database went away")

    monkeypatch.setattr("awaz.public.views.signature_sign", broken)
    client.raise_request_exception = False
    assert client.post(f"/en/petitions/{petition.slug}/sign/", data).status_code == 500
    assert Signature.objects.count() == DBTaskResult.objects.count() == 0
    monkeypatch.undo()
    assert client.post(f"/en/petitions/{petition.slug}/sign/", data).status_code == 303
    assert Signature.objects.count() == DBTaskResult.objects.count() == 1


def test_a_sign_post_without_csrf_is_refused():
    petition = make_petition()
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/en/petitions/{petition.slug}/sign/", form()).status_code == 403
    assert Signature.objects.count() == 0


def test_a_form_sent_faster_than_a_person_can_is_held_not_dropped(client: Client, settings):
    """Autofill and password managers send a form within a second: held for a moderator."""
    settings.AWAZ_MIN_FILL_SECONDS = 3
    petition = make_petition()
    response = client.post(f"/en/petitions/{petition.slug}/sign/", form())
    assert response["Location"] == f"/en/petitions/{petition.slug}/check-your-inbox/"
    signature = Signature.objects.get()
    assert (signature.status, signature.hold_reason) == ("suspect", "fast")
    assert DBTaskResult.objects.count() == 1  # the signer still gets the confirmation


def test_a_form_filled_in_at_human_speed_is_pending(client: Client, settings):
    settings.AWAZ_MIN_FILL_SECONDS = 3
    petition = make_petition()
    old_stamp = signing.Signer(salt="awaz.public.sign-form").sign(f"{int(time.time()) - 10}.abc")
    client.post(f"/en/petitions/{petition.slug}/sign/", form(stamp=old_stamp))
    assert Signature.objects.get().status == "pending"


def test_a_forged_stamp_is_held_for_a_moderator(client: Client):
    petition = make_petition()
    client.post(f"/en/petitions/{petition.slug}/sign/", form(stamp="1700000000.x:forged"))
    signature = Signature.objects.get()
    assert (signature.status, signature.hold_reason) == ("suspect", "stamp")


def test_the_count_endpoint_serves_the_published_count(client: Client):
    petition = make_petition(first_goal=500, signature_count=3)
    response = client.get(f"/petitions/{petition.slug}/count.json")
    assert response.json() == {"slug": petition.slug, "signature_count": 3, "goal": 500}
    assert "max-age=" in response["Cache-Control"]


def test_a_signer_at_a_provider_in_a_risky_country_is_warned_before_anything_is_sent(
    client: Client,
):
    petition = make_petition()
    Petition.objects.filter(pk=petition.pk).update(risky_email_countries="CN")
    data = form(email="ayshe@qq.com")
    warned = client.post(f"/en/petitions/{petition.slug}/sign/", data)
    assert warned.status_code == 200
    html = warned.content.decode()
    assert "This address is at a mail provider in China" in html
    assert Signature.objects.count() == 0 and DBTaskResult.objects.count() == 0
    other = client.post(f"/en/petitions/{petition.slug}/sign/", {**data, "email": "a@example.org"})
    assert other.status_code == 303
    assert Signature.objects.get().email_domain == "example.org"


def test_a_warned_signer_may_still_use_the_address(client: Client):
    petition = make_petition()
    Petition.objects.filter(pk=petition.pk).update(risky_email_countries="CN")
    data = form(email="ayshe@163.com", risky_ok="on")
    assert client.post(f"/en/petitions/{petition.slug}/sign/", data).status_code == 303
    assert Signature.objects.get().email_domain == "163.com"


def test_without_a_risky_country_nobody_is_warned(client: Client):
    petition = make_petition()
    assert (
        client.post(f"/en/petitions/{petition.slug}/sign/", form(email="ayshe@qq.com")).status_code
        == 303
    )
