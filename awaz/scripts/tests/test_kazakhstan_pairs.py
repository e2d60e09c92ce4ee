"""Kazakhstan-style Cyrillic (data/kazakhstan_pairs.csv), measured in both directions.

Each row pairs a word form printed in Kazakhstan's own Uyghur Cyrillic (Uyghur Avazi, the
Almaty Uyghur Theatre) with the Arabic-script spelling of the same word form printed elsewhere
(RFA's Arabic edition, other Arabic-script pages, or a form already in words.csv): see
data/README.md for how the rows were paired. Unlike words.csv, rows the converter gets wrong
are kept, so the share of words right is a measurement, not a tautology.
"""

import csv
from pathlib import Path

import pytest

from awaz.scripts import convert

DATA = Path(__file__).parent / "data"
# The share of words right today in each direction; the rows below the bar are Kazakhstan
# spellings of native words that differ from the Arabic-script norm (data/README.md).
FLOOR = {"ug -> ug-cyrl": 0.90, "ug-cyrl -> ug": 0.91}


def _records(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


PAIRS = _records("kazakhstan_pairs.csv")


def wrong(direction: str) -> list[tuple[str, str, str]]:
    """The pairs converted wrongly in ``direction``: (UEY, expected, output)."""
    wrong = []
    for pair in PAIRS:
        if direction == "ug -> ug-cyrl":
            output = convert(pair["ug"], source="ug", target="ug-cyrl").lower()
            expected = pair["ug_cyrl"]
        else:
            output, expected = convert(pair["ug_cyrl"], source="ug-cyrl", target="ug"), pair["ug"]
        if output != expected:
            wrong.append((pair["ug"], expected, output))
    return wrong


def test_pairs_are_over_a_hundred_with_known_sources_on_both_sides() -> None:
    sources = {record["id"] for record in _records("sources.csv")}
    assert len(PAIRS) >= 200
    assert len({pair["ug_cyrl"] for pair in PAIRS}) == len(PAIRS)
    for pair in PAIRS:
        assert {pair["ug_source"], pair["cyrl_source"]} <= sources, pair
        assert pair["cyrl_source"].startswith(("uyguravazi-", "uyghurtheatre-")), pair


def test_arabic_to_kazakhstan_cyrillic_share_of_words_right() -> None:
    misses = wrong("ug -> ug-cyrl")
    assert 1 - len(misses) / len(PAIRS) >= FLOOR["ug -> ug-cyrl"], misses


def test_kazakhstan_cyrillic_to_arabic_share_of_words_right() -> None:
    misses = wrong("ug-cyrl -> ug")
    assert 1 - len(misses) / len(PAIRS) >= FLOOR["ug-cyrl -> ug"], misses


KAZAKHSTAN_SPELLINGS = [
    ("факультетиниң ансамбльлириниң", "فاكۇلتېتىنىڭ ئانسامبىللىرىنىڭ"),
    ("жиллиқ жиғини жигит журнал", "يىللىق يىغىنى يىگىت ژۇرنال"),
]


@pytest.mark.parametrize(("kazakhstan", "arabic"), KAZAKHSTAN_SPELLINGS)
def test_kazakhstan_soft_sign_loans_and_initial_zhi_are_read(kazakhstan: str, arabic: str) -> None:
    assert convert(kazakhstan, source="ug-cyrl", target="ug") == arabic


def test_loans_with_a_soft_sign_are_written_with_it() -> None:
    assert convert("فاكۇلتېتىنىڭ ئانسامبىل", source="ug", target="ug-cyrl") == (
        "Факультетиниң ансамбль"
    )
    assert convert("жиллиқ", source="ug-cyrl", target="ug-latn") == "Yilliq"
