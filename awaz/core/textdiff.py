"""A word-level diff of two texts, for showing what an edit changed.

Words and the whitespace between them are the tokens, so a changed word is shown as one word
taken out and one put in, in any script (Uyghur Arabic, Latin, Cyrillic), and line breaks
survive. The result is plain strings: the template escapes them, nothing here makes HTML.
"""

import difflib
import re
from dataclasses import dataclass
from typing import Literal

_TOKEN = re.compile(r"\s+|\S+")

Operation = Literal["equal", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text that both versions share, or that the edit took out or put in."""

    operation: Operation
    text: str


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> list[Segment]:
    """The segments that turn `before` into `after`: what was deleted comes before what was
    inserted in its place, and changes only a space apart are one change."""
    old, new = _tokens(before), _tokens(after)
    # No automatic junk: in a long text a space or a common word would otherwise be ignored
    # and the diff would jump between unrelated places.
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    codes = matcher.get_opcodes()
    segments: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            segments.append(Segment("delete", "".join(deleted)))
        if inserted:
            segments.append(Segment("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag != "equal":
            deleted += old[i1:i2]
            inserted += new[j1:j2]
        elif (deleted or inserted) and index + 1 < len(codes) and not "".join(old[i1:i2]).strip():
            # Only a space between two changes: one change of several words reads better.
            deleted += old[i1:i2]
            inserted += new[j1:j2]
        else:
            flush()
            segments.append(Segment("equal", "".join(old[i1:i2])))
    flush()
    return segments
