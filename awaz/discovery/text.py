"""Text as the search index stores it and as a query is read: one normalization for both.

Case and diacritics do not matter (`Ürümchi`, `urumchi` and `ÜRÜMCHI` are one word; so are
`ё` and `е`), Chinese is indexed character by character (it has no spaces between words), and
Uyghur in any of its three scripts is also indexed and queried in one pivot script (Latin, ULY)
through the converter, so a query in Latin finds a text written in Arabic script and the reverse.
Pure Python; nothing here touches the database.
"""

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol

from awaz.scripts import ConversionError, convert

UYGHUR_SCRIPTS = ("ug", "ug-latn", "ug-cyrl")
PIVOT = "ug-latn"

_WORD = re.compile(r"\w+")
_HAN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")
_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def normalize(text: str) -> str:
    """Case-folded, without diacritics or tatweel, Han characters spaced apart."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return _HAN.sub(r" \1 ", bare.replace("\u0640", ""))


def words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def pivot(text: str, *, language: str) -> str:
    """Uyghur text in the pivot script; "" for other languages."""
    if language not in UYGHUR_SCRIPTS:
        return ""
    try:
        return convert(text, source=language, target=PIVOT)
    except ConversionError:
        return ""


def query_forms(query: str) -> list[list[str]]:
    """The query's words, and, when it may be Uyghur in Arabic or Cyrillic script, the same
    query in the pivot script: a document matches when it has all the words of one form."""
    forms = [words(query)]
    for pattern, script in ((_ARABIC, "ug"), (_CYRILLIC, "ug-cyrl")):
        if pattern.search(query):
            converted = words(pivot(query, language=script))
            if converted and converted not in forms:
                forms.append(converted)
    return [form for form in forms if form]


class Version(Protocol):
    language: str
    title: str
    summary: str
    target: str
    body: str


def document(organization: str, versions: Iterable[Version]) -> tuple[str, str]:
    """The indexed title and body of a petition: every version, with Uyghur also in the pivot."""
    titles, bodies = [], [organization]
    for version in versions:
        fields = (version.summary, version.target, version.body)
        titles += [version.title, pivot(version.title, language=version.language)]
        bodies += [*fields, *(pivot(field, language=version.language) for field in fields)]
    return normalize(" ".join(titles)), normalize(" ".join(bodies))
