import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from awaz.accounts import services
from awaz.accounts.models import User
from awaz.accounts.roles import StaffRole
from awaz.accounts.two_factor import backup_codes_renew
from tests.organizers import PASSWORD, client_for, make_user
from tests.staff import current_code, staff_client, staff_device

pytestmark = pytest.mark.django_db


def admin(**fields) -> User:
    return make_user(staff_role=StaffRole.ADMIN, is_staff=True, **fields)


def test_a_verified_admin_reaches_the_admin():
    assert staff_client(admin()).get("/admin/").status_code == 200


def test_the_admin_refuses_a_verified_moderator():
    # Even one left with is_staff from before the roles.
    client = staff_client(make_user(staff_role=StaffRole.MODERATOR, is_staff=True))
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "not authorized to access this page" in page.content.decode()
    assert client.get("/admin/accounts/user/").status_code == 302


def test_the_admin_refuses_an_organizer():
    client = client_for(make_user())
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/petitions/petition/").status_code == 302


def test_the_admin_sends_an_unverified_admin_to_enter_a_code():
    user = admin()
    staff_device(user)
    client = client_for(user)
    response = client.get("/admin/accounts/user/", follow=True)
    assert response.redirect_chain[-1][0] == ("/en/accounts/two-factor/?next=/admin/accounts/user/")
    response = client.post(
        "/en/accounts/two-factor/", {"code": current_code(staff_device(user)), "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_admin_sends_an_admin_without_an_app_to_set_it_up():
    client = client_for(admin())
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/accounts/two-factor/set-up/?next=/admin/"


def test_the_admin_log_in_page_then_asks_an_admin_for_a_code():
    user = admin()
    staff_device(user)
    client = Client()
    response = client.post(
        "/admin/login/", {"username": user.email, "password": PASSWORD, "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/", follow=True).redirect_chain[-1][0] == (
        "/en/accounts/two-factor/?next=/admin/"
    )


def test_the_admin_log_in_refuses_a_moderator():
    user = make_user(staff_role=StaffRole.MODERATOR)
    response = Client().post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "correct email address and password for a staff account" in (
        response.content.decode().replace("e-mail address", "email address")
    )


@pytest.mark.parametrize(
    ("role", "is_staff"),
    [(StaffRole.ADMIN, True), (StaffRole.MODERATOR, False), (StaffRole.NONE, False)],
)
def test_only_admins_are_django_staff(role, is_staff):
    user = services.user_staff_role_set(user=make_user(is_staff=not is_staff), role=role)
    user.refresh_from_db()
    assert (user.staff_role, user.is_staff) == (role, is_staff)


def test_the_user_admin_keeps_is_staff_with_the_role():
    client = staff_client(admin(is_superuser=True))
    user = make_user(email="new.moderator@example.org")
    response = client.post(
        f"/admin/accounts/user/{user.pk}/change/",
        {
            "email": user.email,
            "name": "",
            "is_active": "on",
            "staff_role": "admin",
            "is_staff": "",  # read-only: ignored
            "email_verified_at_0": "2026-11-25",
            "email_verified_at_1": "12:00:00",
            "date_joined_0": "2026-11-25",
            "date_joined_1": "12:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert (user.staff_role, user.is_staff) == ("admin", True)
    client.post(
        f"/admin/accounts/user/{user.pk}/change/",
        {
            "email": user.email,
            "is_active": "on",
            "staff_role": "moderator",
            "email_verified_at_0": "2026-11-25",
            "email_verified_at_1": "12:00:00",
            "date_joined_0": "2026-11-25",
            "date_joined_1": "12:00:00",
        },
    )
    user.refresh_from_db()
    assert (user.staff_role, user.is_staff) == ("moderator", False)


def test_the_admin_never_shows_a_staff_members_key_or_backup_codes():
    moderator = make_user(staff_role=StaffRole.MODERATOR)
    device = staff_device(moderator)
    codes = backup_codes_renew(user=moderator)
    client = staff_client(admin(is_superuser=True))
    page = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert device.key not in page
    assert client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/").status_code == 403
    assert client.get(f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/").status_code == 403
    static = StaticDevice.objects.get(user=moderator)
    page = client.get(f"/admin/otp_static/staticdevice/{static.pk}/change/").content.decode()
    assert not any(code in page for code in codes)
    # What an admin does for someone who lost their phone: delete the devices.
    response = client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=moderator).exists()
