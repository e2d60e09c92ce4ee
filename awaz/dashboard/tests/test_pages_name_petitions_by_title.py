"""No page names a petition by its slug: readers see its title in their language.

The demo is crawled as a reader, as its organization's owner and as a member of staff, in
English and in Uyghur, following every link on the site; each page's visible text (and the
names a screen reader announces) must not contain a petition's slug as a word of its own.
Addresses that carry a slug (links, the share box, the embed snippet's URL) are addresses, not
names, and are not counted.
"""

import io
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from awaz.organizations.models import Membership, Organization, Role
from awaz.petitions.models import Petition
from tests.organizers import client_for, make_user
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

_SKIP = re.compile(
    r"/(language|accounts/logout|signatures|my-signatures/(open|withdraw|stop-emails|finish))/"
    r"|\.(atom|png|svg|pdf|csv|json|xml|txt)(\?|$)|/media/|/static/|/admin/"
)
_NAMED_BY = ("aria-label", "title", "alt", "placeholder")
_HIDDEN = {"script", "style", "template"}  # <title> counts: a tab shows it


class _Page(HTMLParser):
    """The words a person reads or hears on a page, and the links it offers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.links: list[str] = []
        self._hidden = 0
        self._hiding: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        # A field's help and label may give an address as an example ("e.g. free-ilham-tohti").
        if tag in _HIDDEN or tag == "label" or "helptext" in (values.get("class") or ""):
            self._hidden += 1
            self._hiding.append(tag)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if not self._hidden:
            self.words += [str(values[name]) for name in _NAMED_BY if values.get(name)]

    def handle_endtag(self, tag: str) -> None:
        if self._hiding and self._hiding[-1] == tag:
            self._hiding.pop()
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.words.append(data)


def _names_used(text: str, slugs: set[str]) -> set[str]:
    # An address is not a name: drop every token with a slash in it.
    words = " ".join(token for token in text.split() if "/" not in token)
    return {slug for slug in slugs if re.search(rf"(?<![\w-]){re.escape(slug)}(?![\w-])", words)}


def _crawl(
    client: Client, starts: list[str], slugs: set[str], seen: set[str]
) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        if path in seen or _SKIP.search(path):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = _Page()
        page.feed(response.content.decode())
        if used := _names_used(" ".join(page.words), slugs):
            found[path] = used
        for href in page.links:
            link = urldefrag(href).url
            parts = urlsplit(link)
            if parts.netloc in ("", "testserver") and parts.path.startswith(("/en/", "/ug/")):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def test_no_page_of_the_demo_names_a_petition_by_its_slug():
    call_command("seed_demo", stdout=io.StringIO())
    slugs = set(Petition.objects.values_list("slug", flat=True))
    organization = Organization.objects.get()
    owner = make_user()
    Membership.objects.create(organization=organization, user=owner, role=Role.OWNER)
    staff = make_user(is_staff=True)
    found: dict[str, set[str]] = {}
    seen: set[str] = set()
    for client, starts in (
        (Client(), ["/en/", "/ug/"]),
        (client_for(owner), ["/en/dashboard/", "/ug/dashboard/"]),
        (staff_client(staff), ["/en/dashboard/moderation/", "/ug/dashboard/moderation/"]),
    ):
        seen_by_this_person = {path for path in seen if "/dashboard/" not in path}
        found |= _crawl(client, starts, slugs, seen_by_this_person)
        seen |= seen_by_this_person
    assert len(seen) > 60, sorted(seen)  # the crawl reached the site, not only its front door
    assert found == {}
