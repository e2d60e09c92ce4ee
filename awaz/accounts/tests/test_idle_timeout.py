import datetime

import pytest
import time_machine

from awaz.accounts.roles import StaffRole
from tests.organizers import client_for, make_user
from tests.staff import staff_client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("awaz.accounts.tests.urls")]

START = datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _idle(settings):
    settings.AWAZ_STAFF_IDLE_SECONDS = 600
    settings.SESSION_COOKIE_AGE = 3600


def test_staff_are_logged_out_after_the_idle_time():
    with time_machine.travel(START, tick=False) as clock:
        client = staff_client(make_user(staff_role=StaffRole.MODERATOR))
        assert client.get("/staff/moderators/").status_code == 200
        clock.shift(datetime.timedelta(seconds=601))
        response = client.get("/staff/moderators/")
        assert response["Location"] == "/en/accounts/login/?next=/staff/moderators/"
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"]).content.decode()
        assert "You were logged out after a while without activity." in page


def test_each_request_restarts_the_idle_time():
    with time_machine.travel(START, tick=False) as clock:
        client = staff_client(make_user(staff_role=StaffRole.ADMIN, is_staff=True))
        for _ in range(5):
            clock.shift(datetime.timedelta(seconds=590))
            assert client.get("/staff/admins/").status_code == 200
            assert client.get("/admin/").status_code == 200


def test_organizers_keep_the_ordinary_session_length():
    with time_machine.travel(START, tick=False) as clock:
        client = client_for(make_user())
        assert client.get("/en/dashboard/").status_code == 200
        clock.shift(datetime.timedelta(seconds=1800))
        assert client.get("/en/dashboard/").status_code == 200
        clock.shift(datetime.timedelta(seconds=3601))
        assert client.get("/en/dashboard/").status_code == 302  # SESSION_COOKIE_AGE still holds
