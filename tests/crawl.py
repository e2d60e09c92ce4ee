"""Crawling the demo as a person would: every page reachable by links, as one kind of visitor.

`demo_visitors()` seeds the demo and returns a reader, the organization's owner and a member
of staff, each with the pages to start from; `crawl()` follows every link of the site from
there and hands each HTML page to a callback. Addresses that change state when followed (log
out, withdraw, the language switch) and files that are not pages are not followed.
"""

import io
import re
from collections import deque
from collections.abc import Callable
from urllib.parse import urldefrag, urlsplit

from django.core.management import call_command
from django.test import Client

from awaz.organizations.models import Membership, Organization, Role
from tests.organizers import client_for, make_user
from tests.staff import staff_client

_SKIP = re.compile(
    r"/(language|accounts/logout|signatures|my-signatures/(open|withdraw|stop-emails|finish))/"
    r"|\.(atom|png|svg|pdf|csv|json|xml|txt)(\?|$)|/media/|/static/|/admin/"
)
_HREF = re.compile(r"""<a\b[^>]*?\bhref="([^"]+)\"""")


def demo_visitors(*prefixes: str) -> list[tuple[Client, list[str]]]:
    """Seed the demo; a reader, an owner of its organization and a member of staff, each with
    the pages they start from in every language of `prefixes` ("en", "ug", ...)."""
    call_command("seed_demo", stdout=io.StringIO())
    organization = Organization.objects.get()
    owner = make_user()
    Membership.objects.create(organization=organization, user=owner, role=Role.OWNER)
    staff = make_user(is_staff=True)
    return [
        (Client(), [f"/{prefix}/" for prefix in prefixes]),
        (client_for(owner), [f"/{prefix}/dashboard/" for prefix in prefixes]),
        (staff_client(staff), [f"/{prefix}/dashboard/moderation/" for prefix in prefixes]),
    ]


def crawl(
    client: Client, starts: list[str], seen: set[str], visit: Callable[[str, str], None]
) -> None:
    """Follow every link from `starts` within the languages they begin with, calling
    `visit(path, html)` once for each page not in `seen` (which the crawl fills in)."""
    prefixes = tuple({"/" + start.split("/")[1] + "/" for start in starts})
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        if path in seen or _SKIP.search(path):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        visit(path, html)
        for href in _HREF.findall(html):
            parts = urlsplit(urldefrag(href.replace("&amp;", "&")).url)
            if parts.netloc in ("", "testserver") and parts.path.startswith(prefixes):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))


def crawl_as_everyone(
    visitors: list[tuple[Client, list[str]]], visit: Callable[[str, str], None]
) -> set[str]:
    """Crawl as each visitor in turn (public pages once, the workspace once per person);
    return every address reached."""
    seen: set[str] = set()
    for client, starts in visitors:
        seen_by_this_person = {path for path in seen if "/dashboard/" not in path}
        crawl(client, starts, seen_by_this_person, visit)
        seen |= seen_by_this_person
    return seen
