"""Signing up, confirming, logging in and out, resetting a password: through the pages."""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from awaz.accounts.models import User
from tests.mailqueue import deliver_queued_mail
from tests.organizers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another long passphrase"


def link_in(message: mail.EmailMessage) -> str:
    """The path of the first link in an e-mail (the site's address removed)."""
    match = re.search(r"https?://[^/\s]+(/\S+)", str(message.body))
    assert match, message.body
    return match.group(1)


def later(seconds: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=seconds)


def sign_up(client: Client, email: str, password: str = PASSWORD, **extra: str):
    return client.post(
        "/en/accounts/signup/",
        {"email": email, "password": password, "password_again": password, **extra},
    )


@pytest.mark.usefixtures("argon2_passwords")
def test_signing_up_sends_a_confirmation_link_and_the_account_waits_for_it(
    client: Client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "Nur@Example.org", name="Nur")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/check-your-inbox/"
    user = User.objects.get(email="Nur@example.org")
    assert not user.email_confirmed
    assert user.password.startswith("argon2")
    deliver_queued_mail()
    [message] = mail.outbox
    assert message.to == ["Nur@example.org"]
    assert "Confirm your e-mail address" in message.subject
    assert link_in(message).startswith("/en/accounts/verify/")
    assert not client.login(email="Nur@example.org", password=PASSWORD)


def test_signing_up_with_a_registered_address_looks_the_same_and_mails_its_owner(
    client: Client, django_capture_on_commit_callbacks
):
    existing = make_user(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        first = sign_up(client, "someone-new@example.org")
        again = sign_up(client, "KNOWN@example.org", "an attacker's passphrase")
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    page_new = client.get(first["Location"]).content
    assert page_new == client.get(again["Location"]).content
    deliver_queued_mail()
    assert mail.outbox[1].to == ["known@example.org"]
    assert "already have an account" in mail.outbox[1].subject
    assert "/accounts/verify/" not in mail.outbox[1].body
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)  # nothing changed


def test_following_the_link_asks_for_a_button_press_before_confirming(
    client: Client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "nur@example.org")
    deliver_queued_mail()
    link = link_in(mail.outbox[0])
    page = client.get(link)  # what a mail scanner does
    assert page.status_code == 200
    assert "Confirm my address" in page.content.decode()
    assert not User.objects.get(email="nur@example.org").email_confirmed
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"
    assert User.objects.get(email="nur@example.org").email_confirmed
    assert client.login(email="nur@example.org", password=PASSWORD)


def test_a_forged_confirmation_link_confirms_nothing(client: Client):
    user = make_user(verified=False)
    response = client.post("/en/accounts/verify/not-a-token/")
    assert response.status_code == 400
    assert "does not work any more" in response.content.decode()
    user.refresh_from_db()
    assert not user.email_confirmed


def test_signing_up_again_before_confirming_replaces_the_password_and_the_old_link(
    client: Client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "nur@example.org", "an impostor's passphrase")
        sign_up(client, "nur@example.org", NEW_PASSWORD)
    deliver_queued_mail()
    old_link, new_link = link_in(mail.outbox[0]), link_in(mail.outbox[1])
    assert client.post(old_link).status_code == 400
    assert client.post(new_link).status_code == 302
    assert client.login(email="nur@example.org", password=NEW_PASSWORD)


def test_an_old_confirmation_link_expires(client: Client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "nur@example.org")
    deliver_queued_mail()
    link = link_in(mail.outbox[0])
    with time_machine.travel(later(settings.AWAZ_EMAIL_VERIFICATION_SECONDS + 60)):
        assert client.post(link).status_code == 400


def test_a_weak_or_mismatched_password_is_refused_with_a_reason(client: Client):
    response = sign_up(client, "nur@example.org", "password")
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    response = client.post(
        "/en/accounts/signup/",
        {"email": "nur@example.org", "password": PASSWORD, "password_again": "other"},
    )
    assert "The two passwords differ." in response.content.decode()
    assert not User.objects.exists()


def test_an_unconfirmed_account_cannot_log_in_and_is_told_why(client: Client):
    make_user(email="nur@example.org", verified=False)
    response = client.post(
        "/en/accounts/login/", {"username": "nur@example.org", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "Confirm your e-mail address first" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_in_and_out(client: Client):
    make_user(email="nur@example.org")
    response = client.post(
        "/en/accounts/login/", {"username": "NUR@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/dashboard/"
    assert client.get("/en/dashboard/").status_code == 200
    # A link cannot log you out: a GET leads back to the dashboard, still logged in.
    followed = client.get("/en/accounts/logout/")
    assert (followed.status_code, followed["Location"]) == (302, "/en/dashboard/")
    assert client.get("/en/dashboard/").status_code == 200
    assert client.post("/en/accounts/logout/").status_code == 302
    assert client.get("/en/dashboard/").status_code == 302


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(client: Client):
    make_user(email="nur@example.org")
    wrong = client.post("/en/accounts/login/", {"username": "nur@example.org", "password": "x"})
    unknown = client.post(
        "/en/accounts/login/", {"username": "nobody@example.org", "password": "x"}
    )
    message = "Please enter a correct e-mail address and password."
    assert message in wrong.content.decode()
    assert message in unknown.content.decode()


def test_a_session_ends_after_being_idle(client: Client):
    make_user(email="nur@example.org")
    assert client.login(email="nur@example.org", password=PASSWORD)
    with time_machine.travel(later(settings.SESSION_COOKIE_AGE - 60)):
        assert client.get("/en/dashboard/").status_code == 200  # activity renews it
    with time_machine.travel(later(2 * settings.SESSION_COOKIE_AGE - 120)):
        assert client.get("/en/dashboard/").status_code == 200
    with time_machine.travel(later(4 * settings.SESSION_COOKIE_AGE)):
        assert client.get("/en/dashboard/").status_code == 302


def test_resetting_a_password_by_e_mail(client: Client, django_capture_on_commit_callbacks):
    user = make_user(email="nur@example.org", verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/en/accounts/password/", {"email": "nur@example.org"})
        unknown = client.post("/en/accounts/password/", {"email": "nobody@example.org"})
    assert known["Location"] == unknown["Location"] == "/en/accounts/check-your-inbox/"
    deliver_queued_mail()
    [message] = mail.outbox  # nothing goes to an address without an account
    link = link_in(message)
    form_page = client.get(link, follow=True)  # the token moves out of the address bar
    assert "set-password" in form_page.redirect_chain[-1][0]
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert user.email_confirmed  # the link proved the mailbox
    assert client.get(link, follow=True).context["validlink"] is False  # used once


def test_asking_for_a_new_confirmation_link(client: Client, django_capture_on_commit_callbacks):
    make_user(email="waiting@example.org", verified=False)
    make_user(email="done@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        for address in ["waiting@example.org", "done@example.org", "nobody@example.org"]:
            response = client.post("/en/accounts/verify/again/", {"email": address})
            assert response["Location"] == "/en/accounts/check-your-inbox/"
    deliver_queued_mail()
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]


def test_forms_refuse_a_post_without_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = sign_up(client, "nur@example.org")
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
    assert not User.objects.exists()


def test_the_header_of_public_pages_reads_no_session(client: Client):
    response = client.get("/en/")
    assert 'href="/en/accounts/login/"' in response.content.decode()
    assert "Cookie" not in response.get("Vary", "")
