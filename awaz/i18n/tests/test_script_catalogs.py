"""The Latin and Cyrillic Uyghur catalogs generated from every Arabic-script one."""

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po
from django.conf import settings

from awaz.i18n.catalogs import placeholders, scripts
from awaz.i18n.catalogs.messages import strings

LOCALE = Path(settings.LOCALE_PATHS[0])
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
GENERATED = [
    LOCALE / directory / "LC_MESSAGES" / f"{domain}.po"
    for directory in scripts.TARGETS.values()
    for domain in scripts.DOMAINS
]


def read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("script", ["ug-latn", "ug-cyrl"])
@pytest.mark.parametrize(
    "text",
    [
        "%(count)s ئىمزا",
        "%(count)sنى %(name)sگە ئۆزگەرتىش",
        "ھەممە%(total_count)sتاللاندى",
        "%s نى ئۆچۈر",
        "%d ھەرپ، %.2f %%",
        "{name} «{object}» قوشۇلدى",
        "{} ۋە {0} ۋە {value:,}",
        '<a href="%(url)s">ئۇلانما</a> ۋە <strong>%(number)s</strong> كىشى',
        "ئىسىم &amp; فامىلە &#1234;",
        "«%(title)s» ناملىق ئىلتىماس",
        "%(SITE_NAME)s باشقا تور بېكەتكە تەلەپ يوللىمايدۇ.",
    ],
)
def test_placeholders_and_markup_survive_conversion_untouched(text, script):
    converted = scripts.convert_message_text(text, script=script, english="", lowercase=False)
    assert placeholders.placeholders(converted) == placeholders.placeholders(text)
    assert not ARABIC_SCRIPT.search(converted)


@pytest.mark.parametrize(
    ("english", "context", "expected"),
    [
        ("June", None, "iyun"),  # a month's name is written in lower case: 18-iyun 2019
        ("June", "alt. month", "iyun"),
        ("Monday", None, "düshenbe"),
        ("and", None, "we"),  # a fragment inside a sentence
        ("Save", None, "Saqla"),  # a label keeps the capital the converter gives it
    ],
)
def test_a_message_starts_in_lower_case_where_uyghur_writes_it_so(english, context, expected):
    source = {"June": "ئىيۇن", "Monday": "دۈشەنبە", "and": "ۋە", "Save": "ساقلا"}[english]
    message = Message(english, source, context=context)
    assert scripts.convert_message(message, "ug-latn", "django").string == expected


def test_our_catalog_wins_over_djangos_where_both_translate_a_message():
    catalog = read(LOCALE / "ug_Latn" / "LC_MESSAGES" / "django.po")
    # Django's own ug says "This district is required" (رايون); ours corrects it.
    assert catalog.get("This field is required.").string == "Bu bölekni toldurush zörür."
    assert catalog.get("This field is required.").auto_comments == ["awaz"]


def test_every_translated_uyghur_message_of_every_installed_app_is_generated():
    for domain in scripts.DOMAINS:
        expected = {
            (message.id, message.context)
            for _source, message in scripts.source_messages(domain, scripts.sources())
        }
        for directory in scripts.TARGETS.values():
            catalog = read(LOCALE / directory / "LC_MESSAGES" / f"{domain}.po")
            generated = {(message.id, message.context) for message in catalog if message.id}
            assert expected <= generated, (directory, domain, sorted(expected - generated)[:5])


def test_the_generated_catalogs_are_up_to_date_with_the_uyghur_ones():
    stale = [result.path for result in scripts.generate(LOCALE, write=False) if result.changed]
    assert stale == [], "run `make messages` after changing locale/ug or the converter"


@pytest.mark.parametrize("path", GENERATED, ids=lambda path: f"{path.parts[-3]}/{path.name}")
def test_the_latin_and_cyrillic_catalogs_hold_no_arabic_script(path):
    arabic = [
        (message.id, text)
        for message in read(path)
        for text in strings(message)
        if ARABIC_SCRIPT.search(text)
    ]
    assert arabic == []
    assert not ARABIC_SCRIPT.search(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", GENERATED, ids=lambda path: f"{path.parts[-3]}/{path.name}")
def test_the_generated_catalogs_keep_every_placeholder_of_the_english(path):
    for message in read(path):
        if not message.id or "python-format" not in message.flags:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        allowed = set().union(*(placeholders.placeholders(text) for text in ids))
        for text in strings(message):
            assert set(placeholders.placeholders(text)) <= allowed, (message.id, text)


def test_a_generated_catalog_is_the_same_bytes_when_nothing_changed(tmp_path):
    first = scripts.generate(tmp_path)
    second = scripts.generate(tmp_path)
    assert all(result.changed for result in first)
    assert not any(result.changed for result in second)
    assert b"POT-Creation-Date" not in first[0].path.read_bytes()
