"""Cross-check against umsc (test-only, optional): where both follow DB65/T 3690-2015."""

import csv
from pathlib import Path

import umsc

from awaz.scripts import convert

DATA = Path(__file__).parent / "data" / "words.csv"


def test_arabic_to_latin_agrees_with_umsc_on_every_single_word() -> None:
    converter = umsc.UgMultiScriptConverter("UAS", "ULS")
    with DATA.open(encoding="utf-8", newline="") as handle:
        words = [row["ug"] for row in csv.DictReader(handle) if " " not in row["ug"]]
    # umsc writes no capitals and puts a hamza into Chinese loans; otherwise we must agree.
    disagreements = {
        word: (ours, theirs)
        for word in words
        if (ours := convert(word, source="ug", target="ug-latn").lower())
        != (theirs := converter(word))
        and word != "جۇڭخۇا"
    }
    assert disagreements == {}
