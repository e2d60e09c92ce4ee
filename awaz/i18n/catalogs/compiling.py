""".po catalogs compiled to .mo in pure Python (Babel), so nobody needs GNU gettext's msgfmt.

The .mo files are build output, not kept in git: `make run`, every test session and
`manage.py compile_catalogs` compile the ones that are missing or older than their .po.
"""

import io
import os
from collections.abc import Iterable
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from awaz.i18n.catalogs.messages import english, is_translated


def catalog_paths(locale_dirs: Iterable[Path]) -> list[Path]:
    """Every .po catalog under `locale_dirs` (<language>/LC_MESSAGES/<domain>.po)."""
    return sorted(
        path for locale_dir in locale_dirs for path in locale_dir.glob("*/LC_MESSAGES/*.po")
    )


def is_stale(po: Path) -> bool:
    mo = po.with_suffix(".mo")
    return not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime


def compiled(po: Path) -> bytes:
    """The .mo bytes of `po`: translated messages only, no fuzzy ones, its own plural rule."""
    language = po.parent.parent.name
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    if catalog.locale is None:  # an empty Language header; without a locale no Plural-Forms
        catalog.locale = language
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_catalog(po: Path) -> Path:
    """Write `po`'s .mo beside it, atomically: a test run may read it at the same moment."""
    mo = po.with_suffix(".mo")
    partial = mo.with_name(f".{mo.name}.{os.getpid()}.partial")
    partial.write_bytes(compiled(po))
    partial.replace(mo)
    return mo


def compile_catalogs(locale_dirs: Iterable[Path], *, only_stale: bool = True) -> list[Path]:
    """Compile every catalog under `locale_dirs` (only the stale ones, by default)."""
    return [
        compile_catalog(po) for po in catalog_paths(locale_dirs) if not only_stale or is_stale(po)
    ]


def untranslated(po: Path) -> tuple[int, list[str], list[str]]:
    """How many messages `po` has, and the ones still untranslated and still fuzzy."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    found = [message for message in catalog if message.id]
    empty = [english(message) for message in found if not is_translated(message)]
    fuzzy = [english(message) for message in found if is_translated(message) and message.fuzzy]
    return len(found), empty, fuzzy
