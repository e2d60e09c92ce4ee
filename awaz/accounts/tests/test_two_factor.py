import re

import pytest
import time_machine
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from awaz.accounts.roles import StaffRole
from awaz.accounts.two_factor import backup_codes_renew
from tests.organizers import PASSWORD, make_user
from tests.staff import current_code, login_staff, staff_device

pytestmark = [pytest.mark.django_db, pytest.mark.urls("awaz.accounts.tests.urls")]

SETUP = "/en/accounts/two-factor/set-up/"
CODE = "/en/accounts/two-factor/"


def log_in(client: Client, email: str, next_url: str = "") -> str:
    response = client.post(
        "/en/accounts/login/", {"username": email, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def moderator(**fields):
    return make_user(staff_role=StaffRole.MODERATOR, **fields)


def backup_codes(html: str) -> list[str]:
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)


def test_a_moderator_without_an_app_is_sent_to_set_it_up_after_the_password(client):
    user = moderator()
    assert log_in(client, user.email) == f"{SETUP}?next=/en/dashboard/"


def test_a_moderator_with_an_app_is_asked_for_a_code_after_the_password(client):
    user = moderator()
    staff_device(user)
    assert log_in(client, user.email, "/staff/moderators/") == f"{CODE}?next=/staff/moderators/"


def test_an_organizer_goes_straight_to_the_dashboard(client):
    user = make_user()
    assert log_in(client, user.email) == "/en/dashboard/"
    assert client.get("/en/dashboard/").status_code == 200


def test_a_staff_page_sends_staff_without_an_app_to_set_it_up(client):
    client.force_login(moderator())
    response = client.get("/staff/moderators/")
    assert response["Location"] == f"{SETUP}?next=/staff/moderators/"


def test_a_staff_page_asks_staff_with_an_app_for_a_code(client):
    user = moderator()
    staff_device(user)
    client.force_login(user)
    response = client.get("/staff/moderators/")
    assert response["Location"] == f"{CODE}?next=/staff/moderators/"


def test_a_staff_page_refuses_an_organizer_even_verified(client):
    user = make_user()
    login_staff(client, user)  # a device and a verified session change nothing: no role
    assert client.get("/staff/moderators/").status_code == 403
    assert client.get(SETUP).status_code == 403
    assert client.get(CODE).status_code == 403


def test_a_staff_page_for_admins_refuses_a_verified_moderator(client):
    login_staff(client, moderator())
    assert client.get("/staff/moderators/").status_code == 200
    assert client.get("/staff/admins/").status_code == 403


def test_setting_up_the_app_then_the_backup_codes_are_shown_once(client):
    user = moderator()
    client.force_login(user)
    page = client.get(f"{SETUP}?next=/staff/moderators/")
    html = page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert '<svg class="qr-code" role="img"' in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "otpauth://totp/Awaz" in html
    # The page shown again keeps the same secret until it is confirmed.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = client.post(SETUP, {"code": "000000", "next": "/staff/moderators/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/staff/moderators/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # the wrong code above slows the next try down by a second
    done = client.post(SETUP, {"code": current_code(device), "next": "/staff/moderators/"})
    codes = backup_codes(done.content.decode())
    assert len(codes) == 10 == len(set(codes))
    assert 'href="/staff/moderators/"' in done.content.decode()
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/staff/moderators/").status_code == 200
    # Set up once: the set-up page now sends to the code page, and shows no codes again.
    assert client.get(SETUP)["Location"].startswith(CODE)


def test_setting_up_starts_a_new_session(client):
    user = moderator()
    client.force_login(user)
    client.get(SETUP)
    before = client.session.session_key
    device = TOTPDevice.objects.get(user=user)
    client.post(SETUP, {"code": current_code(device)})
    assert client.session.session_key != before


def test_a_code_from_the_app_opens_staff_pages(client):
    user = moderator()
    device = staff_device(user)
    log_in(client, user.email)
    response = client.post(CODE, {"code": current_code(device), "next": "/staff/moderators/"})
    assert response["Location"] == "/staff/moderators/"
    assert client.get("/staff/moderators/").status_code == 200


def test_a_wrong_code_is_refused(client):
    user = moderator()
    staff_device(user)
    log_in(client, user.email)
    response = client.post(CODE, {"code": "123456", "next": "/staff/moderators/"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/staff/moderators/").status_code == 302


def test_a_code_from_the_app_works_only_once(client):
    user = moderator()
    device = staff_device(user)
    code = current_code(device)
    log_in(client, user.email)
    assert client.post(CODE, {"code": code})["Location"] == "/en/dashboard/"
    other = Client()
    log_in(other, user.email)
    assert other.post(CODE, {"code": code}).status_code == 200  # refused: replayed


def test_a_next_elsewhere_is_not_followed(client):
    user = moderator()
    device = staff_device(user)
    log_in(client, user.email)
    response = client.post(CODE, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/en/dashboard/"


def test_a_backup_code_works_once(client):
    user = moderator()
    staff_device(user)
    client.force_login(user)
    code = backup_codes_renew(user=user)[0]
    response = client.post(CODE, {"code": code.upper(), "next": "/staff/moderators/"})
    assert response["Location"] == "/staff/moderators/"
    assert "You used a backup code: 9 are left." in client.get("/en/dashboard/").content.decode()
    assert StaticToken.objects.count() == 9
    assert client.get("/staff/moderators/").status_code == 200

    other = Client()
    other.force_login(user)
    again = other.post(CODE, {"code": code})
    assert again.status_code == 200
    assert "That code is not right, or was used before" in again.content.decode()


def test_the_code_page_sends_staff_without_an_app_to_set_it_up(client):
    client.force_login(moderator())
    assert client.get(f"{CODE}?next=/staff/moderators/")["Location"] == (
        f"{SETUP}?next=%2Fstaff%2Fmoderators%2F"
    )


def test_login_staff_gives_a_verified_session(client):
    user = moderator()
    login_staff(client, user)
    assert client.get("/staff/moderators/").status_code == 200


@time_machine.travel("2026-11-25 12:00:00+00:00", tick=False)
def test_repeated_wrong_codes_slow_down(client):
    user = moderator()
    device = staff_device(user)
    client.force_login(user)
    client.post(CODE, {"code": "000000"})
    client.post(CODE, {"code": "000001"})
    # Even the right code is refused while the app's device waits out the failures.
    assert client.post(CODE, {"code": current_code(device)}).status_code == 200
    with time_machine.travel("2026-11-25 12:00:05+00:00", tick=False):
        device.refresh_from_db()
        assert client.post(CODE, {"code": current_code(device)}).status_code == 302
