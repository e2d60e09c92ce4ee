"""Markdown for petition texts and updates: CommonMark without raw HTML, then sanitized.

Two layers on purpose: markdown-it never emits HTML that was typed in, and nh3 (a maintained
allow-list sanitizer) removes anything that is not plain structure or an http(s)/mailto link.
"""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

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
