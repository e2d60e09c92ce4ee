import pytest
from django.utils import translation
from django.utils.translation import get_language_bidi, get_language_info


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
