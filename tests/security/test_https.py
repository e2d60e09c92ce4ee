"""Behind HTTPS (AWAZ_HTTPS=1): HSTS, __Host- cookies, Secure, HttpOnly, SameSite, redirects.

The settings package is imported afresh with the production environment, and the settings this
is about are taken from it, so these tests follow config/settings/, not a copy of it.
"""

import importlib
import sys

import pytest
from django.test import Client, override_settings

from awaz.accounts.models import User

SETTINGS = "config.settings."
PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "LANGUAGE_COOKIE_", "SILENCED_")

pytestmark = pytest.mark.django_db


def production_settings(monkeypatch, tmp_path, **environment: str) -> dict[str, object]:
    monkeypatch.setenv("AWAZ_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("AWAZ_HTTPS", "1")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    loaded = _fresh_settings()
    return {name: value for name, value in loaded.items() if name.startswith(PREFIXES)}


def _settings_modules() -> list[str]:
    return [name for name in sys.modules if name == "config.settings" or name.startswith(SETTINGS)]


def _fresh_settings() -> dict[str, object]:
    """config.settings's names, its topic modules run again; the loaded ones are put back."""
    saved = {name: sys.modules.pop(name) for name in _settings_modules()}
    try:
        return dict(vars(importlib.import_module("config.settings")))
    finally:
        for name in _settings_modules():
            del sys.modules[name]
        sys.modules.update(saved)
        sys.modules["config"].settings = saved["config.settings"]  # type: ignore[attr-defined]


@pytest.fixture
def https(monkeypatch, tmp_path):
    with override_settings(**production_settings(monkeypatch, tmp_path)):
        yield


def secure_client() -> Client:
    # The reverse proxy terminates TLS and says so in X-Forwarded-Proto.
    return Client(headers={"x-forwarded-proto": "https"})


def test_plain_http_is_redirected_to_https(https):
    response = Client().get("/en/privacy/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/privacy/"


def test_hsts_lasts_a_year_covers_subdomains_and_asks_for_preloading(https):
    response = secure_client().get("/en/privacy/")
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_an_operator_can_leave_the_domain_off_the_preload_list(monkeypatch, tmp_path):
    chosen = production_settings(monkeypatch, tmp_path, AWAZ_HSTS_PRELOAD="0")
    assert chosen["SECURE_HSTS_PRELOAD"] is False
    assert chosen["SILENCED_SYSTEM_CHECKS"] == ["security.W021"]  # a decision, not an oversight
    with override_settings(**chosen):
        header = secure_client().get("/en/privacy/")["Strict-Transport-Security"]
    assert header == "max-age=31536000; includeSubDomains"


def test_the_csrf_cookie_is_a_secure_same_site_host_only_cookie(https, site):
    response = secure_client().get(site.public_paths["petition"])
    assert "csrftoken" not in response.cookies
    cookie = response.cookies["__Host-csrftoken"]
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert cookie["domain"] == ""  # a __Host- cookie must not name a domain


def test_the_session_cookie_is_secure_http_only_same_site_and_host_only(https):
    User.objects.create_superuser(email="staff@example.org", password="a long passphrase 42")
    client = secure_client()
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/",
        {
            "username": "staff@example.org",
            "password": "a long passphrase 42",
            "csrfmiddlewaretoken": client.cookies["__Host-csrftoken"].value,
            "next": "/admin/",
        },
        headers={"origin": "https://testserver"},
    )
    assert response.status_code == 302, response.content
    cookie = response.cookies["__Host-sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert cookie["domain"] == ""


def test_without_https_the_cookies_keep_their_plain_names_for_local_use(site):
    response = Client().get(site.public_paths["petition"])
    assert "csrftoken" in response.cookies
    assert "Strict-Transport-Security" not in response


def test_the_language_cookie_is_secure_and_same_site(https):
    response = secure_client().get("/language/ug/", {"next": "/en/privacy/"})
    cookie = response.cookies["awaz_language"]
    assert cookie.value == "ug"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
