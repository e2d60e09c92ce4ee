"""Dates in the workspace's tables read in order in Uyghur (right to left).

A date or moment laid out inside right-to-left text is reordered with its neighbours: in Uyghur
"2026/03/05 14:30" showed its time first, and a date beside a name or a count ran into them.
Every date in a table cell (or a fact's value) goes through `{% when %}`, which isolates it.
"""

import re
from pathlib import Path

import pytest

from awaz.organizations import keys
from awaz.organizations.models import Role
from awaz.organizations.services import invitation_create
from tests.organizers import client_for, make_member

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CELL = re.compile(r"<(td|dd)\b[^>]*>(.*?)</\1>", re.DOTALL)
ATTRIBUTE = re.compile(r'\s[\w-]+="[^"]*"')  # machine values: a form's field, a link


def test_no_table_cell_of_the_workspace_prints_a_date_itself():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        for _tag, content in CELL.findall(path.read_text()):
            if "|date:" in ATTRIBUTE.sub("", content):
                found.append(f"{path.relative_to(TEMPLATES)}: {content[:80]}")
    assert found == [], "use {% when value FORMAT %} (awaz.core.templatetags.awaz)"


@pytest.mark.django_db
def test_in_uyghur_the_dates_of_the_members_and_keys_tables_are_isolated(mailoutbox):
    owner = make_member(Role.OWNER)
    organization = owner.organization
    invitation_create(
        organization=organization, email="new@example.org", role=Role.EDITOR, by=owner.user
    )
    keys.api_key_create(organization=organization, name="CRM", scope="read", by=owner.user)
    client = client_for(owner.user)
    base = f"/ug/dashboard/organizations/{organization.slug}/"
    members = client.get(base + "members/").content.decode()
    assert re.search(r'<td data-label="[^"]*"><bdi><time datetime="\d{4}-\d\d-\d\d', members)
    api_keys = client.get(base + "settings/api-keys/").content.decode()
    # Digits and slashes only (Y/m/d): laid out left to right, as written.
    assert re.search(r'<td><bdi dir="ltr"><time datetime="[^"]+">\d{4}/\d\d/\d\d</time>', api_keys)
