"""Control characters never enter Awaz: every form's text is cleaned in one place, here.

ANSI escapes (`\\x1b[31m`), bidi overrides and embeddings (U+202A-202E, U+2066-206F), zero-width
spaces, BOMs and the other control (Cc) and format (Cf) characters would reach CSV and PDF
exports, terminals and moderators' screens exactly as given: a name can hide or reverse the text
around it. They are removed from every submitted field (POST) before any form sees it, so no
form, in the public site, the dashboard or the admin, can forget to.

Kept: tab, line feed and carriage return (text areas), and the format characters that Uyghur
and other Arabic-script writing needs (research/uyghur-scripts.md §1.5): ZWNJ U+200C, ZWJ
U+200D, LRM U+200E, RLM U+200F and ALM U+061C. Files are not touched.
"""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

# Every Cc and Cf character of Unicode 15.1 but those kept above (generated with unicodedata).
_CONTROLS = re.compile(
    "[\\u0000-\\u0008\\u000B-\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u0600-\\u0605"
    "\\u06DD\\u070F\\u0890-\\u0891\\u08E2\\u180E\\u200B\\u202A-\\u202E\\u2060-\\u2064"
    "\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\U000110BD\\U000110CD\\U00013430-\\U0001343F"
    "\\U0001BCA0-\\U0001BCA3\\U0001D173-\\U0001D17A\\U000E0001\\U000E0020-\\U000E007F]"
)


def clean_text(value: str) -> str:
    """`value` without its control and format characters (those Arabic script needs stay)."""
    return _CONTROLS.sub("", value)


class CleanTextMiddleware:
    """Replaces request.POST by a copy whose every value went through `clean_text`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method == "POST":
            posted = request.POST
            if any(_CONTROLS.search(value) for _, values in posted.lists() for value in values):
                cleaned = posted.copy()
                for key in cleaned:
                    cleaned.setlist(key, [clean_text(value) for value in posted.getlist(key)])
                cleaned._mutable = False
                request.POST = cleaned  # type: ignore[assignment]  # immutable again above
        return self.get_response(request)
