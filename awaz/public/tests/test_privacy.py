import re

import pytest
from django.test import Client

from tests.factories import make_petition

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_the_page_states_the_configured_retention_and_windows(client: Client, settings):
    settings.AWAZ_RETENTION_DAYS = 37
    settings.AWAZ_NETWORK_DIGEST_HOURS = 11
    settings.AWAZ_TOKEN_MAX_AGE = 3 * 86400
    settings.AWAZ_MAX_EMAILS_PER_SIGNATURE = 4
    settings.AWAZ_K_ANONYMITY = 12
    text = text_of(client.get("/en/privacy/").content.decode())
    assert "deleted at the latest 37 days after the petition closes" in text
    assert "it is erased after 11 hours" in text
    assert "The links in our e-mails work for 3 days" in text
    assert "at most 4 e-mails about one petition" in text
    assert "only once at least 12 signers come from it" in text


def test_the_numbers_follow_the_settings_in_the_singular_too(client: Client, settings):
    settings.AWAZ_RETENTION_DAYS = 1
    settings.AWAZ_NETWORK_DIGEST_HOURS = 1
    settings.AWAZ_TOKEN_MAX_AGE = 3600  # under a day: still "1 day"
    text = text_of(client.get("/en/privacy/").content.decode())
    assert "at the latest 1 day after" in text
    assert "erased after 1 hour." in text
    assert "work for 1 day." in text


def test_the_page_says_what_is_kept_who_sees_it_and_what_never_is(client: Client):
    text = text_of(client.get("/en/privacy/").content.decode())
    for heading in (
        "What we keep when you sign",
        "For how long",
        "Who can see what",
        "What we never keep",
        "No other sites",
        "Removing your signature",
        "Signing over Tor",
    ):
        assert heading in text
    assert "the e-mail address only of signers who agreed that the organization may write" in text
    assert "never writes it down" in text


def test_every_page_links_to_it_and_the_sign_form_next_to_its_consent(client: Client):
    petition = make_petition()
    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/en/privacy/">How we protect signers</a>' in footer
    consent = re.search(r'<p class="consent">.*?</p>', html, re.DOTALL)
    assert consent and 'href="/en/privacy/"' in consent.group(0)


def test_the_page_speaks_the_readers_language_address(client: Client):
    response = client.get("/ug/privacy/")
    assert response.status_code == 200
    assert 'href="/ug/privacy/"' in response.content.decode()


def test_the_page_says_truly_where_the_keys_are(client: Client, settings):
    settings.AWAZ_KEYS_IN_FILES = ["AWAZ_ENCRYPTION_KEY"]  # the default: var/secrets/
    text = text_of(client.get("/en/privacy/").content.decode())
    assert "kept in files on the same server" in text and "apart from the database" not in text
    settings.AWAZ_KEYS_IN_FILES = []  # every key given in the environment
    text = text_of(client.get("/en/privacy/").content.decode())
    assert "given to the server in its settings, apart from the database" in text
    assert "files on the same server" not in text


def test_by_default_the_keys_are_said_to_be_beside_the_database(client: Client):
    assert "kept in files on the same server" in text_of(
        client.get("/en/privacy/").content.decode()
    )
