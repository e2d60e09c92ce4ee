import datetime
import re
from ipaddress import ip_network

import pytest
import time_machine
from django.test import Client

from awaz.accounts.roles import StaffRole
from tests.organizers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

REFUSED = "Too many failed attempts to log in"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AWAZ_LOGIN_FAILURES_PER_ACCOUNT = 3
    settings.AWAZ_LOGIN_FAILURES_PER_NETWORK = 5
    settings.AWAZ_LOGIN_FAILURE_WINDOW_SECONDS = 600


WRONG = "a wrong guess"


def attempt(email: str, password: str = WRONG, *, address: str = "192.0.2.10"):
    return Client(REMOTE_ADDR=address).post(
        "/en/accounts/login/", {"username": email, "password": password}
    )


def test_an_account_is_refused_after_too_many_failures_even_with_the_right_password():
    user = make_user()
    for _ in range(3):
        assert REFUSED not in attempt(user.email).content.decode()
    refused = attempt(user.email, PASSWORD, address="198.51.100.7")  # from elsewhere too
    assert refused.status_code == 200
    assert REFUSED in refused.content.decode()
    assert "_auth_user_id" not in refused.wsgi_request.session


def test_an_address_without_an_account_is_refused_the_same_way():
    make_user(email="exists@example.org")
    pages = []
    for email in ["exists@example.org", "nobody@example.org"]:
        for _ in range(3):
            attempt(email)
        refused = attempt(email)
        assert refused.status_code == 200
        pages.append(page_without_tokens(refused.content.decode(), email))
    assert REFUSED in pages[0]
    assert pages[0] == pages[1]


def page_without_tokens(html: str, email: str) -> str:
    """The page less what differs on every response (CSRF token, CSP nonce) and the address."""
    html = html.replace(email, "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"|nonce="[^"]+"', "", html)


def test_the_address_is_counted_whatever_its_case():
    user = make_user(email="nur@example.org")
    for email in ["Nur@example.org", "NUR@EXAMPLE.ORG", " nur@example.org"]:
        attempt(email)
    assert REFUSED in attempt(user.email, PASSWORD).content.decode()


def test_a_network_is_refused_after_too_many_failures_on_any_addresses():
    user = make_user()
    for number in range(5):
        attempt(f"guess{number}@example.org", address=f"192.0.2.{number + 1}")
    # The same /24: refused, even for another account with its right password.
    assert REFUSED in attempt(user.email, PASSWORD, address="192.0.2.200").content.decode()
    # Another network logs in.
    assert attempt(user.email, PASSWORD, address="198.51.100.7").status_code == 302


def test_an_allowed_network_is_not_counted(settings):
    settings.AWAZ_ALLOWED_NETWORKS = [ip_network("192.0.2.0/24")]
    user = make_user()
    for number in range(6):
        attempt(f"guess{number}@example.org")
    assert attempt(user.email, PASSWORD).status_code == 302


def test_the_refusal_ends_with_the_window():
    user = make_user()
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)) as clock:
        for _ in range(3):
            attempt(user.email)
        assert REFUSED in attempt(user.email, PASSWORD).content.decode()
        clock.shift(datetime.timedelta(seconds=601))
        assert attempt(user.email, PASSWORD).status_code == 302


def test_a_successful_log_in_is_not_counted():
    user = make_user()
    for _ in range(5):
        assert attempt(user.email, PASSWORD).status_code == 302


def test_the_admin_log_in_is_throttled_too():
    make_user(staff_role=StaffRole.ADMIN, is_staff=True)
    for _ in range(3):
        Client().post("/admin/login/", {"username": "admin@example.org", "password": "x"})
    response = Client().post("/admin/login/", {"username": "admin@example.org", "password": "x"})
    assert REFUSED in response.content.decode()
