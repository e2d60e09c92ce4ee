"""Benchmark of the Uyghur script converter (a plain script, not a test).

Builds a realistic ~10,000-word Arabic-script petition (Markdown headings and lists, numbers
with suffixes, a URL, an English name, abbreviations, thousands of distinct inflected words),
converts it to Latin and Cyrillic, then converts those back (all six directions), and prints the
median time of each direction: warm (the word cache already filled, as in a running server) and
cold (a fresh cache for every run). Target: under 50 ms warm for each direction.

    python bench/bench_convert.py          # wall time: needs a quiet machine
    python bench/bench_convert.py --cpu    # this process's CPU time: steadier on a shared one
"""

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from awaz.scripts import api, convert

WORDS = 10_000
RUNS = 9

# Stems of everyday petition vocabulary.
STEMS = [
    "ئۇيغۇر",
    "خەلق",
    "ھوقۇق",
    "كىشى",
    "ئىنسان",
    "ھەق",
    "ئەركىنلىك",
    "ئادالەت",
    "ۋەتەن",
    "دۆلەت",
    "ھۆكۈمەت",
    "تەشكىلات",
    "لاگېر",
    "تۈرمە",
    "ئائىلە",
    "بالا",
    "ئانا",
    "ئاتا",
    "قېرىنداش",
    "دوست",
    "ئۇستاز",
    "ئوقۇغۇچى",
    "مەكتەپ",
    "تىل",
    "مەدەنىيەت",
    "تارىخ",
    "جەمئىيەت",
    "مائارىپ",
    "پائالىيەت",
    "مەسئۇل",
    "رەئىس",
    "خەلقئارا",
    "دۇنيا",
    "قانۇن",
    "سوت",
    "جازا",
    "ئىمزا",
    "ئىلتىماس",
    "قازاقىستان",
    "ئالمۇتا",
    "شىنجاڭ",
    "ئۈرۈمچى",
    "قەشقەر",
    "خىتاي",
    "ئامېرىكا",
    "گېرمانىيە",
    "تۈركىيە",
    "ياۋروپا",
    "نامايىش",
    "يىغىن",
    "خەۋەر",
    "گېزىت",
    "مۇخبىر",
    "بايانات",
    "تەلەپ",
    "ياردەم",
    "كۈچ",
    "ئۈمىد",
    "ھايات",
    "ئۆي",
    "يول",
    "شەھەر",
]
# Plural, possessive and case suffixes combine into the many word forms of real text.
PLURALS = ["", "", "لار"]
POSSESSIVES = ["", "", "ى", "ىمىز", "لىرى"]
CASES = ["", "", "", "نىڭ", "نى", "غا", "دا", "دىن", "دىكى", "دەك", "لىك"]
VERBS = [
    "قىلدى",
    "قىلىدۇ",
    "قىلىشى",
    "كېرەك",
    "بولدى",
    "بولىدۇ",
    "ئېلىپ",
    "باردى",
    "تەلەپ",
    "قىلىمىز",
    "قوللايمىز",
    "ئىمزا",
    "قويۇڭ",
    "ئازاد",
    "قىلىنسۇن",
    "تۇتۇپ",
    "تۇرۇلماقتا",
    "ئېيتتى",
    "بىلدۈردى",
]


def build_text(rng: random.Random) -> str:
    """An Arabic-script petition of about ``WORDS`` words."""
    parts: list[str] = ["# سېرىكجان بىلاشنى ئازاد قىلىڭ\n\n"]
    count = 0
    sentence = 0
    while count < WORDS:
        length = rng.randint(6, 16)
        words = [
            rng.choice(STEMS) + rng.choice(PLURALS) + rng.choice(POSSESSIVES) + rng.choice(CASES)
            for _ in range(length)
        ]
        words.append(rng.choice(VERBS))
        if sentence % 7 == 0:
            words.insert(1, f"{rng.randint(1990, 2024)}-يىلى")
        if sentence % 11 == 0:
            words.insert(2, "ب د ت")
        if sentence % 13 == 0:
            words.insert(3, "«Human Rights Watch»")
        text = " ".join(words)
        text = text.replace(" ", "، ", 1) if sentence % 3 == 0 else text
        end = "؟" if sentence % 9 == 0 else "."
        prefix = "- " if sentence % 17 == 0 else ""
        parts.append(f"{prefix}{text}{end}")
        parts.append("\n\n" if sentence % 8 == 7 else ("\n" if prefix else " "))
        if sentence % 40 == 39:
            parts.append("## تەپسىلاتى: https://example.org/petition?id=42\n\n")
        count += len(words)
        sentence += 1
    return "".join(parts)


CLOCK = time.process_time if "--cpu" in sys.argv[1:] else time.perf_counter


def median_ms(function: Callable[[], object], *, cold: bool) -> float:
    """Median time of ``RUNS`` calls (wall, or CPU with ``--cpu``), in milliseconds."""
    timings = []
    for _ in range(RUNS):
        if cold:
            api._DIRECTIONS.clear()  # a fresh word cache, as in a new process
        start = CLOCK()
        function()
        timings.append((CLOCK() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    """Print the median time of each direction for a 10,000-word text."""
    text = build_text(random.Random(2019))
    texts = {
        "ug": text,
        "ug-latn": convert(text, source="ug", target="ug-latn"),
        "ug-cyrl": convert(text, source="ug", target="ug-cyrl"),
    }
    words = len(text.split())
    distinct = len(set(text.split()))
    print(f"text: {words:,} words ({distinct:,} distinct), {len(text):,} characters")
    print(f"clock: {'CPU' if CLOCK is time.process_time else 'wall'}")
    print(f"{'direction':<22}{'warm (ms)':>10}{'cold (ms)':>11}")
    for source, target in (
        ("ug", "ug-latn"),
        ("ug", "ug-cyrl"),
        ("ug-latn", "ug"),
        ("ug-cyrl", "ug"),
        ("ug-latn", "ug-cyrl"),
        ("ug-cyrl", "ug-latn"),
    ):

        def run(source: str = source, target: str = target) -> object:
            return convert(texts[source], source=source, target=target)

        cold = median_ms(run, cold=True)
        run()  # fill the cache
        warm = median_ms(run, cold=False)
        print(f"{source + ' -> ' + target:<22}{warm:>10.1f}{cold:>11.1f}")
    warm = median_ms(lambda: convert(text, source="ug", target="ug-latn"), cold=False)
    print(f"ug->ug-latn {WORDS:,} words: {warm:.1f} ms")


if __name__ == "__main__":
    main()
