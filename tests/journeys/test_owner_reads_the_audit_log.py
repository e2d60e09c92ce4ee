"""An owner reads who did what in her organization: she narrows the log to one editor, then to
one day, mistypes a date and is told so, and reads the same log in Uyghur, right to left."""

import datetime

import pytest
import time_machine
from playwright.sync_api import expect

from awaz.accounts.logins import user_login_failure_record, user_login_record
from awaz.organizations import services as organizations
from awaz.organizations.models import Role
from awaz.petitions import lifecycle
from awaz.signatures.exports import signatures_export
from tests.browser import DESKTOP, PHONE
from tests.factories import make_petition
from tests.journeys.conftest import reads_in_uyghur
from tests.journeys.labels import shown
from tests.organizers import PASSWORD, make_member

pytestmark = pytest.mark.django_db(transaction=True)
OWNER = "aynur@example.org"
DAY = datetime.datetime(2026, 3, 5, 9, 30, tzinfo=datetime.UTC)


def _both_sizes(visitor, name):
    visitor.screenshot(f"{name}-1280")
    visitor.page.set_viewport_size(PHONE)
    visitor.screenshot(f"{name}-390")
    visitor.page.set_viewport_size(DESKTOP)


def _at(days: int, hours: int):
    return time_machine.travel(DAY + datetime.timedelta(days=days, hours=hours), tick=False)


def _history(owner):
    editor = make_member(Role.EDITOR, organization=owner.organization, email="dilnur@example.org")
    petition = make_petition(
        organization=owner.organization, languages=("ug", "en"), title="Free the teachers"
    )
    with _at(0, 0):
        user_login_record(user=editor.user)
    with _at(0, 1):
        signatures_export(petition=petition, by=editor.user)
    with _at(1, 0):
        lifecycle.petition_close(petition=petition, by=editor.user)
    with _at(2, 0):
        organizations.membership_role_change(membership=editor, role=Role.VIEWER, by=owner.user)
    with _at(2, 1):
        user_login_failure_record(email=OWNER)
    return editor


def test_owner_reads_the_audit_log(visitor):
    owner = make_member(Role.OWNER, email=OWNER)
    editor = _history(owner)
    log = f"/dashboard/organizations/{owner.organization.slug}/audit-log/"
    page = visitor.open("/en/accounts/login/", name="login-en")
    page.get_by_label(shown("en", "E-mail address")).fill(OWNER)
    page.get_by_label(shown("en", "Password") + shown("en", ":"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=shown("en", "Log in")).click()

    page = visitor.open("/en" + log, name="audit-en")
    expect(page.locator("nav.tabs [aria-current=page]")).to_have_text("Audit log")
    rows = page.locator("table.audit tbody tr")
    expect(rows.first).to_contain_text("Logged in")  # hers, a moment ago: the newest
    expect(page.locator("table.audit")).to_contain_text("Closed a petition")
    expect(page.locator("table.audit")).to_contain_text("Free the teachers")
    _both_sizes(visitor, "audit-en")

    page.get_by_label("Person").select_option(str(editor.user_id))
    page.get_by_role("button", name="Show", exact=True).click()
    expect(rows).to_have_count(3)
    page.get_by_label("From").fill("2026-03-05")
    page.get_by_label("Until").fill("2026-03-05")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(rows).to_have_count(2)
    visitor.check(name="audit-filtered-en")
    _both_sizes(visitor, "audit-filtered-en")

    visitor.open(
        "/en" + log + "?since=2026-03-06&until=2026-03-05", name="audit-bad-en", status=400
    )
    expect(page.get_by_role("alert").first).to_contain_text(
        "The first day comes after the last one."
    )
    visitor.console.clear()

    visitor.open("/ug" + log, name="audit-ug")
    reads_in_uyghur(visitor, "audit-ug")
    _both_sizes(visitor, "audit-ug")
