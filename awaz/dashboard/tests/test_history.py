"""A petition's history: each edit as a word diff of readable text, in its own direction."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from awaz.organizations.models import Role
from awaz.petitions.services import petition_text_save
from tests.factories import make_petition
from tests.organizers import client_for, make_member

pytestmark = pytest.mark.django_db

TARGET = "خىتاي ھۆكۈمىتى"
BODY = "ئىلھام توختى **ئىقتىسادشۇناس**.\n\nئۇ 2014-يىلىدىن بۇيان قاماقتا."


def save(petition, language, *, title, body, by, target=TARGET):
    petition_text_save(
        petition=petition, language=language, title=title, target=target, body=body, updated_by=by
    )


def test_each_edit_is_a_word_diff_against_the_version_it_made():
    owner = make_member(Role.OWNER)
    petition = make_petition(organization=owner.organization, languages=("ug", "en"))
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(hours=2), tick=False):
        save(petition, "ug", title="ئىلھام توختىنى قويۇپ بېرىڭ", body=BODY, by=owner.user)
    with time_machine.travel(now - datetime.timedelta(hours=1), tick=False):
        save(
            petition,
            "ug",
            title="ئىلھام توختىنى دەرھال قويۇپ بېرىڭ",
            body=BODY.replace("قاماقتا", "تۈرمىدە") + "\n\n- [Ilham](https://example.org) 1 < 2",
            by=owner.user,
        )
    save(
        petition,
        "en",
        title="Free Ilham Tohti now",
        body="He is *an* economist.",
        by=None,
        target="the Government of Kazakhstan",
    )
    url = f"/en/dashboard/organizations/{owner.organization.slug}/petitions/{petition.slug}/"
    html = client_for(owner.user).get(f"{url}history/").content.decode()

    edits = re.findall(r'<article class="revision">.*?</article>', html, re.S)
    assert len(edits) == 3
    english, second, first = edits
    # The newest edit first, in its language's direction, Markdown shown as words.
    assert '<dd class="diff" lang="en" dir="ltr">' in english
    assert "He is an economist." in english and "*" not in english
    assert '<dd class="diff" lang="ug" dir="rtl">' in second
    # Only what changed is marked, and screen readers hear where it starts and ends.
    hidden = '<span class="visually-hidden">'
    inserted = re.search(rf"<ins>{hidden}\[insertion start\] </span>(.*?){hidden}", second)
    assert inserted and inserted[1].strip() == "دەرھال"
    title = re.search(r'<dd class="diff"[^>]*>(.*?)</dd>', second)
    assert title and re.sub(r"<span.*?</span>|<[^>]+>", "", title[1]) == (
        "ئىلھام توختىنى دەرھال قويۇپ بېرىڭ"
    )
    assert f"<del>{hidden}[deletion start] </span>قاماقتا." in second
    assert f"<ins>{hidden}[insertion start] </span>تۈرمىدە." in second
    # A link is its words and its address; typed-in markup stays text.
    assert "- Ilham (https://example.org) 1 &lt; 2" in second
    assert "**" not in second and "[Ilham]" not in second
    # The first edit after publication: the decision maker changed too.
    assert "<dt>Decision maker</dt>" in first and "Title" in first
    assert "Only the formatting changed." not in html


def test_a_petition_never_edited_says_so():
    owner = make_member(Role.OWNER)
    petition = make_petition(organization=owner.organization)
    url = f"/en/dashboard/organizations/{owner.organization.slug}/petitions/{petition.slug}/"
    html = client_for(owner.user).get(f"{url}history/").content.decode()
    assert "No changes since publication." in html and "<del>" not in html
