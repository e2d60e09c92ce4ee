"""The organization's audit log: owners only, newest first, filtered by a plain GET form."""

import datetime
import html as markup
import re

import pytest
import time_machine

from awaz.accounts.logins import user_login_failure_record, user_login_record
from awaz.audit.actions import ACCOUNT_ACTIONS, ACTIONS
from awaz.audit.labels import LABELS
from awaz.audit.models import AuditEntry
from awaz.audit.selectors import audit_entries_of_organization
from awaz.organizations import services as organizations
from awaz.organizations.models import Role
from awaz.petitions import lifecycle
from awaz.signatures.exports import signatures_export
from tests.factories import make_petition
from tests.organizers import client_for, make_member, make_user

pytestmark = pytest.mark.django_db

# Later than the tests run, so the owner's own log-in (now) comes last.
DAY = datetime.datetime(2036, 3, 5, 10, 0, tzinfo=datetime.UTC)


def _url(owner, query: str = "") -> str:
    return f"/en/dashboard/organizations/{owner.organization.slug}/audit-log/{query}"


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    rows = body.split("<tr>")[1:]
    return [" ".join(markup.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


@pytest.fixture
def world():
    owner = make_member(Role.OWNER)
    editor = make_member(Role.EDITOR, organization=owner.organization)
    petition = make_petition(organization=owner.organization, title="Free the teachers")
    owner.client = client_for(owner.user)  # type: ignore[attr-defined]  # its log-in (now) is the oldest entry
    with time_machine.travel(DAY, tick=False):
        signatures_export(petition=petition, by=editor.user)
    with time_machine.travel(DAY + datetime.timedelta(days=1), tick=False):
        lifecycle.petition_close(petition=petition, by=editor.user)
        user_login_record(user=editor.user)
    with time_machine.travel(DAY + datetime.timedelta(days=2), tick=False):
        organizations.membership_role_change(membership=editor, role=Role.VIEWER, by=owner.user)
        user_login_failure_record(email=owner.user.email)
    return owner, editor, petition


def test_owners_see_what_was_done_newest_first_with_petitions_named_by_title(world):
    owner, editor, petition = world
    response = owner.client.get(_url(owner))
    assert response.status_code == 200
    html = response.content.decode()
    rows = _rows(html)
    assert rows[0].startswith("March 7, 2036")
    assert "Someone" in rows[0] and "Failed to log in (wrong password)" in rows[0]
    assert "Changed a member's role ( editor → viewer )" in rows[1]
    assert editor.user.email in rows[1]  # about whom
    assert any("Closed a petition" in row and "Free the teachers" in row for row in rows)
    assert any("Downloaded the signatures" in row for row in rows)
    assert petition.slug not in " ".join(rows)
    assert 'href="/en/dashboard/organizations/' in html and "Audit log" in html


def test_another_organizations_entries_and_strangers_log_ins_are_not_shown(world):
    owner, _editor, _petition = world
    stranger = make_member(Role.OWNER)
    make_petition(organization=stranger.organization, title="Someone else's")
    user_login_record(user=stranger.user)
    entries = audit_entries_of_organization(
        organization_pk=owner.organization.pk, members=[owner.user_id]
    )
    assert all(entry.target != f"accounts.user:{stranger.user_id}" for entry in entries)
    html = owner.client.get(_url(owner)).content.decode()
    assert "Someone else" not in html and stranger.user.email not in html


def test_editors_are_refused_and_strangers_are_not_told_it_exists(world):
    owner, editor, _petition = world
    assert client_for(editor.user).get(_url(owner)).status_code == 403
    assert client_for(make_user()).get(_url(owner)).status_code == 404


def test_the_log_filters_by_person_action_and_days(world):
    owner, editor, _petition = world
    client = owner.client
    by_editor = _rows(client.get(_url(owner, f"?person={editor.user_id}")).content.decode())
    assert by_editor and all(
        "Changed a member's role" not in row and "Failed to log in" not in row for row in by_editor
    )
    assert any("Logged in" in row for row in by_editor)
    closed = _rows(client.get(_url(owner, "?action=petition.close")).content.decode())
    assert len(closed) == 1 and "Closed a petition" in closed[0]
    one_day = _rows(client.get(_url(owner, "?since=2036-03-05&until=2036-03-05")).content.decode())
    assert [row for row in one_day if "Downloaded the signatures" in row] == one_day != []
    nothing = client.get(_url(owner, "?since=2040-01-01")).content.decode()
    assert "Nothing matches these filters." in nothing


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?since=yesterday", "Enter a date as year-month-day"),
        ("?until=2026-02-30", "Enter a date as year-month-day"),
        ("?since=2036-03-06&until=2036-03-05", "The first day comes after the last one."),
        ("?person=abc", "Select a valid choice"),
        ("?person=999999", "Select a valid choice"),
        ("?action=petition.explode", "Select a valid choice"),
    ],
)
def test_a_bad_filter_says_what_is_wrong_instead_of_failing(world, query, message):
    owner, _editor, _petition = world
    response = owner.client.get(_url(owner, query))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_log_is_paginated_and_the_pages_keep_the_filters(world):
    owner, editor, _petition = world
    for _ in range(55):
        user_login_record(user=editor.user)
    client = owner.client
    first = client.get(_url(owner, "?action=user.login")).content.decode()
    assert len(_rows(first)) == 50
    assert 'href="?action=user.login&amp;page=2"' in first
    second = client.get(_url(owner, "?action=user.login&page=2")).content.decode()
    assert len(_rows(second)) == 7  # 55, the world's one, the owner's own
    assert client.get(_url(owner, "?page=oops")).status_code == 200


def test_in_uyghur_each_date_is_isolated_so_it_reads_in_order(world):
    owner, _editor, _petition = world
    html = owner.client.get(
        f"/ug/dashboard/organizations/{owner.organization.slug}/audit-log/"
    ).content.decode()
    assert 'dir="rtl"' in html
    cells = re.findall(r'<td data-label="[^"]*"><bdi[^>]*><time datetime="2036-03-0\d', html)
    assert len(cells) >= 4


def test_every_action_that_concerns_an_organization_has_a_label(world):
    owner, _editor, _petition = world
    assert set(LABELS) <= set(ACTIONS)
    seen = set(
        AuditEntry.objects.filter(organization_pk=owner.organization.pk).values_list(
            "action", flat=True
        )
    )
    assert seen and seen <= set(LABELS)
    assert set(LABELS) >= ACCOUNT_ACTIONS
