"""The translatable strings of Awaz's own source, found as `makemessages` finds them, without
GNU gettext.

`make messages` extracts with GNU xgettext; the tests must run where only Python is installed.
So this module repeats the extraction in-process, the same way: it walks the same files (the
Makefile's --ignore patterns and Django's defaults), turns each template into the Python-like
text that `makemessages` feeds to xgettext (Django's own `templatize`), and reads that text and
every .py file with Babel's Python extractor and the keywords `makemessages` gives xgettext.
"""

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from django.core.management.utils import is_ignored_path
from django.utils.translation.template import templatize

from awaz.i18n.catalogs.messages import english, is_translated

# The Makefile's `makemessages --ignore=...` (a test keeps the two the same), then the patterns
# makemessages always adds.
IGNORED: Final = (".venv", "node_modules", "var", "tests")
_ALWAYS_IGNORED: Final = ("CVS", ".*", "*~", "*.pyc")
EXTENSIONS: Final = frozenset({".html", ".txt", ".py"})  # makemessages' default for "django"

# xgettext's Python keywords plus the ones makemessages adds, in Babel's notation: the
# positions of the singular and plural, and (n, "c") for the context.
KEYWORDS: Final[dict[str, tuple[int | tuple[int, str], ...] | None]] = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}

# A message is its English singular and its context (None without one), as gettext looks it up.
Key = tuple[str, str | None]


@dataclass(slots=True)
class Found:
    """A message of the source: its plural (when it has one) and the files it appears in."""

    plural: str | None
    files: set[str] = field(default_factory=set)


def source_files(root: Path, ignored: Iterable[str] = IGNORED) -> Iterator[Path]:
    """The files makemessages reads under `root`, as paths relative to it."""
    patterns = [*ignored, *_ALWAYS_IGNORED]
    for directory, subdirectories, files in os.walk(root):
        here = Path(directory).relative_to(root)
        # Like makemessages: skip ignored directories, and catalogs (`locale`), not sources.
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if name != "locale" and not is_ignored_path(os.path.normpath(here / name), patterns)
        )
        for name in sorted(files):
            path = here / name
            if path.suffix in EXTENSIONS and not is_ignored_path(os.path.normpath(path), patterns):
                yield path


def _python_text(root: Path, path: Path) -> str:
    text = (root / path).read_text(encoding="utf-8")
    if path.suffix == ".py":
        return text
    # templatize keeps the template's indentation, which xgettext ignores and Python's
    # tokenizer refuses; each gettext call it writes stays on one line.
    return "\n".join(line.lstrip() for line in templatize(text, origin=str(path)).splitlines())


def file_messages(root: Path, path: Path) -> Iterator[tuple[Key, str | None]]:
    """Each translatable message in one file, with its plural."""
    fileobj = io.BytesIO(_python_text(root, path).encode("utf-8"))
    for _line, message, _comments, context in extract("python", fileobj, KEYWORDS):
        if isinstance(message, str):
            yield (message, context), None
        else:
            yield (message[0], context), message[1]


def messages_in_source(root: Path, ignored: Iterable[str] = IGNORED) -> dict[Key, Found]:
    """Every translatable message of the source under `root`, as makemessages would list it."""
    found: dict[Key, Found] = {}
    for path in source_files(root, ignored):
        for key, plural in file_messages(root, path):
            found.setdefault(key, Found(plural)).files.add(path.as_posix())
    return found


@dataclass(frozen=True, slots=True)
class Gaps:
    """What a catalog lacks against the source, each message named by its English text."""

    missing: list[str]  # in the source, not in the catalog (or with another plural)
    untranslated: list[str]
    fuzzy: list[str]
    stale: list[str]  # in the catalog, no longer in the source

    def __bool__(self) -> bool:
        return bool(self.missing or self.untranslated or self.fuzzy or self.stale)


def _shown(key: Key, found: Found | None = None) -> str:
    english_text, context = key
    shown = repr(english_text)
    if context is not None:
        shown += f" (context {context!r})"
    if found is not None:
        shown += f"  [{', '.join(sorted(found.files))}]"
    return shown


def gaps(catalog: Catalog, source: dict[Key, Found]) -> Gaps:
    """How `catalog` falls short of `source`."""
    in_catalog = {(english(message), message.context): message for message in catalog if message.id}
    missing, untranslated, fuzzy = [], [], []
    for key, found in sorted(source.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        message = in_catalog.get(key)
        plural = None if message is None or isinstance(message.id, str) else message.id[1]
        if message is None or plural != found.plural:
            missing.append(_shown(key, found))
        elif not is_translated(message):
            untranslated.append(_shown(key, found))
        elif message.fuzzy:
            fuzzy.append(_shown(key, found))
    stale = [_shown(key) for key in sorted(in_catalog, key=str) if key not in source]
    return Gaps(missing, untranslated, fuzzy, stale)
