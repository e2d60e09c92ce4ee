"""Capitals in a proper name of several words, in Latin or Cyrillic Uyghur.

The converter capitalises a text as prose ([3690] §5, [3691] §5: the first word of a sentence),
so a converted country name reads "Amérika qoshma shtatliri". A proper name capitalises each of
its words ("Amérika Qoshma Shtatliri", "Америка Қошма Штатлири"), and each part of a hyphened
word ("Gwinéye-Bissaw"), but not the conjunction "we"/"вә" inside it ("Trinidad we Tobago").
Only the first character of a digraph is a capital (Shinjang); letters after the first keep
their case (AQSh stays AQSh).
"""

import re
from typing import Final

_CONJUNCTIONS: Final = frozenset({"we", "вә"})
_PART: Final = re.compile(r"[^\s-]+")


def proper_name_case(name: str) -> str:
    """`name` with the first letter of each word (but a conjunction) a capital."""
    position = 0

    def capital(match: re.Match[str]) -> str:
        nonlocal position
        word = match.group(0)
        first = position == 0
        position += 1
        if not first and word.lower() in _CONJUNCTIONS:
            return word
        return word[:1].upper() + word[1:]

    return _PART.sub(capital, name)
