"""Kazakhstan-style Cyrillic (data/kazakhstan_pairs.csv), measured in both directions.

Each row pairs a word form printed in Kazakhstan's own Uyghur Cyrillic (Uyghur Avazi, the
Almaty Uyghur Theatre) with the Arabic-script spelling of the same word form printed elsewhere
(RFA's Arabic edition, other Arabic-script pages, or a form already in words.csv): see
data/README.md for how the rows were paired. Unlike words.csv, rows the converter gets wrong
are kept, so the share of words right is a measurement, not a tautology.
"""

import csv
from pathlib import Path
from typing import NamedTuple

from awaz.scripts import convert

DATA = Path(__file__).parent / "data"
# The share of words right today in each direction; the rows below the bar are Kazakhstan
# spellings of native words that differ from the Arabic-script norm (data/README.md).
FLOOR = {"ug -> ug-cyrl": 0.88, "ug-cyrl -> ug": 0.90}


class Pair(NamedTuple):
    ug: str
    cyrl: str
    ug_source: str
    cyrl_source: str


def _pairs() -> list[Pair]:
    with (DATA / "kazakhstan_pairs.csv").open(encoding="utf-8", newline="") as handle:
        return [Pair(*record) for record in list(csv.reader(handle))[1:]]


PAIRS = _pairs()


def _wrong(direction: str) -> list[tuple[str, str, str]]:
    wrong = []
    for pair in PAIRS:
        if direction == "ug -> ug-cyrl":
            output, expected = convert(pair.ug, source="ug", target="ug-cyrl").lower(), pair.cyrl
        else:
            output, expected = convert(pair.cyrl, source="ug-cyrl", target="ug"), pair.ug
        if output != expected:
            wrong.append((pair.ug, expected, output))
    return wrong


def test_pairs_are_over_a_hundred_with_known_sources_on_both_sides() -> None:
    with (DATA / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = {record[0] for record in list(csv.reader(handle))[1:]}
    assert len(PAIRS) >= 100
    assert len({pair.cyrl for pair in PAIRS}) == len(PAIRS)
    for pair in PAIRS:
        assert {pair.ug_source, pair.cyrl_source} <= sources, pair
        assert pair.cyrl_source.startswith(("uyguravazi-", "uyghurtheatre-")), pair


def test_arabic_to_kazakhstan_cyrillic_share_of_words_right() -> None:
    wrong = _wrong("ug -> ug-cyrl")
    assert 1 - len(wrong) / len(PAIRS) >= FLOOR["ug -> ug-cyrl"], wrong


def test_kazakhstan_cyrillic_to_arabic_share_of_words_right() -> None:
    wrong = _wrong("ug-cyrl -> ug")
    assert 1 - len(wrong) / len(PAIRS) >= FLOOR["ug-cyrl -> ug"], wrong


def test_kazakhstan_loans_with_a_soft_sign_and_initial_zhi_are_read() -> None:
    assert convert("факультетиниң", source="ug-cyrl", target="ug") == "فاكۇلتېتىنىڭ"
    assert convert("ансамбльлириниң", source="ug-cyrl", target="ug") == "ئانسامبىللىرىنىڭ"
    assert convert("فاكۇلتېتىنىڭ", source="ug", target="ug-cyrl") == "Факультетиниң"
    assert convert("ئانسامبىل", source="ug", target="ug-cyrl") == "Ансамбль"
    assert convert("жиллиқ жиғини жигит", source="ug-cyrl", target="ug") == "يىللىق يىغىنى يىگىت"
    assert convert("жиллиқ", source="ug-cyrl", target="ug-latn") == "Yilliq"
    assert convert("журнал", source="ug-cyrl", target="ug") == "ژۇرنال"
