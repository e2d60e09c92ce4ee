"""Accuracy of the Uyghur script converter on the attested word pairs (a plain script).

For every direction, the share of words of awaz/scripts/tests/data/words.csv whose conversion is
the published spelling (the same comparisons as awaz/scripts/tests/test_words_data.py, which
requires every one of them), then the same for Kazakhstan's own Cyrillic
(awaz/scripts/tests/data/kazakhstan_pairs.csv, which keeps the pairs the converter gets wrong):

    python bench/bench_words.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from awaz.scripts import CyrillicHamza, convert
from awaz.scripts.tests.test_kazakhstan_pairs import PAIRS, wrong
from awaz.scripts.tests.test_words_data import ROWS, _same_word, _without_hamza_after_consonant

APOSTROPHE = CyrillicHamza.APOSTROPHE
CHECKS = {
    "ug -> ug-latn": (
        lambda r: r.latn,
        lambda r: _same_word(convert(r.ug, source="ug", target="ug-latn"), r.latn),
    ),
    "ug-latn -> ug": (
        lambda r: r.latn,
        lambda r: convert(r.latn, source="ug-latn", target="ug") == r.ug,
    ),
    "ug -> ug-cyrl": (
        lambda r: r.cyrl,
        lambda r: _same_word(convert(r.ug, source="ug", target="ug-cyrl"), r.cyrl),
    ),
    "ug-cyrl -> ug (hamza after a consonant aside)": (
        lambda r: r.cyrl,
        lambda r: (
            _without_hamza_after_consonant(convert(r.cyrl, source="ug-cyrl", target="ug"))
            == _without_hamza_after_consonant(r.ug)
        ),
    ),
    "ug -> ug-cyrl (apostrophe)": (
        lambda r: r.cyrl_apostrophe,
        lambda r: _same_word(
            convert(r.ug, source="ug", target="ug-cyrl", cyrillic_hamza=APOSTROPHE),
            r.cyrl_apostrophe,
        ),
    ),
    "ug-cyrl (apostrophe) -> ug": (
        lambda r: r.cyrl_apostrophe,
        lambda r: convert(r.cyrl_apostrophe, source="ug-cyrl", target="ug") == r.ug,
    ),
    "ug-latn -> ug-cyrl": (
        lambda r: r.latn and r.cyrl,
        lambda r: _same_word(convert(r.latn, source="ug-latn", target="ug-cyrl"), r.cyrl),
    ),
    "ug-cyrl -> ug-latn": (
        lambda r: r.latn and r.cyrl,
        lambda r: _same_word(convert(r.cyrl, source="ug-cyrl", target="ug-latn"), r.latn),
    ),
}


def main() -> None:
    print(f"{'direction':48} {'right':>7} {'words':>6} {'share':>7}")
    for name, (applies, right) in CHECKS.items():
        rows = [row for row in ROWS if applies(row)]
        good = sum(1 for row in rows if right(row))
        print(f"{name:48} {good:7} {len(rows):6} {good / len(rows):7.1%}")
    for direction in ("ug -> ug-cyrl", "ug-cyrl -> ug"):
        good = len(PAIRS) - len(wrong(direction))
        name = f"Kazakhstan: {direction}"
        print(f"{name:48} {good:7} {len(PAIRS):6} {good / len(PAIRS):7.1%}")


if __name__ == "__main__":
    main()
