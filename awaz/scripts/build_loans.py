"""Generate ``russian_loans.tsv`` from a Russian word list (a build step, not used at runtime).

    python -m awaz.scripts.build_loans [/usr/share/hunspell/ru_RU.dic]   # or: make loans

The word list is Debian's ``hunspell-ru`` (``apt-get install hunspell-ru``; the dictionary of
Alexander I. Lebedev, a BSD-style licence that allows redistribution of modified versions:
its notice is repeated in the generated file). Only the lemmas of loan families are taken
(-ция, -ия, -изм, -ист, -ер/-тр final clusters, words with э or ц, a soft л...), adapted to
UEY by the rules of DB65/T 3691-2015 for Russian words (Russian -> Arabic-script Uyghur):

- letters: е э -> ې (й + ې at the start of a word or after a vowel), ы -> ى, ц -> تس (س at
  the start), я ю ё -> يا يۇ يو, ь ъ dropped; -ия at the end -> ىيە (конституция ->
  كونستىتۇتسىيە, энергия -> ئېنېرگىيە);
- a vowel starts a syllable with a hamza (радио -> رادىئو), except и before а, which takes й
  (социализм -> سوتسىيالىزم); a word's first vowel takes a hamza;
- a final consonant + р cluster gets ى between them (театр -> تېئاتىر, министр -> مىنىستىر),
  and so does a final consonant + ль (ансамбль -> ئانسامبىل).

A pair is written only for the direction the letter rules get wrong (``>`` UEY to USY, ``<`` USY
to UEY, ``=`` both). A UEY spelling that two Russian words share is dropped, and so is one that
is a native word of the project's own Uyghur texts unless it is a reviewed loan (see
``NATIVE_TEXTS``): the loan table must never turn a Uyghur word into a Russian one.
"""

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from awaz.scripts.cyrillic import render_cyrillic_letters, spell_cyrillic
from awaz.scripts.errors import CyrillicHamza
from awaz.scripts.lexicon import USY_LOANS
from awaz.scripts.loans import DATA
from awaz.scripts.pivot import add_hamza

DICTIONARY: Final = Path("/usr/share/hunspell/ru_RU.dic")
ROOT: Final = Path(__file__).resolve().parents[2]
# The project's own Uyghur texts: a generated UEY spelling found here is a native word unless
# it is listed in REVIEWED_LOANS.
NATIVE_TEXTS: Final = (
    "locale/ug/LC_MESSAGES/django.po",
    "awaz/demo/content.py",
    "awaz/demo/serikzhan-bilash.ug.md",
    "awaz/scripts/tests/data/words.csv",
    "seed/petition-page.txt",
)
# Words of those texts that are Russian loans indeed (checked by hand).
REVIEWED_LOANS: Final = frozenset(["كونستىتۇتسىيە", "ئاۋىياتسىيە", "دېموكراتىيە", "پارتىيە"])

# Lemma endings of the loan families, and a length floor so that short native words stay out.
_FAMILY: Final = re.compile(
    r"(?:ция|ия|изм|ист|истка|тр|др|бр|гр|ер|ор|ент|ант|ерт|есс|ура|ема|ика|ог|ат|он)$"
)
# ц of a loan: -ция, -цион-, ц before е or и (концерт, процесс, медицина).
_TS_LOAN: Final = re.compile("ци[яо]|ц[еи](?!ть)")
_COMPOUND: Final = re.compile(
    "(?:авто|ауто|аэро|био|гидро|электро|радио|термо|микро|макро|фото|кино|нейро|психо|теле"
    "|гео|агро|энерго|экс|супер|анти|контр|квази|псевдо|пост|поли|мульти|ультра|инфра|транс"
    "|мета|гипер|гемо|гисто|спектро|металло|рентгено|хромо|лито|морфо|фито|зоо|пато|палео)"
)
_WORD: Final = re.compile("[а-яё]{4,12}")
_VERB: Final = re.compile("(?:ся|ть|ет|ют|ит|ят|ем|им)$")
# ь of a loan: a soft л before a consonant or at the end after one (факультет, фильм, ансамбль),
# which Kazakhstan keeps (ансамбльлириниң) and UEY drops. Adjectives and verbs stay out.
_SOFT_L: Final = re.compile("ль[бвгджзклмнпрстфхч]|[бвгджзклмнпрстфхчшщ]ль$")
_NOT_NOUN: Final = re.compile("(?:ый|ий|ой|ая|ое|ые|ся|ть|ьно|ски)$")
_LETTERS: Final = str.maketrans(
    {
        "а": "ا",
        "б": "ب",
        "в": "ۋ",
        "г": "گ",
        "д": "د",
        "е": "ې",
        "ж": "ژ",
        "з": "ز",
        "и": "ى",
        "й": "ي",
        "к": "ك",
        "л": "ل",
        "м": "م",
        "н": "ن",
        "о": "و",
        "п": "پ",
        "р": "ر",
        "с": "س",
        "т": "ت",
        "у": "ۇ",
        "ф": "ف",
        "х": "خ",
        "ч": "چ",
        "ш": "ش",
        "ы": "ى",
        "э": "ې",
    }
)
_VOWELS: Final = set("аеёиоуыэюя")
_CONSONANTS: Final = set("бвгджзйклмнпрстфхцчшщ")


def lemmas(lines: Iterable[str]) -> Iterator[str]:
    """Lower-case lemmas of the loan families from a hunspell ``.dic`` file: the words a
    petition plausibly uses, not every compound of the dictionary."""
    for line in lines:
        word = line.split("/", 1)[0].strip()
        if not _WORD.fullmatch(word) or any(letter in word for letter in "щъыё"):
            continue
        if "ь" in word:
            if len(word) >= 6 and _SOFT_L.search(word) and not _NOT_NOUN.search(word):
                yield word
            continue
        if _COMPOUND.match(word) and not _FAMILY.fullmatch(word):
            continue  # аутоиммунизация, электроэнергия: the stem's own entry is enough
        if "ц" in word and not _TS_LOAN.search(word):
            continue  # улица, отец: native Russian words
        if _FAMILY.search(word) or ("э" in word and len(word) <= 9 and not _VERB.search(word)):
            yield word


def adapt(russian: str) -> str | None:
    """The UEY spelling of a Russian word by the adaptation rules, or ``None`` if they do not
    cover it."""
    word = russian.replace("ё", "йо")
    if word.endswith("ия"):
        word = word[:-2] + "\0"  # -ия -> ىيە, written below
    if word.endswith("ль") and len(word) > 2 and word[-3] in _CONSONANTS:
        word = word[:-2] + "ил"  # ансамбль -> ئانسامبىل
    if len(word) > 1 and word[-1] == "р" and word[-2] in _CONSONANTS:
        word = word[:-1] + "ир"  # театр -> تېئاتىر
    out: list[str] = []
    previous = ""
    for i, letter in enumerate(word):
        after_vowel = previous in _VOWELS or previous == ""
        if letter == "\0":
            out.append("ىيە")
        elif letter == "ь":
            if i + 1 < len(word) and word[i + 1] in "еяю":
                out.append("ي")  # пьеса
            previous = letter
            continue
        elif letter == "ц":
            out.append("س" if i == 0 else "تس")
        elif letter in "яю":
            out.append("ي" + ("ا" if letter == "я" else "ۇ"))
        elif letter == "е" and after_vowel:
            out.append("يې")  # the start of a word or after a vowel: йе
        elif letter in _VOWELS and previous in _VOWELS:
            glide = "ي" if previous == "и" and letter == "а" else "ئ"  # социализм, радио
            out.append(glide + letter.translate(_LETTERS))
        else:
            translated = letter.translate(_LETTERS)
            if translated == letter:
                return None
            out.append(translated)
        previous = letter
    return add_hamza("".join(out))


def native_words() -> set[str]:
    """Arabic-script words of the project's own Uyghur texts."""
    words: set[str] = set()
    for name in NATIVE_TEXTS:
        path = ROOT / name
        if path.exists():
            words.update(re.findall("[\u0626-\u06d5]+", path.read_text(encoding="utf-8")))
    return words - REVIEWED_LOANS


def build(russian_words: Iterable[str]) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """The table's rows (UEY, Russian, directions) and counts of what was left out."""
    by_uey: dict[str, set[str]] = {}
    candidates = {**{usy: uey for uey, usy in USY_LOANS.items()}}
    for russian in russian_words:
        uey = adapt(russian)
        if uey is not None:
            candidates.setdefault(russian, uey)
    for russian, uey in candidates.items():
        by_uey.setdefault(uey, set()).add(russian)
    native = native_words()
    skipped = {"ambiguous": 0, "native": 0, "regular": 0}
    rows: list[tuple[str, str, str]] = []
    for uey, spellings in sorted(by_uey.items()):
        if len(spellings) > 1:
            skipped["ambiguous"] += 1
            continue
        if uey in native and uey not in USY_LOANS:
            skipped["native"] += 1
            continue
        (russian,) = spellings
        forward = render_cyrillic_letters(uey, CyrillicHamza.DROP) != russian
        backward = add_hamza(spell_cyrillic(russian)) != uey
        if forward and backward:
            rows.append((uey, russian, "="))
        elif forward:
            rows.append((uey, russian, ">"))
        elif backward:
            rows.append((uey, russian, "<"))
        else:
            skipped["regular"] += 1
    return rows, skipped


HEADER: Final = """\
# Russian loans: UEY<TAB>Russian spelling<TAB>directions (> UEY to USY, < USY to UEY, = both).
# GENERATED by `python -m awaz.scripts.build_loans` (make loans): do not edit by hand.
# Derived (modified: lemmas selected and transliterated) from the Russian hunspell dictionary
# of Debian's hunspell-ru, Copyright 1997-2008 Alexander I. Lebedev. All rights reserved.
# Redistribution and use in source and binary forms, with or without modification, are
# permitted provided that the following conditions are met: * Redistributions of source code
# must retain the above copyright notice, this list of conditions and the following
# disclaimer. * Redistributions in binary form must reproduce the above copyright notice, this
# list of conditions and the following disclaimer in the documentation and/or other materials
# provided with the distribution. * Modified versions must be clearly marked as such. * The
# name of Alexander I. Lebedev may not be used to endorse or promote products derived from
# this software without specific prior written permission.
# THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS
# OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
# MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
# COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
# EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE
# GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
# ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
# NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED
# OF THE POSSIBILITY OF SUCH DAMAGE.
"""


def main(argv: list[str]) -> int:
    dictionary = Path(argv[0]) if argv else DICTIONARY
    if not dictionary.exists():
        print(f"{dictionary} not found: apt-get install hunspell-ru", file=sys.stderr)
        return 2
    with dictionary.open(encoding="utf-8") as handle:
        rows, skipped = build(lemmas(handle))
    body = "".join(f"{uey}\t{russian}\t{way}\n" for uey, russian, way in rows)
    DATA.write_text(HEADER + body, encoding="utf-8")
    print(f"{len(rows)} loans, {DATA.stat().st_size} bytes; left out: {skipped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
