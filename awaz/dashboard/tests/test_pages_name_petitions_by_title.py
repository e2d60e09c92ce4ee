"""No page names a petition by its slug: readers see its title in their language.

The demo is crawled as a reader, as its organization's owner and as a member of staff, in
English and in Uyghur, following every link on the site; each page's visible text (and the
names a screen reader announces) must not contain a petition's slug as a word of its own.
Addresses that carry a slug (links, the share box, the embed snippet's URL) are addresses, not
names, and are not counted.
"""

import re
from html.parser import HTMLParser

import pytest

from awaz.petitions.models import Petition
from tests.crawl import crawl_as_everyone, demo_visitors

pytestmark = pytest.mark.django_db

_NAMED_BY = ("aria-label", "title", "alt", "placeholder")
_HIDDEN = {"script", "style", "template"}  # <title> counts: a tab shows it


class _Page(HTMLParser):
    """The words a person reads or hears on a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._hidden = 0
        self._hiding: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        # A field's help and label may give an address as an example ("e.g. free-ilham-tohti").
        if tag in _HIDDEN or tag == "label" or "helptext" in (values.get("class") or ""):
            self._hidden += 1
            self._hiding.append(tag)
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


def test_no_page_of_the_demo_names_a_petition_by_its_slug():
    visitors = demo_visitors("en", "ug")
    slugs = set(Petition.objects.values_list("slug", flat=True))
    found: dict[str, set[str]] = {}

    def visit(path: str, html: str) -> None:
        page = _Page()
        page.feed(html)
        if used := _names_used(" ".join(page.words), slugs):
            found[path] = used

    seen = crawl_as_everyone(visitors, visit)
    assert len(seen) > 60, sorted(seen)  # the crawl reached the site, not only its front door
    assert found == {}
