"""The proof-of-work widget's words; the challenge itself is signing policy (signatures)."""

import json

from django.utils.translation import gettext as _


def widget_strings() -> str:
    """The widget's words in the reader's language (it has no Uyghur of its own)."""
    return json.dumps(
        {
            "ariaLinkLabel": _("About the anti-spam puzzle"),
            "error": _("The puzzle could not be solved. Please try again."),
            "expired": _("The puzzle expired. Please try again."),
            "label": _("I am a person (a small puzzle runs in your browser)"),
            "verified": _("Done, thank you"),
            "verifying": _("Solving the puzzle…"),
            "waitAlert": _("Solving the puzzle… please wait a moment."),
        },
        ensure_ascii=False,
    )
