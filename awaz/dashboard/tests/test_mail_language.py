"""Mail to organizers and staff is written in the person's language, not the petition's: the
language they signed up in, until they choose another on their account page."""

import pytest
from django.core import mail
from django.test import Client

from awaz.accounts.models import User
from awaz.accounts.services import user_language_set
from awaz.audit.models import AuditEntry
from awaz.moderation import publication
from awaz.organizations.models import Role
from awaz.petitions.models import Petition
from tests.factories import make_petition
from tests.mailqueue import deliver_queued_mail
from tests.organizers import PASSWORD, client_for, make_member, make_user

pytestmark = pytest.mark.django_db


def test_an_account_keeps_the_language_it_signed_up_in(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            "/ru/accounts/signup/",
            {"email": "anna@example.org", "password": PASSWORD, "password_again": PASSWORD},
        )
    assert User.objects.get(email="anna@example.org").language == "ru"
    deliver_queued_mail()
    [message] = mail.outbox
    assert "/ru/accounts/verify/" in str(message.body)


def test_the_account_page_changes_the_mail_language_and_audits_it():
    person = make_user(language="en")
    client = client_for(person)
    page = client.get("/ug/accounts/")
    assert page.status_code == 200
    assert 'value="ug"' in page.content.decode()
    response = client.post("/ug/accounts/", {"language": "ug-latn"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == "ug-latn"
    entry = AuditEntry.objects.get(action="user.language")
    assert entry.details == {"from": "en", "to": "ug-latn"}
    assert client.post("/en/accounts/", {"language": "xx"}).status_code == 200
    person.refresh_from_db()
    assert person.language == "ug-latn"


def test_a_password_link_asked_for_on_an_english_page_comes_in_the_accounts_language(
    django_capture_on_commit_callbacks,
):
    make_user(email="nur@example.org", language="tr")
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/en/accounts/password/", {"email": "nur@example.org"})
    deliver_queued_mail()
    [message] = mail.outbox
    assert "/tr/accounts/password/" in str(message.body)


def test_organizers_hear_of_a_decision_each_in_their_own_language(
    django_capture_on_commit_callbacks,
):
    petition = make_petition(status=Petition.Status.PENDING, title="Free them")
    owner = make_member(Role.OWNER, organization=petition.organization)
    user_language_set(user=owner.user, language="ru")
    other = make_member(Role.OWNER, organization=petition.organization)
    user_language_set(user=other.user, language="ug")
    moderator = make_user(staff_role="moderator")
    with django_capture_on_commit_callbacks(execute=True):
        publication.petition_decide(petition=petition, by=moderator, decision="approve")
    deliver_queued_mail()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert f"/ru/dashboard/organizations/{petition.organization.slug}/" in str(
        by_address[owner.user.email].body
    )
    assert f"/ug/dashboard/organizations/{petition.organization.slug}/" in str(
        by_address[other.user.email].body
    )
