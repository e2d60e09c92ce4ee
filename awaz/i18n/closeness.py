"""Which version a reader gets when there is none in their language: the closest they can read.

A Kazakh reader reads Cyrillic letters (and often Russian) before the Arabic script; a Turkish
reader Latin letters; a Uyghur reader any Uyghur script. After these, the version the text was
written in, then any.
"""

CLOSEST: dict[str, tuple[str, ...]] = {
    "ug": ("ug-latn", "ug-cyrl"),
    "ug-latn": ("ug", "ug-cyrl"),
    "ug-cyrl": ("ug", "ug-latn"),
    "kk": ("ug-cyrl", "ru"),
    "tr": ("ug-latn",),
    "ru": ("ug-cyrl",),
}


def preference(language: str, original_language: str) -> tuple[str, ...]:
    """The languages to try, best first, for a reader of `language`."""
    order = (language, *CLOSEST.get(language, ()), original_language)
    return tuple(dict.fromkeys(order))
