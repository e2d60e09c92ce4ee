"""Mixed text: what passes through unchanged, and foreign words inside Latin text."""

import pytest

from awaz.scripts import SCRIPTS, convert

UYGHUR = {"ug": "ئۇيغۇر", "ug-latn": "uyghur", "ug-cyrl": "уйғур"}
PAIRS = [(source, target) for source in SCRIPTS for target in SCRIPTS if source != target]


@pytest.mark.parametrize(("source", "target"), PAIRS)
@pytest.mark.parametrize(
    "kept",
    [
        "https://example.org/petition?id=42&lang=ug",
        "www.uyghurcongress.org/en",
        "info+petition@example.org",
        "@UyghurCongress",
        "#FreeUyghurs",
        "#ئۇيغۇر",
        "2024",
        "1,250,000.50",
        "14:30",
        "&amp;",
        "&#x1F1FA;",
        "`code`",
        "<strong>",
        "中华人民共和国",
        "\U0001f1fa\U0001f1f3",
    ],
)
def test_protected_runs_pass_through_unchanged(source: str, target: str, kept: str) -> None:
    word = UYGHUR[source]
    output = convert(f"{word} {kept} {word}", source=source, target=target)
    assert f" {kept} " in output


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_markdown_link_converts_its_text_and_keeps_its_url(source: str, target: str) -> None:
    word = UYGHUR[source]
    output = convert(f'[{word}](https://x.org/{word} "{word}")', source=source, target=target)
    assert output.startswith("[")
    assert output.endswith(f'](https://x.org/{word} "{word}")')
    assert UYGHUR[source] not in output[: output.index("]")]


def test_markdown_emphasis_headings_lists_and_code_pass_through() -> None:
    text = "# ئۇيغۇر\n\n- **مائارىپ** ۋە _تىل_\n1. `ئۇيغۇر` كود\n\n```\nئۇيغۇر\n```\n> ياخشى"
    assert convert(text, source="ug", target="ug-latn") == (
        "# Uyghur\n\n- **Ma'arip** we _til_\n1. `ئۇيغۇر` kod\n\n```\nئۇيغۇر\n```\n> Yaxshi"
    )


def test_reference_link_definition_is_kept() -> None:
    text = "[ئۇيغۇر][1]\n\n[1]: https://example.org/ئۇيغۇر"
    assert convert(text, source="ug", target="ug-latn") == (
        "[Uyghur][1]\n\n[1]: https://example.org/ئۇيغۇر"
    )


def test_html_tags_keep_their_attributes() -> None:
    text = '<a href="/ug/ئۇيغۇر" title="x">ئۇيغۇر</a>'
    assert (
        convert(text, source="ug", target="ug-latn") == '<a href="/ug/ئۇيغۇر" title="x">Uyghur</a>'
    )


def test_english_words_inside_arabic_script_text_pass_through() -> None:
    text = "ئۇ Human Rights Watch ۋە Amnesty International غا خەت يازدى."
    assert convert(text, source="ug", target="ug-latn") == (
        "U Human Rights Watch we Amnesty International gha xet yazdi."
    )


def test_russian_inside_latin_text_and_latin_inside_cyrillic_text_pass_through() -> None:
    assert convert("bu Россия dep atilidu", source="ug-latn", target="ug") == (
        "بۇ Россия دەپ ئاتىلىدۇ"
    )
    assert convert("бу Google", source="ug-cyrl", target="ug-latn") == "Bu Google"


def test_suffix_after_a_number_converts_in_all_directions() -> None:
    assert convert("2024-يىلى", source="ug", target="ug-latn") == "2024-yili"
    assert convert("2024-يىلى", source="ug", target="ug-cyrl") == "2024-йили"
    assert convert("2024-yili", source="ug-latn", target="ug") == "2024-يىلى"
    assert convert("2024-йили", source="ug-cyrl", target="ug") == "2024-يىلى"


def test_wrapped_foreign_run_of_the_standard_is_kept_without_its_markers() -> None:
    # [3690] §6.8.1 wraps a foreign run in ZWSP ... U+FEFF.
    assert convert("\u200bbeijing\ufeff shehiri", source="ug-latn", target="ug") == "beijing شەھىرى"


@pytest.mark.parametrize(
    "word",
    [
        "Google",
        "facebook",
        "Twitter",
        "YouTube",
        "BBC",
        "CNN",
        "Amnesty",
        "iPhone",
        "Reuters",
        "COVID",  # c not followed by h
        "Vienna",  # v is not ULY
        "çok",
        "Erdoğan",
        "the",
        "G20",
        "mp3",
        "WTO",
        "XXI",
        "philosophy",
        "book",
    ],
)
def test_foreign_words_in_latin_text_are_not_transliterated(word: str) -> None:
    output = convert(f"bu {word} arqiliq", source="ug-latn", target="ug")
    assert output == f"بۇ {word} ئارقىلىق"


def test_human_rights_watch_is_kept_as_one_foreign_phrase() -> None:
    assert convert("Human Rights Watch we Hong Kong", source="ug-latn", target="ug") == (
        "Human Rights Watch ۋە Hong Kong"
    )
