"""Open redirects: no `next=` of the project sends a reader to another site.

A link that starts on Awaz's own domain and lands on a look-alike is the classic way to phish
signers; every parameter that chooses where to go next must stay on this site.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from awaz.accounts.models import User

ELSEWHERE = [
    "https://evil.example/",
    "http://evil.example",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    " //evil.example",
    "\t//evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://testserver@evil.example/",
]
PASSWORD = "a long passphrase 42"

pytestmark = pytest.mark.django_db


def stays_here(location: str) -> bool:
    """Whether a browser following `location` stays on this site."""
    cleaned = re.sub(r"[\t\n\r]", "", location).strip().replace("\\", "/")
    parts = urlsplit(cleaned)
    return not parts.scheme and not parts.netloc and cleaned.startswith("/")


@pytest.fixture
def staff() -> Client:
    User.objects.create_superuser(email="staff@example.org", password=PASSWORD)
    return Client()


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_admin_login_never_sends_staff_elsewhere(staff, target):
    response = staff.post(
        "/admin/login/",
        {"username": "staff@example.org", "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert stays_here(response["Location"]), response["Location"]


def test_the_admin_login_follows_a_next_on_this_site(staff):
    response = staff.post(
        "/admin/login/",
        {"username": "staff@example.org", "password": PASSWORD, "next": "/admin/accounts/user/"},
    )
    assert response["Location"] == "/admin/accounts/user/"


@pytest.mark.parametrize("target", ELSEWHERE)
def test_logging_out_never_sends_staff_elsewhere(staff, target):
    staff.login(username="staff@example.org", password=PASSWORD)
    response = staff.post("/admin/logout/", {"next": target})
    # Django's admin shows its "logged out" page, or redirects, but only on this site.
    assert response.status_code in (200, 302)
    assert stays_here(response.get("Location", "/")), response["Location"]


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_language_switch_never_sends_a_reader_elsewhere(target):
    response = Client().get("/language/ug/", {"next": target})
    assert response.status_code == 302
    assert stays_here(response["Location"]), response["Location"]


def test_the_language_switch_shows_the_same_page_in_the_chosen_language():
    response = Client().get("/language/ug/", {"next": "/en/privacy/"})
    assert response["Location"] == "/ug/privacy/"


@pytest.mark.parametrize("path", ["//evil.example/en/", "/\\evil.example/en/", "//evil.example/x"])
def test_a_page_reached_through_a_crafted_address_links_only_to_this_site(path):
    # The test client would read "//evil.example" as a host: set the raw path as a server does.
    response = Client().get("/", PATH_INFO=path)
    assert response.status_code == 404
    links = re.findall(r'href="([^"]*)"', response.content.decode())
    assert len(links) > 10  # the language switcher and the footer at least
    for link in links:
        if not link.startswith("#"):
            assert stays_here(link.replace("&amp;", "&")), link
