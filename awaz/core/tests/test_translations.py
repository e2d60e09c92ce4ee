"""The catalogs we translate by hand: complete, true to their placeholders, in the right letters."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from awaz.core.catalogs.placeholders import placeholders

LOCALE = Path(settings.LOCALE_PATHS[0])
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


@pytest.mark.parametrize("language", HAND_TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    found, _catalog = messages(language)
    untranslated = [message.id for message in found if not all(as_tuple(message.string))]
    fuzzy = [message.id for message in found if message.fuzzy]
    assert untranslated == [], f"run `make messages` and translate these in {language}"
    assert fuzzy == [], f"check these in {language}, then remove the fuzzy flag"


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
