"""What must come through translation and script conversion unchanged: placeholders and markup."""

import re
from typing import Final

# Elements a message may contain; `<country>` in a message is a word, not a tag.
_TAGS: Final = (
    "a|abbr|b|bdi|bdo|br|cite|code|del|em|h[1-6]|i|ins|kbd|li|mark|ol|p|q|s|samp|small|span|"
    "strong|sub|sup|time|u|ul|var"
)
_PLACEHOLDER: Final = re.compile(
    r"%%"  # a literal percent sign
    r"|%(?:\([^()\s]+\))?[-#0+]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]"  # %(n)s %d
    r"|\{[\w.\[\]]*(?:![rsa])?(?::[^{}\s]*)?\}"  # {name} {0} {} {value:,}
    rf"|</?(?:{_TAGS})(?:\s[^<>]*)?/?>"  # an HTML tag, attributes included
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"  # an HTML entity
)


def placeholders(text: str) -> list[str]:
    """The placeholders, HTML tags and entities in `text`, in order."""
    return _PLACEHOLDER.findall(text)


def spans(text: str) -> list[tuple[int, int]]:
    """Where the placeholders, tags and entities of `text` are."""
    return [match.span() for match in _PLACEHOLDER.finditer(text)]


def split(text: str) -> list[str]:
    """`text` cut into plain text and placeholders, alternately (plain text first and last)."""
    parts: list[str] = []
    position = 0
    for start, end in spans(text):
        parts += [text[position:start], text[start:end]]
        position = end
    parts.append(text[position:])
    return parts
