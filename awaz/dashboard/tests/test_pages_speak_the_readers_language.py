"""Every word of an Arabic-script Uyghur page is Uyghur, or isolated as someone's own text.

The demo is crawled in Uyghur as a reader, an owner and a member of staff. A Latin-script word
on such a page is either interface text that nobody translated ("… yetküzüldi converted"), or
text of a person or another language (a petition's English title, an organization's name, a
signer's comment) that must be isolated from the Uyghur around it: marked with its own `lang`,
or put in `<bdi>`, or given its own direction, so that it is neither read by a Uyghur screen
reader voice nor scrambled by the right-to-left layout. Proper names of products, and
abbreviations in capitals (PDF, QR, IP, the country codes), are written in Latin letters in
Uyghur too. Addresses and examples of them (free-ilham-tohti) are not words. The `<head>`
(the `<title>` is plain text, where no markup can isolate anything) is not read here.
"""

import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest

from awaz.i18n import languages
from tests.crawl import crawl_as_everyone, demo_visitors

pytestmark = pytest.mark.django_db

# Names and words that these languages write in Latin letters as they are.
WRITTEN_IN_LATIN = {"Awaz", "Facebook", "Telegram", "WhatsApp", "WebP", "JavaScript", "Tor"}
# Tor Browser, a cookie, an onion address:
WRITTEN_IN_LATIN |= {"Browser", "cookie", "Cookie", "onion"}
WRITTEN_IN_LATIN |= {"Markdown", "Webhook"}  # Chinese writes these in Latin letters
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
_UNREAD = {"head", "script", "style", "template", "code", "kbd", "samp", "pre", "textarea"}
_NAMED_BY = ("aria-label", "title", "alt", "placeholder")
_ADDRESS = re.compile(r"[/@:_=]|\w\.\w")
_SLUG = re.compile(r"(?<![A-Za-z])[a-z0-9]+(?:-[a-z0-9]+)+(?![A-Za-z])")  # uyghur-voices
_ABBREVIATION = re.compile(r"[A-Z0-9]{2,5}")


class _PageText(HTMLParser):
    """The words of a page that are read in the page's own language (its `<html lang>`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._isolated: list[bool] = []
        self.language = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":  # the page's own language and direction
            self.language = values.get("lang") or ""
            values = {}
        isolated = (
            bool(self._isolated and self._isolated[-1])
            or tag in _UNREAD
            or tag == "bdi"
            or values.get("lang") not in (None, self.language)
            or values.get("dir") in ("auto", "ltr")
            or values.get("translate") == "no"
        )
        if not isolated:
            self.words += [str(values[name]) for name in _NAMED_BY if values.get(name)]
        if tag not in _VOID:
            self._isolated.append(isolated)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self._isolated:
            self._isolated.pop()

    def handle_data(self, data: str) -> None:
        if not (self._isolated and self._isolated[-1]):
            self.words.append(data)


def latin_words(words: list[str]) -> set[str]:
    found = set()
    for token in _SLUG.sub(" ", " ".join(words)).split():
        if not _ADDRESS.search(token):
            found |= set(re.findall(r"[A-Za-z]{2,}", token))
    return {word for word in found - WRITTEN_IN_LATIN if not _ABBREVIATION.fullmatch(word)}


# The languages written in another script than Latin, where a Latin word stands out.
@pytest.mark.parametrize("language", ["ug", "ug-cyrl", "kk", "ru", "zh-hans"])
def test_latin_words_are_isolated_or_written_so_in_the_pages_language(language: str):
    visitors = demo_visitors(language)
    tag = languages.get(language).bcp47
    found: dict[str, set[str]] = {}

    def visit(path: str, html: str) -> None:
        page = _PageText()
        page.feed(html)
        # A preview of another version is that version's page, in its language.
        if page.language == tag and (words := latin_words(page.words)):
            found[path] = words

    seen = crawl_as_everyone(visitors, visit)
    assert len(seen) > 30, sorted(seen)  # the crawl reached the site, not only its front door
    pages_by_word = defaultdict(list)
    for path, words in found.items():
        for word in words:
            pages_by_word[word].append(path)
    assert dict(pages_by_word) == {}
