"""Cutting a text into words of the source script and everything that passes through.

Protected spans (URLs, e-mail addresses, @handles, #tags, Markdown code and link targets,
reference definitions, HTML tags and entities) are found first and kept verbatim. The rest is
split into words of the source script and the text between them (spaces, punctuation, digits,
other scripts); in Latin text digits belong to words, so that G20 is one foreign token.
Every pattern is linear: no nested quantifier can backtrack over the same characters twice, and
the backward reads of addresses and domains never pass the previous one.
"""

import re
from enum import IntEnum
from typing import Final


class Kind(IntEnum):
    """What a token is, and so what the converter does with it."""

    TEXT = 0  # between words: punctuation is converted, the rest passes through
    WORD = 1  # a word of the source script, to convert
    VERBATIM = 2  # kept as it is; counts as the first word of a sentence
    NEUTRAL = 3  # kept as it is; invisible to capitalisation (markup)


# A URL runs to the next space and does not end with punctuation (the full stop after it).
_URL_BODY: Final = '[^\\s<>"«»]*[^\\s<>"«».,;:!?)\\]}\'’”،؛؟]'
_TLDS: Final = "com|org|net|edu|gov|int|info|io|eu|uk|de|fr|nl|se|no|tr|kz|kg|uz|ru|cn|jp|au|ca|us"

# (substring the text must contain for the pattern to run, kind, pattern). Every pattern starts
# with a literal character, so that the regex engine skips ahead fast, and only patterns whose
# trigger occurs run at all: plain prose costs a few substring searches.
_PATTERNS: Final[tuple[tuple[str, Kind, re.Pattern[str]], ...]] = tuple(
    (trigger, kind, re.compile(pattern, re.MULTILINE))
    for trigger, kind, pattern in (
        # Inline code: a backtick not between two letters (normalization made those apostrophes).
        ("`", Kind.VERBATIM, r"`(?<![^\W\d_]`)[^`\n]++`(?![^\W\d_])"),
        ("://", Kind.VERBATIM, rf"(?:https?|ftp)://{_URL_BODY}"),
        ("www.", Kind.VERBATIM, rf"www\.(?<![\w@.-]www\.){_URL_BODY}"),
        ("#", Kind.VERBATIM, r"#(?<![\w&#]#)(?=[^\W_])[^\s#.,;:!?()\[\]{}«»\"'،؛؟]++"),
        # [3690] §6.8.1 wraps foreign runs in ZWSP ... U+FEFF: kept verbatim, markers dropped.
        ("\u200b", Kind.VERBATIM, "\u200b[^\u200b\ufeff]*+\ufeff"),
        # Markdown link or image target: [text](url "title") converts the text only.
        (
            "](",
            Kind.NEUTRAL,
            r"\]\([^()\s]*+(?:\([^()\s]*+\)[^()\s]*+)*+(?:[ \t]++\"[^\"\n]*+\")?\)",
        ),
        ("]:", Kind.NEUTRAL, r"^[ \t]{0,3}\[[^\]\n]++\]:[^\n]*+"),  # a link definition
        (
            "<",
            Kind.NEUTRAL,
            r"<(?:(?:https?|mailto):[^<>\s]*+|/?(?:a|abbr|b|bdi|bdo|blockquote|br|cite|code|"
            r"del|div|em|figcaption|figure|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|small|"
            r"span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)(?=[\s/>])[^<>\n]*+)>",
        ),
        ("&", Kind.NEUTRAL, r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"),
    )
)
# An e-mail address or a handle is found from its @, then its local part is read backwards.
_AT: Final = re.compile(r"@[A-Za-z0-9_-]++(?:\.[A-Za-z0-9_-]++)*+")
_LOCAL_PART: Final = frozenset("._%+-")
# Bare domains (change.org, rfa.org/uyghur) only matter in Latin text: in the other scripts
# their letters are not converted anyway. Found from the top-level domain, read backwards.
_DOMAIN_HINT: Final = re.compile(rf"\.(?:{_TLDS})(?![\w-])")
_DOMAIN: Final = re.compile(rf"(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})(?![\w-])(?:/{_URL_BODY})?")
_DOMAIN_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


_FENCE: Final = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)

_ARABIC_WORD: Final = (
    "[\u0621-\u064a\u066e-\u06d3\u06d5][\u0621-\u065f\u066e-\u06d3\u06d5\u200c\u200d]*+"
)
_LATIN_LETTERS: Final = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# Digits belong to a Latin word so that G20 or mp3 is one (foreign) token and 2024 one number.
_LATIN_WORD: Final = (
    f"[{_LATIN_LETTERS}0-9][{_LATIN_LETTERS}0-9\u0300-\u036f]*+(?:'[{_LATIN_LETTERS}0-9]++)*+"
)
_CYRILLIC_WORD: Final = "[\u0400-\u052f][\u0400-\u052f\u0300-\u036f]*+(?:'[\u0400-\u052f]++)*+"
_WORD_SPLITTERS: Final = {
    "ug": re.compile(f"({_ARABIC_WORD})"),
    "ug-latn": re.compile(f"({_LATIN_WORD})"),
    "ug-cyrl": re.compile(f"({_CYRILLIC_WORD})"),
}


def tokenize(text: str, source: str) -> tuple[list[Kind], list[str]]:
    """Cut ``text`` into tokens: parallel lists of kinds and strings, which join back to it
    (except the ZWSP/U+FEFF markers of a wrapped foreign run, which are dropped)."""
    kinds: list[Kind] = []
    texts: list[str] = []
    splitter = _WORD_SPLITTERS[source]
    position = 0
    for start, end, kind in _protected_spans(text, source):
        if start > position:
            _split_words(text[position:start], splitter, kinds, texts)
        span = text[start:end]
        if span[:1] == "\u200b":
            span = span[1:-1]
        kinds.append(kind)
        texts.append(span)
        position = end
    if position < len(text):
        _split_words(text[position:], splitter, kinds, texts)
    return kinds, texts


def _split_words(
    chunk: str, splitter: re.Pattern[str], kinds: list[Kind], texts: list[str]
) -> None:
    parts = splitter.split(chunk)
    # re.split with one group alternates: text, word, text, word, ..., text.
    kinds.extend([Kind.TEXT, Kind.WORD] * (len(parts) // 2))
    kinds.append(Kind.TEXT)
    texts.extend(parts)


def _protected_spans(text: str, source: str) -> list[tuple[int, int, Kind]]:
    spans: list[tuple[int, int, Kind]] = []
    if "```" in text or "~~~" in text:
        spans.extend((start, end, Kind.VERBATIM) for start, end in _fenced_blocks(text))
    for trigger, kind, pattern in _PATTERNS:
        if trigger in text:
            spans.extend((m.start(), m.end(), kind) for m in pattern.finditer(text))
    if "@" in text:
        spans.extend(_addresses(text))
    if source == "ug-latn" and "." in text:
        spans.extend(_domains(text))
    # Where spans overlap (a URL with a #fragment, a code block with a URL), the first wins.
    spans.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int, Kind]] = []
    end = 0
    for span in spans:
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept


def _addresses(text: str) -> list[tuple[int, int, Kind]]:
    spans: list[tuple[int, int, Kind]] = []
    floor = 0  # never read back past the previous @, so that the search stays linear
    for match in _AT.finditer(text):
        start = match.start()
        while start > floor and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_PART):
            start -= 1
        if start == match.start():
            spans.append((start, match.end(), Kind.VERBATIM))  # @handle
        elif "." in match.group():
            spans.append((start, match.end(), Kind.VERBATIM))  # name@example.org
        floor = match.end()
    return spans


def _domains(text: str) -> list[tuple[int, int, Kind]]:
    spans: list[tuple[int, int, Kind]] = []
    floor = 0
    for hint in _DOMAIN_HINT.finditer(text):
        if hint.start() < floor:
            continue
        start = hint.start()
        while start > floor and text[start - 1] in _DOMAIN_CHARS:
            start -= 1
        before = text[start - 1] if start else " "
        match = _DOMAIN.match(text, start)
        if match and match.end() >= hint.end() and not (before.isalnum() or before in "@_"):
            spans.append((start, match.end(), Kind.VERBATIM))
            floor = match.end()
        else:
            floor = hint.end()
    return spans


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of Markdown fenced code blocks, found line by line (an unclosed fence runs to the
    end of the text, as in CommonMark)."""
    blocks: list[tuple[int, int]] = []
    opening: re.Match[str] | None = None
    for match in _FENCE.finditer(text):
        if opening is None:
            opening = match
            continue
        fence = opening.group(1)
        line_end = text.find("\n", match.end())
        rest = text[match.end() : len(text) if line_end < 0 else line_end]
        if match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not rest.strip():
            blocks.append((opening.start(), len(text) if line_end < 0 else line_end))
            opening = None
    if opening is not None:
        blocks.append((opening.start(), len(text)))
    return blocks
