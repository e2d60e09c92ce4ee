"""Validators for what organizers write. They refuse, with a reason, what the page would drop.

The public page sanitizes Markdown anyway (awaz.core.markdown); refusing here as well tells the
author at once that their `<script>` or `javascript:` link would never reach a reader.
"""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt
from markdown_it.token import Token

from awaz.i18n import languages
from awaz.petitions.mailproviders import PROVIDERS, risky_countries

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")

# A parser that sees everything: raw HTML and every link, whatever its scheme.
_inspector = MarkdownIt("commonmark", {"html": True})
_inspector.validateLink = lambda url: True  # type: ignore[method-assign]


def _tokens(tokens: list[Token]) -> list[Token]:
    flat = []
    for token in tokens:
        flat.append(token)
        if token.children:
            flat.extend(_tokens(token.children))
    return flat


def validate_markdown(source: str) -> None:
    """Refuse Markdown with HTML in it, or with links that are not http(s) or e-mail."""
    for token in _tokens(_inspector.parse(source)):
        if token.type in {"html_block", "html_inline"}:
            raise ValidationError(
                _(
                    "HTML tags such as %(tag)s are not allowed: write Markdown, for example "
                    "**bold** or [a link](https://example.org)."
                ),
                code="markdown_html",
                params={"tag": token.content.strip().splitlines()[0][:40]},
            )
        address = token.attrs.get("href") or token.attrs.get("src")
        if isinstance(address, str):
            scheme = _SCHEME.match(address)
            if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
                raise ValidationError(
                    _(
                        "Links must be web addresses (https:// or http://) or e-mail addresses "
                        "(mailto:), not %(scheme)s: links."
                    ),
                    code="markdown_link_scheme",
                    params={"scheme": scheme.group(1)},
                )


def validate_language_codes(value: Any) -> None:
    """A list of distinct language codes that Awaz knows."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_("Choose languages from the list."), code="languages_not_list")
    unknown = [code for code in value if code not in languages.CODES]
    if unknown:
        raise ValidationError(
            _("Unknown language: %(codes)s."),
            code="languages_unknown",
            params={"codes": ", ".join(unknown)},
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("A language is listed twice."), code="languages_repeated")


def validate_risky_countries(value: str) -> None:
    """A comma-separated list of countries whose mail providers Awaz knows (CN, RU, KZ, IR)."""
    unknown = [code for code in risky_countries(value) if code not in PROVIDERS]
    if unknown:
        raise ValidationError(
            _("Unknown or unlisted country codes: %(codes)s. Known: %(known)s.")
            % {"codes": ", ".join(unknown), "known": ", ".join(sorted(PROVIDERS))},
            code="unknown_countries",
        )
