"""Every word of data/words.csv, in every direction the row has forms for."""

import csv
from pathlib import Path
from typing import NamedTuple

import pytest

from awaz.scripts import CyrillicHamza, CyrillicSpelling, convert
from awaz.scripts.tables import UEY_LETTERS

DATA = Path(__file__).parent / "data"


class Row(NamedTuple):
    ug: str
    latn: str
    cyrl: str
    cyrl_apostrophe: str
    source: str


def _rows() -> list[Row]:
    with (DATA / "words.csv").open(encoding="utf-8", newline="") as handle:
        return [Row(*record) for record in list(csv.reader(handle))[1:]]


def _source_ids() -> set[str]:
    with (DATA / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return {record[0] for record in list(csv.reader(handle))[1:]}


ROWS = _rows()
SOURCES = _source_ids()


def _same_word(output: str, expected: str) -> bool:
    # A word alone is the first word of a text, so its first letter may be a capital.
    return output == expected or output == expected[:1].upper() + expected[1:]


def _without_hamza_after_consonant(uey: str) -> str:
    # Real-world Cyrillic drops a hamza after a consonant; it cannot be restored (әнәнә).
    out = []
    for i, char in enumerate(uey):
        if char == "ئ" and i > 0 and uey[i - 1] in UEY_LETTERS - set("اەېىوۇۆۈ"):
            continue
        out.append(char)
    return "".join(out)


def _ids(rows: list[Row]) -> list[str]:
    return [row.ug for row in rows]


def test_word_data_has_at_least_300_rows_with_known_sources() -> None:
    assert len(ROWS) >= 300
    for row in ROWS:
        assert row.source and set(row.source.split()) <= SOURCES, row


LATIN = [row for row in ROWS if row.latn]
CYRILLIC = [row for row in ROWS if row.cyrl]
APOSTROPHE = [row for row in ROWS if row.cyrl_apostrophe]
BOTH = [row for row in ROWS if row.latn and row.cyrl]


@pytest.mark.parametrize("row", LATIN, ids=_ids(LATIN))
def test_arabic_word_converts_to_its_published_latin_spelling(row: Row) -> None:
    assert _same_word(convert(row.ug, source="ug", target="ug-latn"), row.latn)


@pytest.mark.parametrize("row", LATIN, ids=_ids(LATIN))
def test_published_latin_word_converts_back_to_arabic(row: Row) -> None:
    assert convert(row.latn, source="ug-latn", target="ug") == row.ug


@pytest.mark.parametrize("row", CYRILLIC, ids=_ids(CYRILLIC))
def test_arabic_word_converts_to_its_published_cyrillic_spelling(row: Row) -> None:
    assert _same_word(convert(row.ug, source="ug", target="ug-cyrl"), row.cyrl)


# Rows whose Cyrillic was printed in Kazakhstan (Uyghur Avazi) hold in its spelling too; the
# others are RFA's Cyrillic edition, which follows the standard letter for letter (йил, дуня).
KAZAKHSTAN = [row for row in CYRILLIC if "uyguravazi-" in row.source]


@pytest.mark.parametrize("row", KAZAKHSTAN, ids=_ids(KAZAKHSTAN))
def test_arabic_word_converts_to_its_kazakhstan_spelling_where_kazakhstan_printed_it(
    row: Row,
) -> None:
    output = convert(
        row.ug, source="ug", target="ug-cyrl", cyrillic_spelling=CyrillicSpelling.KAZAKHSTAN
    )
    assert _same_word(output, row.cyrl)


@pytest.mark.parametrize("row", CYRILLIC, ids=_ids(CYRILLIC))
def test_published_cyrillic_word_converts_back_to_arabic_up_to_lost_hamza(row: Row) -> None:
    back = convert(row.cyrl, source="ug-cyrl", target="ug")
    assert _without_hamza_after_consonant(back) == _without_hamza_after_consonant(row.ug)


@pytest.mark.parametrize("row", APOSTROPHE, ids=_ids(APOSTROPHE))
def test_arabic_word_converts_to_standard_cyrillic_with_apostrophe(row: Row) -> None:
    output = convert(row.ug, source="ug", target="ug-cyrl", cyrillic_hamza=CyrillicHamza.APOSTROPHE)
    assert _same_word(output, row.cyrl_apostrophe)


@pytest.mark.parametrize("row", APOSTROPHE, ids=_ids(APOSTROPHE))
def test_standard_cyrillic_with_apostrophe_converts_back_exactly(row: Row) -> None:
    assert convert(row.cyrl_apostrophe, source="ug-cyrl", target="ug") == row.ug


@pytest.mark.parametrize("row", BOTH, ids=_ids(BOTH))
def test_latin_and_cyrillic_spellings_convert_into_each_other(row: Row) -> None:
    assert _same_word(convert(row.latn, source="ug-latn", target="ug-cyrl"), row.cyrl)
    assert _same_word(convert(row.cyrl, source="ug-cyrl", target="ug-latn"), row.latn)
