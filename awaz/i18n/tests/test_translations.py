"""The catalogs we translate by hand: complete, true to their placeholders, in the right letters."""

import re
import shlex
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from awaz.i18n.catalogs import sources
from awaz.i18n.catalogs.placeholders import placeholders

LOCALE = Path(settings.LOCALE_PATHS[0])
ROOT = Path(settings.BASE_DIR)
HAND_TRANSLATED = ["ug", "kk", "ru", "tr", "zh_Hans"]
# The 32 letters of Uyghur in Arabic script, the hamza, and Uyghur punctuation. Look-alikes
# typed on Arabic or Persian keyboards (ه ی ک ة ي‎ with dots below, harakat) are mistakes.
UYGHUR_ARABIC = set("ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە،؛؟")
ARABIC_BLOCK = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def messages(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalog = read_po(handle)
    return [message for message in catalog if message.id], catalog


def as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


@cache
def in_source() -> dict[sources.Key, sources.Found]:
    """Every translatable string of the source, read from the files themselves (about 0.2 s)."""
    return sources.messages_in_source(ROOT)


def _section(title: str, lines: list[str]) -> str:
    return f"\n{title} ({len(lines)}):\n" + "\n".join(f"    {line}" for line in lines)


@pytest.mark.parametrize("language", HAND_TRANSLATED)
def test_every_string_of_the_source_is_translated_in_the_catalog(language):
    """Not only the catalog's own messages: a string added to a template or to the code fails
    here until `make messages` has put it into every catalog and someone has translated it."""
    _found, catalog = messages(language)
    gaps = sources.gaps(catalog, in_source())
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    report = f"{path.relative_to(ROOT)} is not up to date with the source."
    if gaps.missing:
        report += _section(
            "Not in the catalog yet: run `make messages`, then translate", gaps.missing
        )
    if gaps.untranslated:
        report += _section(
            "Not translated: translate them (README, Translations)", gaps.untranslated
        )
    if gaps.fuzzy:
        report += _section(
            "Fuzzy (guessed by `make messages` from a similar string): check the translation, "
            "then delete the `#, fuzzy` line",
            gaps.fuzzy,
        )
    if gaps.stale:
        report += _section("No longer in the source: `make messages` removes them", gaps.stale)
    report += (
        "\nTo fix: `make messages` (extracts the strings into all five catalogs), translate what "
        f"it lists in locale/{{{','.join(HAND_TRANSLATED)}}}/LC_MESSAGES/django.po, then "
        "`make messages` again (regenerates the Latin and Cyrillic Uyghur catalogs)."
    )
    assert not gaps, report


def test_the_extraction_in_the_tests_ignores_what_make_messages_ignores():
    makefile = (ROOT / "Makefile").read_text()
    command = re.search(r"makemessages(?:\\\n|[^\n])*", makefile)
    assert command, "the Makefile no longer runs makemessages"
    words = shlex.split(command.group().replace("\\\n", " "))
    ignored = [word.removeprefix("--ignore=") for word in words if word.startswith("--ignore=")]
    assert sorted(ignored) == sorted(sources.IGNORED)


@pytest.mark.parametrize("language", HAND_TRANSLATED)
def test_each_catalog_has_djangos_plural_rule_for_its_language(language):
    found, catalog = messages(language)
    assert catalog.locale_identifier == language
    for message in found:
        if isinstance(message.id, tuple):
            assert len(message.string) == catalog.num_plurals, message.id


@pytest.mark.parametrize("language", HAND_TRANSLATED)
def test_translations_keep_every_placeholder_and_tag_of_the_english(language):
    found, _catalog = messages(language)
    for message in found:
        english = as_tuple(message.id)
        expected = sorted(placeholders(english[-1]))
        for translated in as_tuple(message.string):
            assert sorted(placeholders(translated)) == expected, (message.id, translated)


def test_uyghur_is_written_with_uyghur_letters_not_arabic_or_persian_look_alikes():
    found, _catalog = messages("ug")
    for message in found:
        for translated in as_tuple(message.string):
            letters = set("".join(ARABIC_BLOCK.findall(translated)))
            assert letters <= UYGHUR_ARABIC, (message.id, sorted(letters - UYGHUR_ARABIC))
            # Every word that starts with a vowel carries the hamza: ئا ئە ئو ئۇ ئۆ ئۈ ئې ئى.
            bare = re.findall(r"(?<![\u0600-\u06ff])[اەوۇۆۈېى][\u0600-\u06ff]*", translated)
            assert bare == [], (message.id, bare)
