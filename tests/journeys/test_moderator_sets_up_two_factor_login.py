"""A new moderator logs in for the first time and is asked to set up two-factor log-in. She
scans nothing (the test reads the key off the page, as she would type it), confirms with the
app's code, keeps her backup codes, logs out; she logs in again with a code from the app, and
once more, in Uyghur, with a backup code. Every page passes the Nu HTML checker and axe-core, in
English and in Uyghur (right to left, nothing left in English)."""

import base64
import time

import pytest
from django.utils import translation
from django.utils.translation import ngettext
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from awaz.accounts.roles import StaffRole
from tests.journeys.conftest import Visitor, reads_in_uyghur
from tests.journeys.labels import field_label, shown
from tests.organizers import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "mihray@example.org"


def app_code(secret: str, *, later: int = 0) -> str:
    """The code an authenticator app set up with `secret` shows now (or `later` seconds on)."""
    totp = TOTP(base64.b32decode(secret.replace(" ", "")))
    totp.time = time.time() + later
    return f"{totp.token():06d}"


def log_in(visitor: Visitor, language: str) -> Page:
    page = visitor.open(f"/{language}/accounts/login/", name=f"moderator-login-{language}")
    page.get_by_label(shown(language, "E-mail address")).fill(EMAIL)
    page.get_by_label(field_label(language, "Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=shown(language, "Log in")).click()
    return page


def log_out(visitor: Visitor, language: str) -> None:
    page = visitor.page
    page.get_by_role("button", name=shown(language, "Log out")).click()
    expect(page).to_have_url(f"{visitor.base_url}/{language}/")


def test_a_new_moderator_sets_up_two_factor_login_and_signs_in_with_a_code(visitor):
    make_user(email=EMAIL, staff_role=StaffRole.MODERATOR)

    # The password is not enough: she is asked to set up an authenticator app.
    page = log_in(visitor, "en")
    expect(page).to_have_url(
        f"{visitor.base_url}/en/accounts/two-factor/set-up/?next=/en/dashboard/"
    )
    expect(page.locator("h1")).to_have_text("Set up two-factor log-in")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    visitor.check(name="moderator-two-factor-setup-en")
    visitor.screenshot("moderator-two-factor-setup-en")
    secret = page.locator(".secret").inner_text()

    # She reads the same page in Uyghur: the key stays the same until she confirms it.
    page = visitor.open(
        "/ug/accounts/two-factor/set-up/?next=/ug/dashboard/", name="moderator-setup-ug"
    )
    reads_in_uyghur(visitor, "moderator-two-factor-setup-ug")
    assert page.locator(".secret").inner_text() == secret
    page.get_by_label(field_label("ug", "Code")).fill(app_code(secret))
    page.get_by_role("button", name=shown("ug", "Confirm")).click()

    # Ten backup codes, shown this once.
    expect(page.locator("h1")).to_have_text(shown("ug", "Your backup codes"))
    reads_in_uyghur(visitor, "moderator-backup-codes-ug")
    codes = page.locator(".backup-codes code").all_inner_texts()
    assert len(set(codes)) == 10
    page.get_by_role("link", name=shown("ug", "I have kept them: continue")).click()
    expect(page).to_have_url(f"{visitor.base_url}/ug/dashboard/")
    log_out(visitor, "ug")

    # Next time: password, then the code the app shows (its next one: each works once).
    page = log_in(visitor, "en")
    expect(page.locator("h1")).to_have_text("Enter your code")
    visitor.check(name="moderator-code-en")
    visitor.screenshot("moderator-code-en")
    page.get_by_label("Code:").fill(app_code(secret, later=30))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{visitor.base_url}/en/dashboard/")
    visitor.check(name="moderator-dashboard-en")
    log_out(visitor, "en")

    # Without her phone, in Uyghur: a backup code, which then is used up.
    page = log_in(visitor, "ug")
    expect(page.locator("h1")).to_have_text(shown("ug", "Enter your code"))
    reads_in_uyghur(visitor, "moderator-code-ug")
    page.get_by_label(field_label("ug", "Code")).fill(codes[0])
    page.get_by_role("button", name=shown("ug", "Continue")).click()
    expect(page).to_have_url(f"{visitor.base_url}/ug/dashboard/")
    with translation.override("ug"):
        left = ngettext(
            "You used a backup code: %(count)d is left.",
            "You used a backup code: %(count)d are left.",
            9,
        ) % {"count": 9}
    expect(page.locator(".message")).to_contain_text(left)
    reads_in_uyghur(visitor, "moderator-used-a-backup-code-ug")
