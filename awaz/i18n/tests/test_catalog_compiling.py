"""Catalogs compiled in pure Python: what gettext reads back, and when they are recompiled."""

import gettext
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from awaz.i18n.catalogs import compiling
from awaz.i18n.catalogs.checks import catalogs_are_compiled

LOCALE = Path(settings.LOCALE_PATHS[0])
SIGNED = ("<strong>%(number)s</strong> has signed.", "<strong>%(number)s</strong> have signed.")


@pytest.fixture
def locale_copy(tmp_path):
    for language in ("ru", "zh_Hans", "ug_Latn"):
        shutil.copytree(LOCALE / language, tmp_path / language)
    for mo in tmp_path.glob("*/LC_MESSAGES/*.mo"):
        mo.unlink()
    return tmp_path


def translation(locale_dir: Path, language: str) -> gettext.GNUTranslations:
    return gettext.translation("django", str(locale_dir), languages=[language])


def test_a_compiled_catalog_chooses_russian_plural_forms_as_django_does(locale_copy):
    compiling.compile_catalogs([locale_copy])
    russian = translation(locale_copy, "ru")
    forms = {count: russian.ngettext(*SIGNED, count) % {"number": count} for count in (1, 3, 5, 21)}
    assert forms == {
        1: "Подписал <strong>1</strong> человек.",
        3: "Подписали <strong>3</strong> человека.",
        5: "Подписали <strong>5</strong> человек.",
        21: "Подписал <strong>21</strong> человек.",
    }


def test_a_language_without_plurals_has_one_form(locale_copy):
    compiling.compile_catalogs([locale_copy])
    chinese = translation(locale_copy, "zh_Hans")
    assert chinese.ngettext(*SIGNED, 1) == chinese.ngettext(*SIGNED, 7)


def test_fuzzy_and_untranslated_messages_are_left_out(tmp_path):
    po = tmp_path / "ru" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
        '#, fuzzy\nmsgid "Sign"\nmsgstr "Подписать?"\n\n'
        'msgid "Thank you"\nmsgstr ""\n\n'
        'msgid "Language"\nmsgstr "Язык"\n',
        encoding="utf-8",
    )
    compiling.compile_catalogs([tmp_path])
    russian = translation(tmp_path, "ru")
    assert (russian.gettext("Sign"), russian.gettext("Thank you")) == ("Sign", "Thank you")
    assert russian.gettext("Language") == "Язык"


def test_only_missing_or_outdated_catalogs_are_compiled_again(locale_copy):
    first = compiling.compile_catalogs([locale_copy])
    assert len(first) == len(compiling.catalog_paths([locale_copy]))
    assert compiling.compile_catalogs([locale_copy]) == []
    po = locale_copy / "ru" / "LC_MESSAGES" / "django.po"
    later = po.with_suffix(".mo").stat().st_mtime + 10
    os.utime(po, (later, later))
    assert compiling.compile_catalogs([locale_copy]) == [po.with_suffix(".mo")]
    assert list(locale_copy.glob("*/LC_MESSAGES/.*.partial")) == []


def test_the_system_check_warns_when_a_catalog_is_not_compiled(locale_copy, settings):
    settings.LOCALE_PATHS = [locale_copy]
    assert [warning.id for warning in catalogs_are_compiled()] == ["awaz.W001"]
    call_command("compile_catalogs", verbosity=0)
    assert catalogs_are_compiled() == []
