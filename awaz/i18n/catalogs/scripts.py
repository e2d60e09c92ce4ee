"""The Latin and Cyrillic Uyghur catalogs, generated from every Arabic-script (`ug`) catalog.

gettext falls back from `ug_Latn` to `ug`, so any message missing from our `ug_Latn` catalog
would appear in Arabic script on a Latin page. The generated catalogs therefore hold every
translated message of our own `ug` catalog and of Django's and each installed app's, converted
by `awaz.scripts`, and they sit in LOCALE_PATHS, which take precedence over all of those.
Where two catalogs translate one message, the one Django itself would use wins: ours, then the
apps in INSTALLED_APPS order, then Django's core.
"""

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import django
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from django.apps import apps
from django.conf import settings

from awaz.i18n.catalogs import placeholders
from awaz.i18n.catalogs.messages import english, is_translated, strings
from awaz.scripts import CyrillicSpelling, convert

SOURCE: Final = "ug"
# The interface in Cyrillic Uyghur is read mostly in Kazakhstan and Kyrgyzstan: it is spelled as
# Kazakhstan writes it (қазақстан, жил), like the petitions' Cyrillic versions by default
# (issue 16). The standard's spelling (DB65/T 3691) stays a choice for a petition's text.
CYRILLIC_SPELLING: Final = CyrillicSpelling.KAZAKHSTAN
# Django's code for each generated script -> its catalog directory (django's to_locale).
TARGETS: Final = {"ug-latn": "ug_Latn", "ug-cyrl": "ug_Cyrl"}
DOMAINS: Final = ("django", "djangojs")

# English capitalises month and day names; Uyghur does not (18-iyun, düshenbe).
_DATE_CONTEXTS: Final = frozenset({"abbrev. month", "alt. month"})
_DATE_NAMES: Final = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
)
_LETTER: Final = re.compile(r"[^\W\d_]")
_HEADER: Final = """\
Uyghur in {script} script, GENERATED from the Arabic-script (ug) catalogs of Awaz, Django and
the installed apps by `manage.py generate_script_catalogs` (`make messages`). Do not edit:
correct locale/ug/LC_MESSAGES/{domain}.po or the converter (awaz/scripts), then run
`make messages` again."""
_SCRIPT_NAMES: Final = {"ug-latn": "Latin", "ug-cyrl": "Cyrillic"}


@dataclass(frozen=True, slots=True)
class Source:
    """One directory of catalogs and the name it goes by in the generated comments."""

    label: str
    locale_dir: Path


@dataclass(frozen=True, slots=True)
class Generated:
    script: str
    domain: str
    path: Path
    messages: int
    changed: bool


def sources() -> list[Source]:
    """Every catalog directory Django reads, highest precedence first."""
    found = [Source("awaz", Path(path)) for path in settings.LOCALE_PATHS]
    found += [Source(app.name, Path(app.path) / "locale") for app in apps.get_app_configs()]
    found.append(Source("django", Path(django.__file__).parent / "conf" / "locale"))
    return found


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=SOURCE)


def source_messages(domain: str, among: Iterable[Source]) -> Iterator[tuple[Source, Message]]:
    """Each translated `ug` message of `domain` once, from the catalog Django would take it from."""
    seen: set[tuple[object, str | None]] = set()
    for source in among:
        path = source.locale_dir / SOURCE / "LC_MESSAGES" / f"{domain}.po"
        if not path.is_file():
            continue
        for message in _read(path):
            key = (message.id, message.context)
            if not message.id or message.fuzzy or key in seen or not is_translated(message):
                continue
            seen.add(key)
            yield source, message


def convert_message_text(text: str, *, script: str, english: str, lowercase: bool) -> str:
    """`text` (Arabic script) in `script`, its placeholders and markup untouched.

    The converter capitalises the start of a text; a message whose English starts in lower case
    (a fragment, "and") or that names a month or a day is given a small first letter instead.
    """
    converted = convert(text, source=SOURCE, target=script, cyrillic_spelling=CYRILLIC_SPELLING)
    if placeholders.placeholders(converted) != placeholders.placeholders(text):
        # Never expected, but a placeholder must survive whatever the converter does.
        parts = placeholders.split(text)
        converted = "".join(
            part
            if index % 2
            else convert(part, source=SOURCE, target=script, cyrillic_spelling=CYRILLIC_SPELLING)
            for index, part in enumerate(parts)
        )
    converted = _strip_invisible(converted)
    if lowercase or _starts_lower(english):
        converted = _lower_first_letter(converted)
    return converted


def _strip_invisible(text: str) -> str:
    # Zero-width spaces and BOMs sometimes left in Django's ug catalogs; never wanted on the web.
    return text.replace("\u200b", "").replace("\ufeff", "")


def _outside_placeholders(text: str) -> str:
    return "".join(placeholders.split(text)[::2])


def _starts_lower(english: str) -> bool:
    letter = _LETTER.search(_outside_placeholders(english))
    return letter is not None and letter.group().islower()


def _lower_first_letter(text: str) -> str:
    position = 0
    for index, part in enumerate(placeholders.split(text)):
        if index % 2 == 0 and (letter := _LETTER.search(part)):
            start = position + letter.start()
            return text[:start] + text[start].lower() + text[start + 1 :]
        position += len(part)
    return text


def _is_date_name(message: Message) -> bool:
    return message.context in _DATE_CONTEXTS or english(message) in _DATE_NAMES


def convert_message(message: Message, script: str, origin: str) -> Message:
    """`message` with its translation in `script`; `origin` names the catalog it came from."""
    lowercase = _is_date_name(message)
    converted = tuple(
        convert_message_text(text, script=script, english=english(message), lowercase=lowercase)
        for text in strings(message)
    )
    return Message(
        message.id,
        converted if isinstance(message.id, (tuple, list)) else converted[0],
        auto_comments=[origin],
        flags=message.flags - {"fuzzy"},
        context=message.context,
    )


def script_catalog(script: str, domain: str, among: Iterable[Source]) -> Catalog:
    """The catalog of `domain` in `script`, converted from every `ug` catalog in `among`."""
    catalog = Catalog(
        locale=TARGETS[script],
        domain=domain,
        header_comment=_header(script, domain),
        project="Awaz",
        version="(generated)",
        msgid_bugs_address="",
        last_translator="awaz.scripts",
        language_team="",
        fuzzy=False,
    )
    for source, message in source_messages(domain, among):
        catalog[message.id] = convert_message(message, script, source.label)
    return catalog


def _header(script: str, domain: str) -> str:
    text = _HEADER.format(script=_SCRIPT_NAMES[script], domain=domain)
    return "\n".join(f"# {line}" for line in text.splitlines())


def render(catalog: Catalog) -> bytes:
    """The .po text, the same bytes for the same messages (no dates, messages sorted)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False)
    lines = buffer.getvalue().splitlines(keepends=True)
    volatile = (b'"POT-Creation-Date:', b'"PO-Revision-Date:', b'"Generated-By:')
    return b"".join(line for line in lines if not line.startswith(volatile))


def generate(
    locale_dir: Path, among: Iterable[Source] | None = None, *, write: bool = True
) -> list[Generated]:
    """Write ug_Latn and ug_Cyrl catalogs for every domain that has a `ug` catalog (or, with
    `write=False`, only tell which would change)."""
    chosen = list(sources() if among is None else among)
    results = []
    for domain in DOMAINS:
        for script, directory in TARGETS.items():
            catalog = script_catalog(script, domain, chosen)
            if not len(catalog):
                continue
            path = locale_dir / directory / "LC_MESSAGES" / f"{domain}.po"
            content = render(catalog)
            changed = not path.is_file() or path.read_bytes() != content
            if changed and write:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
            results.append(Generated(script, domain, path, len(catalog), changed))
    return results
