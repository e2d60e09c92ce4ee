import pytest
from django.utils import translation
from django.utils.translation import get_language_bidi, get_language_info

from awaz.i18n import direction


@pytest.mark.parametrize(
    ("code", "rtl"),
    [("ug", True), ("ug-latn", False), ("ug-cyrl", False), ("en", False), ("kk", False)],
)
def test_direction_is_decided_by_the_whole_language_code(code, rtl):
    with translation.override(code):
        assert get_language_bidi() is rtl


def test_latin_and_cyrillic_uyghur_have_their_own_names():
    assert get_language_info("ug-latn")["name_local"] == "Uyghurche (Latin)"
    assert get_language_info("ug-cyrl")["bidi"] is False


def test_django_still_judges_direction_by_the_code_before_its_hyphen():
    # The day this fails, Django reads the whole code: awaz.i18n.direction's patch can go.
    with translation.override("ug-latn"):
        assert direction.DJANGO_GET_LANGUAGE_BIDI() is True, (
            "Django's get_language_bidi() no longer makes ug-latn right to left: "
            "remove the patch of it in awaz/i18n/direction.py"
        )


def test_django_still_lacks_latin_and_cyrillic_uyghur_in_its_language_table():
    # The day this fails, Django names them itself: check its entries, then drop ours.
    assert {"ug-latn", "ug-cyrl"} == direction.ADDED_TO_LANG_INFO
