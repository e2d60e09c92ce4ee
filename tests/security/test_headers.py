"""Every public URL's security headers, asserted one by one (ASVS V3.4, V14.2)."""

import re

import pytest
from django.test import Client

from awaz.http.headers import PERMISSIONS_POLICY
from awaz.public.forms import form_stamp
from tests.security.conftest import Site

# Everything from this site and nothing else; no nonce, because no page has an inline script.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
PAGES = [
    "home",
    "petition",
    "organization",
    "check-your-inbox",
    "confirm",
    "remove",
    "thank-you",
    "privacy",
    "my-signatures",
    "my-signatures-open",
    "count.json",
    "404",
    "admin-login",
]
STATUS = {"404": 404}
TOKEN_PAGES = {"confirm", "remove", "my-signatures-open"}
# Pages with a form or a token: nothing of them is kept by a browser or a proxy.
NOT_STORED = {
    "confirm",
    "remove",
    "thank-you",
    "my-signatures",
    "my-signatures-open",
    "admin-login",
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[\s>]|<[^>]+\sstyle\s*=", re.IGNORECASE)

pytestmark = pytest.mark.django_db


def directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(",") if part.strip()}


@pytest.fixture
def fetch(site: Site):
    def get(name: str):
        response = Client().get(site.public_paths[name])
        assert response.status_code == STATUS.get(name, 200), name
        return response

    return get


@pytest.mark.parametrize("name", [page for page in PAGES if page != "admin-login"])
def test_the_content_security_policy_allows_this_site_only(fetch, name):
    assert fetch(name)["Content-Security-Policy"] == POLICY


def test_the_admin_login_policy_differs_only_by_the_nonce_of_its_script_files(fetch):
    response = fetch("admin-login")
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy)
    assert nonce, policy  # Django's admin puts a nonce on its <script src> tags
    assert policy.replace(f" 'nonce-{nonce.group(1)}'", "") == POLICY
    html = response.content.decode()
    assert INLINE_SCRIPT.findall(html) == []
    assert all(f'nonce="{nonce.group(1)}"' in tag for tag in re.findall(r"<script[^>]*>", html))


@pytest.mark.parametrize("name", PAGES)
def test_no_page_has_an_inline_script_handler_or_style_for_the_policy_to_allow(fetch, name):
    html = fetch(name).content.decode()
    assert INLINE_SCRIPT.findall(html) == []
    assert INLINE_HANDLER.findall(html) == []
    assert INLINE_STYLE.findall(html) == []


@pytest.mark.parametrize("name", PAGES)
def test_browsers_never_guess_content_types(fetch, name):
    assert fetch(name)["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", PAGES)
def test_pages_with_a_token_send_no_referrer_and_the_others_only_to_this_site(fetch, name):
    expected = "no-referrer" if name in TOKEN_PAGES else "same-origin"
    assert fetch(name)["Referrer-Policy"] == expected


@pytest.mark.parametrize("name", PAGES)
def test_no_other_window_can_reach_into_a_page(fetch, name):
    response = fetch(name)
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("name", PAGES)
def test_powerful_browser_features_are_denied(fetch, name):
    policy = fetch(name)["Permissions-Policy"]
    assert policy == PERMISSIONS_POLICY
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in directives(policy)


@pytest.mark.parametrize("name", sorted(NOT_STORED))
def test_pages_with_a_form_or_a_token_are_never_stored(fetch, name):
    assert "no-store" in directives(fetch(name)["Cache-Control"])


def test_every_page_with_a_form_is_not_stored_or_is_the_petition_page(fetch):
    # The petition page's choice is explained in awaz.http.headers.per_reader_page.
    for name in PAGES:
        response = fetch(name)
        # A form that POSTs carries a CSRF token; the search form (GET) carries none.
        if b'method="post"' in response.content and name != "petition":
            assert name in NOT_STORED
            assert "no-store" in directives(response["Cache-Control"]), name


def test_the_petition_page_is_private_and_revalidated_but_not_no_store(fetch):
    first = fetch("petition")
    again = fetch("petition")  # the second comes from the anonymous readers' page cache
    for response in (first, again):
        assert directives(response["Cache-Control"]) == {"private", "no-cache"}
        assert response["Content-Security-Policy"] == POLICY
        assert response["Permissions-Policy"] == PERMISSIONS_POLICY
        assert "csrftoken" in response.cookies


@pytest.mark.parametrize("name", ["home", "organization", "check-your-inbox", "privacy", "404"])
def test_pages_without_form_or_token_leave_caching_to_the_browser(fetch, name):
    assert "Cache-Control" not in fetch(name)


def test_the_count_is_public_for_one_count_interval(fetch, settings):
    assert directives(fetch("count.json")["Cache-Control"]) == {
        "public",
        f"max-age={settings.AWAZ_COUNT_INTERVAL}",
    }


@pytest.mark.parametrize("outcome", ["signed", "refused"])
def test_the_answers_to_signing_are_never_stored(site: Site, settings, outcome):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    data = {
        "name": "Nur Ablet",
        "email": "nur@example.org" if outcome == "signed" else "not an address",
        "country": "KZ",
        "stamp": form_stamp(),
    }
    response = Client().post(f"/en/petitions/{site.petition.slug}/sign/", data)
    assert response.status_code == (303 if outcome == "signed" else 400)
    assert "no-store" in directives(response["Cache-Control"])
    assert response["Content-Security-Policy"] == POLICY


@pytest.mark.parametrize("path", ["/en/my-signatures/list/", "/en/my-signatures/data.json"])
def test_a_signers_own_data_is_never_stored_and_as_protected_as_any_page(site: Site, path):
    client = Client()
    session = client.session
    session["signer_digest"] = site.signature.email_digest
    session.save()
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in directives(response["Cache-Control"])
    assert response["Content-Security-Policy"] == POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_embed_card_alone_may_be_framed_by_any_site_and_has_no_form(site: Site):
    response = Client().get(site.public_paths["embed"])
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY.replace(
        "frame-ancestors 'none'", "frame-ancestors *"
    )
    assert "X-Frame-Options" not in response
    assert b"<form" not in response.content
    assert "csrftoken" not in response.cookies
    html = response.content.decode()
    assert INLINE_SCRIPT.findall(html) == INLINE_HANDLER.findall(html) == []
    assert INLINE_STYLE.findall(html) == []
    assert 'target="_blank" rel="noopener"' in html
