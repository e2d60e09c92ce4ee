"""Direction marks for right-to-left plain text (e-mail subjects and plain-text bodies).

A mail client shows a plain-text paragraph, and most show a subject, in the direction of its
first strong character (the Unicode bidi algorithm, rule P2). A Uyghur line that starts with a
Latin word or a number ("Awaz: ...", "10 000 كىشى ...") would be laid out left to right, its
Uyghur words in the wrong order. A RIGHT-TO-LEFT MARK (U+200F) in front of such a line makes it
right to left; it is invisible (a default-ignorable character, drawn by no font), so it is added
only where it is needed, never to a line without Uyghur letters (a lone link stays as it is).
Encoding the subject (RFC 2047) is Django's and Python's: an encoded word never splits a letter.
"""

import unicodedata
from typing import Final

from awaz.i18n import languages

RLM: Final = "\u200f"
_RTL: Final = frozenset(("R", "AL", "RLE", "RLO", "RLI"))
_LTR: Final = frozenset(("L", "LRE", "LRO", "LRI"))


def _needs_mark(line: str) -> bool:
    # The first strong character is not right to left, but the line has right-to-left letters.
    first: str | None = None
    for char in line:
        kind = unicodedata.bidirectional(char)
        if first is None and (kind in _LTR or kind in {"EN", "AN"}):
            first = "L"
        elif kind in _RTL:
            return first == "L"
    return False


def rtl_marked(text: str, language: str) -> str:
    """``text`` with an RLM in front of each line that a client would otherwise lay out left to
    right, when ``language`` is written right to left; other languages are left alone."""
    if not languages.is_bidi(language):
        return text
    return "\n".join(RLM + line if _needs_mark(line) else line for line in text.split("\n"))
