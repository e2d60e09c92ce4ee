"""A word-level diff of two texts, for showing what an edit changed.

A word and the whitespace after it make one token, so a changed word is shown as one word taken
out and one put in, in any script (Uyghur Arabic, Latin, Cyrillic), and line breaks survive.
Lines are compared first and words only inside the lines that changed: whitespace as tokens of
its own made difflib quadratic (a 5,000-word text took 55 s of CPU), and words against a whole
text cost far more than words against a changed paragraph. The result is plain strings: the
template escapes them, nothing here makes HTML.
"""

import difflib
import re
from dataclasses import dataclass
from typing import Literal

_WORD = re.compile(r"^\s+|\S+\s*")

Operation = Literal["equal", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text that both versions share, or that the edit took out or put in."""

    operation: Operation
    text: str


def _opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    # No automatic junk: in a long text a common word would otherwise be ignored and the
    # diff would jump between unrelated places.
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(str(tag), i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _add(segments: list[Segment], operation: Operation, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].operation == operation:
        segments[-1] = Segment(operation, segments[-1].text + text)
    else:
        segments.append(Segment(operation, text))


def _key(token: str) -> str:
    # A word matches itself whatever space follows it ("two" at the end of a text and "two "
    # before an added word), but not across a line break: paragraphs keep their shape.
    word = token.strip()
    if not word:
        return token  # the space a text starts with
    return f"{word}\n" if "\n" in token else word


def _words(segments: list[Segment], before: str, after: str) -> None:
    old, new = _WORD.findall(before), _WORD.findall(after)
    keys_old, keys_new = [_key(token) for token in old], [_key(token) for token in new]
    for tag, i1, i2, j1, j2 in _opcodes(keys_old, keys_new):
        if tag == "equal":
            _add(segments, "equal", "".join(new[j1:j2]))  # the words as they are now
        else:
            taken, put = "".join(old[i1:i2]), "".join(new[j1:j2])
            # The line break both end with is shared: the insertion then stays on the
            # deletion's line instead of starting the next one.
            end = taken[len(taken.rstrip()) :]
            shared = end if end and put.endswith(end) and taken.strip() and put.strip() else ""
            _add(segments, "delete", taken.removesuffix(shared))
            _add(segments, "insert", put.removesuffix(shared))
            _add(segments, "equal", shared)


def word_diff(before: str, after: str) -> list[Segment]:
    """The segments that turn `before` into `after`: what was deleted comes before what was
    inserted in its place. Shared words are given as `after` spaces them, so the segments
    without deletions are `after` exactly; with insertions left out they are `before` up to
    the spaces between words."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in _opcodes(old, new):
        if tag == "equal":
            _add(segments, "equal", "".join(old[i1:i2]))
        else:
            _words(segments, "".join(old[i1:i2]), "".join(new[j1:j2]))
    return segments
