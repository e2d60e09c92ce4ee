"""Refused input, junk input, and inputs that would make a careless regex hang."""

import pytest

from awaz.scripts import SCRIPTS, ConversionError, UnknownScriptError, convert
from awaz.scripts.errors import MAX_INPUT_CHARS

PAIRS = [(source, target) for source in SCRIPTS for target in SCRIPTS]


def test_unknown_script_code_raises_unknown_script_error() -> None:
    with pytest.raises(UnknownScriptError, match="unknown script 'ug-arab'"):
        convert("x", source="ug-arab", target="ug")
    with pytest.raises(ValueError, match="expected one of ug, ug-latn, ug-cyrl"):
        convert("x", source="ug", target="uig")


def test_input_over_the_limit_is_refused_at_once() -> None:
    with pytest.raises(ConversionError, match="limit is 1,000,000"):
        convert("ا" * (MAX_INPUT_CHARS + 1), source="ug", target="ug-latn")


def test_input_at_the_limit_converts() -> None:
    text = ("ئۇيغۇر " * (MAX_INPUT_CHARS // 7))[:MAX_INPUT_CHARS]
    assert convert(text, source="ug", target="ug-latn").startswith("Uyghur uyghur")


def test_lone_surrogate_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ConversionError, match=r"lone surrogate U\+D800 at index 3"):
        convert("abc\ud800", source="ug-latn", target="ug")


def test_non_string_input_is_refused() -> None:
    with pytest.raises(ConversionError, match="must be a str, not bytes"):
        convert(b"abc", source="ug-latn", target="ug")  # type: ignore[arg-type]


def test_conversion_errors_are_value_errors() -> None:
    assert issubclass(ConversionError, ValueError)
    assert issubclass(UnknownScriptError, ValueError)


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_binary_junk_converts_without_losing_control_characters(source: str, target: str) -> None:
    junk = bytes(range(256)).decode("latin-1") + "\x00\x07\x1b[0m\ufffd\U0010ffff"
    output = convert(junk, source=source, target=target)
    assert "\x00\x07\x1b[0m\ufffd\U0010ffff" in output


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_empty_text_converts_to_empty_text(source: str, target: str) -> None:
    assert convert("", source=source, target=target) == ""


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000 + "@",
        "a." * 100_000,
        "a-" * 100_000 + ".org",
        "https://" + "a." * 100_000,
        "`" * 100_000,
        "`a" * 100_000,
        "<b" * 100_000,
        "&" * 100_000,
        "#" * 100_000,
        "](" * 100_000,
        "[" * 100_000,
        "```\n" * 50_000,
        "~~~x\n" * 50_000,
        "\u200b" * 100_000,
        "ئ" * 200_000,
        "'" * 200_000,
        "a'" * 100_000,
        "\n" * 200_000,
        ". " * 100_000,
        "«" * 100_000,
        "ng" * 100_000,
        "ш" * 200_000,
    ],
)
def test_pathological_input_converts_in_linear_time(text: str) -> None:
    # No timing assertion: a super-linear pattern would make this test run for hours.
    for source, target in (("ug", "ug-latn"), ("ug-latn", "ug"), ("ug-cyrl", "ug-latn")):
        assert isinstance(convert(text, source=source, target=target), str)
