import pytest

from awaz.i18n.catalogs.placeholders import placeholders, split


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("%(count)s signatures", ["%(count)s"]),
        ("%(limit_value)d of %(show_value)d", ["%(limit_value)d", "%(show_value)d"]),
        ("Add %s", ["%s"]),
        ("%d%% done, %.2f left", ["%d", "%%", "%.2f"]),
        ("{name} “{object}”", ["{name}", "{object}"]),
        ("Item {} of {0}: {value:,}", ["{}", "{0}", "{value:,}"]),
        ('<a href="%(url)s">here</a>', ['<a href="%(url)s">', "</a>"]),
        ("<strong>1</strong> &amp; &#1234;", ["<strong>", "</strong>", "&amp;", "&#1234;"]),
    ],
)
def test_placeholders_tags_and_entities_are_found(text, found):
    assert placeholders(text) == found


@pytest.mark.parametrize(
    "text", ["as “Someone from <country>”", "100% sure", "50 % of us", "a < b > c", "{ spaced }"]
)
def test_ordinary_words_and_signs_are_not_placeholders(text):
    assert placeholders(text) == []


def test_split_alternates_text_and_placeholders():
    assert split("%(n)s people <b>signed</b>") == [
        "",
        "%(n)s",
        " people ",
        "<b>",
        "signed",
        "</b>",
        "",
    ]
