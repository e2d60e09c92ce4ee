"""Markdown for petition texts and updates: CommonMark without raw HTML, then sanitized.

Two layers on purpose: markdown-it never emits HTML that was typed in, and nh3 (a maintained
allow-list sanitizer) removes anything that is not plain structure or an http(s)/mailto link.
"""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
    "strong", "em", "a", "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).disable("image")


def _shift_headings(html: str) -> str:
    # A petition's own title is the page's h1; its sections start at h2.
    for level in range(6, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{min(level + 1, 4)}>").replace(
            f"</h{level}>", f"</h{min(level + 1, 4)}>"
        )
    return html


@lru_cache(maxsize=512)
def render_markdown(source: str) -> SafeString:
    """Render Markdown to safe HTML; the same text renders once per process."""
    html = _shift_headings(_parser.render(source))
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    # Safe: markdown-it emits no typed-in HTML, and nh3 has just removed all but the allow-list.
    return mark_safe(cleaned)  # noqa: S308 # nosec B308 B703 # sanitized by nh3 above


def _inline_plain(children: list[Token]) -> str:
    out: list[str] = []
    href, start = "", 0
    for token in children:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif token.type == "link_open":
            href, start = str(token.attrGet("href") or ""), len(out)
        elif token.type == "link_close":
            words = "".join(out[start:])
            # The address after the words, unless the words are the address.
            if href and href not in (words, f"mailto:{words}"):
                out.append(f" ({href})")
            href = ""
    return "".join(out)


@lru_cache(maxsize=512)
def markdown_plain(source: str) -> str:
    """Markdown as readable plain text, for the text part of an e-mail: no `**`, `#` or `[..](..)`
    left, lists as "- " or "1. ", links as "words (address)", paragraphs apart."""
    blocks: list[tuple[str, int]] = []  # (text, the top-level list it is an item of, or 0)
    group = 0
    lists: list[list[int]] = []  # per open list: the next item's number, 0 for bullets
    quote = 0
    marker = ""
    for token in _parser.parse(source):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            group += 0 if lists else 1
            start = int(str(token.attrGet("start") or 1))
            lists.append([start if token.type == "ordered_list_open" else 0])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            counter = lists[-1]
            marker = "  " * (len(lists) - 1) + (f"{counter[0]}. " if counter[0] else "- ")
            counter[0] += 1 if counter[0] else 0
        elif token.type == "blockquote_open":
            quote += 1
        elif token.type == "blockquote_close":
            quote -= 1
        elif token.type == "inline":
            first, *rest = _inline_plain(token.children or []).split("\n")
            lead = "> " * quote
            pad = lead + " " * len(marker) if lists else lead
            lines = [lead + (marker if marker else pad[len(lead) :]) + first]
            lines += [pad + line for line in rest]
            blocks.append(("\n".join(lines), group if lists else 0))
            marker = ""
        elif token.type in ("fence", "code_block"):
            blocks.append((token.content.rstrip("\n"), 0))
        elif token.type == "hr":
            blocks.append(("----", 0))
    out = ""
    for index, (text, in_list) in enumerate(blocks):
        if index:
            out += "\n" if in_list and blocks[index - 1][1] == in_list else "\n\n"
        out += text
    return out
