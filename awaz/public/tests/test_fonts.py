"""The self-hosted fonts: what the committed subsets cover, and that awaz.css tells the truth.

The subsets are built by bin/build-fonts. These tests read the committed WOFF2 files with
fontTools, so they need neither npm nor the network.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from playwright.sync_api import Page

from awaz.i18n.languages import BY_CODE, LANGUAGES
from tests.browser import CHROMIUM_ARGS, chromium_path

STATIC = Path(__file__).resolve().parents[1] / "static" / "awaz"
FONTS_CSS = STATIC / "awaz.css"  # its fonts section

# The 32 letters of Uyghur in Arabic script, in UEY order, and hamza.
UYGHUR_LETTERS = "اەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي"
HAMZA = "ئ"
# Letters that join on both sides; the others (ا ە د ر ز ژ و ۇ ۆ ۈ ۋ) join only to the previous one.
DUAL_JOINING = "بپتجچخسشغفقكگڭلمنھېىيئ"
UYGHUR_PUNCTUATION = "،؛؟«»"
DIGITS = "0123456789"

RUSSIAN = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
KAZAKH_AND_UYGHUR_CYRILLIC = "ӘәҒғҖҗҚқҢңӨөҮүҺһҰұІі"
UYGHUR_LATIN = "ÉéÖöÜüËë"
TURKISH = "ÇçĞğIıİiŞşÖöÜü"


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    url: str
    display: str
    unicode_range: frozenset[int]

    @property
    def path(self) -> Path:
        return FONTS_CSS.parent / self.url


def parse_unicode_range(value: str) -> frozenset[int]:
    codepoints: set[int] = set()
    for part in value.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        codepoints.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(codepoints)


@cache
def faces() -> tuple[Face, ...]:
    css = re.sub(r"/\*.*?\*/", "", FONTS_CSS.read_text(encoding="utf-8"), flags=re.DOTALL)
    found = []
    for block in re.findall(r"@font-face\s*\{(.*?)\}", css, flags=re.DOTALL):
        rules = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", block))
        url = re.fullmatch(r'url\("([^"]+)"\) format\("woff2"\)', rules["src"].strip())
        assert url, f"src must be one woff2 url: {rules['src']}"
        found.append(
            Face(
                family=rules["font-family"].strip().strip('"'),
                weight=int(rules["font-weight"]),
                url=url.group(1),
                display=rules.get("font-display", "").strip(),
                unicode_range=parse_unicode_range(rules.get("unicode-range", "U+0-10FFFF")),
            )
        )
    return tuple(found)


@cache
def font(path: Path) -> TTFont:
    return TTFont(path)


def coverage(family: str, weight: int) -> set[int]:
    """The characters a family's faces of one weight really have."""
    chosen = [face for face in faces() if face.family == family and face.weight == weight]
    assert chosen, f"no {family} {weight} in awaz.css"
    return {cp for face in chosen for cp in font(face.path).getBestCmap()}


def missing(text: str, covered: set[int]) -> list[str]:
    return [c for c in dict.fromkeys(text) if c != " " and ord(c) not in covered]


def arabic_files() -> list[Path]:
    return [face.path for face in faces() if face.family == "Awaz Noto Sans Arabic"]


def subtables(typeface: TTFont, feature: str) -> Iterator[Any]:
    """The GSUB subtables a feature applies to Arabic script, extension lookups unwrapped."""
    gsub = typeface["GSUB"].table
    for record in gsub.ScriptList.ScriptRecord:
        if record.ScriptTag != "arab":
            continue
        for index in record.Script.DefaultLangSys.FeatureIndex:
            if gsub.FeatureList.FeatureRecord[index].FeatureTag != feature:
                continue
            for lookup_index in gsub.FeatureList.FeatureRecord[index].Feature.LookupListIndex:
                lookup = gsub.LookupList.Lookup[lookup_index]
                for table in lookup.SubTable:
                    yield table.ExtSubTable if lookup.LookupType == 7 else table


def substitutions(typeface: TTFont, feature: str) -> dict[str, list[str]]:
    """Glyph -> replacement glyphs, from a feature's single and multiple substitutions."""
    found: dict[str, list[str]] = {}
    for table in subtables(typeface, feature):
        for glyph, output in getattr(table, "mapping", {}).items():
            found.setdefault(glyph, [output] if isinstance(output, str) else list(output))
    return found


def skeleton(typeface: TTFont, char: str) -> str:
    """The glyph that takes the positional forms: Noto splits a dotted letter into a dotless
    skeleton and its dots (ccmp) before init/medi/fina apply, as ب -> ٮ + dot below."""
    marks = {g for g, c in typeface["GDEF"].table.GlyphClassDef.classDefs.items() if c == 3}
    ccmp = substitutions(typeface, "ccmp")
    glyph: str = typeface.getBestCmap()[ord(char)]
    while glyph in ccmp:
        bases = [g for g in ccmp[glyph] if g not in marks]
        if len(bases) != 1 or bases[0] == glyph:
            break
        glyph = bases[0]
    return glyph


def test_fonts_css_references_only_committed_woff2_files():
    referenced = {face.path for face in faces()}
    assert referenced, "awaz.css declares no @font-face"
    assert all(path.is_file() for path in referenced), sorted(map(str, referenced))
    committed = set((STATIC / "fonts").glob("*.woff2"))
    assert committed == referenced, "every committed font is used, and only those"


def test_every_face_swaps_and_declares_its_characters():
    for face in faces():
        assert face.display == "swap", face.url
        assert face.unicode_range != parse_unicode_range("U+0-10FFFF"), face.url
        assert font(face.path).flavor == "woff2", face.url


def test_each_unicode_range_lists_exactly_the_characters_of_its_file():
    # A browser trusts unicode-range to decide which file to fetch for which character.
    for face in faces():
        assert set(face.unicode_range) == set(font(face.path).getBestCmap()), face.url


def test_every_font_file_has_its_licence_next_to_it():
    for name in ("noto-sans", "noto-sans-arabic", "noto-sans-sc"):
        text = (STATIC / "fonts" / f"OFL-{name}.txt").read_text(encoding="utf-8")
        assert "SIL OPEN FONT LICENSE Version 1.1" in text


@pytest.mark.parametrize("weight", [400, 700])
def test_the_arabic_subset_has_every_uyghur_letter_hamza_punctuation_and_digit(weight):
    assert len(UYGHUR_LETTERS) == 32
    covered = coverage("Awaz Noto Sans Arabic", weight)
    assert missing(UYGHUR_LETTERS + HAMZA + UYGHUR_PUNCTUATION + DIGITS, covered) == []


@pytest.mark.parametrize("path", arabic_files(), ids=lambda path: path.name)
def test_the_arabic_subset_joins_every_uyghur_letter(path):
    typeface = font(path)
    init, medi, fina = (substitutions(typeface, tag) for tag in ("init", "medi", "fina"))
    for letter in UYGHUR_LETTERS + HAMZA:
        glyph = skeleton(typeface, letter)
        assert glyph in fina, f"{letter} has no final form"
        joins_forward = letter in DUAL_JOINING
        assert (glyph in init) == joins_forward, f"{letter}: initial form"
        assert (glyph in medi) == joins_forward, f"{letter}: medial form"


@pytest.mark.parametrize("path", arabic_files(), ids=lambda path: path.name)
def test_the_arabic_subset_has_the_initial_and_medial_forms_of_alef_maksura(path):
    # Uyghur writes ى (i) inside words, where Arabic rarely does; a font without these forms
    # breaks the word or shows Arabic yeh's dots.
    typeface = font(path)
    glyph = skeleton(typeface, "ى")
    assert glyph in substitutions(typeface, "init")
    assert glyph in substitutions(typeface, "medi")


@pytest.mark.parametrize("path", arabic_files(), ids=lambda path: path.name)
def test_the_arabic_subset_keeps_the_lam_alef_ligature(path):
    typeface = font(path)
    lam_initial = substitutions(typeface, "init")[skeleton(typeface, "ل")][0]
    alef_final = substitutions(typeface, "fina")[skeleton(typeface, "ا")][0]
    seen: set[str] = set()
    for table in subtables(typeface, "rlig"):
        for name in ("Coverage", "InputCoverage", "LookAheadCoverage", "BacktrackCoverage"):
            value = getattr(table, name, None)
            for cov in value if isinstance(value, list) else [value] if value else []:
                seen.update(cov.glyphs)
        seen.update(getattr(table, "mapping", {}))
    assert {lam_initial, alef_final} <= seen


@pytest.mark.parametrize("weight", [400, 700])
def test_the_latin_and_cyrillic_subsets_cover_uyghur_kazakh_turkish_and_russian(weight):
    covered = coverage("Awaz Noto Sans", weight)
    text = RUSSIAN + KAZAKH_AND_UYGHUR_CYRILLIC + UYGHUR_LATIN + TURKISH + "«»—’№"
    assert missing(text, covered) == []


@pytest.mark.parametrize("weight", [400, 700])
def test_every_language_names_itself_without_tofu(weight):
    # The language switcher shows each name in its own script on every page.
    sans = coverage("Awaz Noto Sans", weight)
    for language in LANGUAGES:
        if language.code == "ug":
            for family in ("Awaz Noto Sans Arabic", "Awaz Noto Sans Arabic Name"):
                assert missing(language.name_local, coverage(family, weight)) == [], family
        elif language.code == "zh-hans":
            covered = sans | coverage("Awaz Noto Sans SC", weight)
            assert missing(language.name_local, covered) == []
        else:
            assert missing(language.name_local, sans) == [], language.code


def test_the_chinese_subset_is_only_the_name_of_the_language():
    # Chinese pages use the reader's system fonts: a CJK font is megabytes.
    for weight in (400, 700):
        covered = coverage("Awaz Noto Sans SC", weight)
        assert covered == {ord(c) for c in BY_CODE["zh-hans"].name_local}


# The rules, as a browser applies them.


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


SAMPLES = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>fonts</title>
<style>.spaced {{ letter-spacing: 2px; }}</style><link rel="stylesheet" href="{css}"></head><body>
<p id="ug" lang="ug" dir="rtl">ئۇيغۇرچە <span id="en-in-ug" lang="en">English</span>
  <span id="spaced" class="spaced">ئۇيغۇر</span></p>
<p id="ug-arab-cn" lang="ug-Arab-CN" dir="rtl">ئۇيغۇرچە</p>
<p id="ug-latn" lang="ug-Latn">Uyghurche</p>
<p id="ug-cyrl" lang="ug-Cyrl">Уйғурчә</p>
<p id="zh" lang="zh-Hans">简体中文</p>
<p id="switcher"><a href="#" hreflang="ug" lang="ug">ئۇيغۇرچە</a></p>
</body></html>"""


@pytest.mark.browser
def test_only_arabic_script_uyghur_gets_the_arabic_font_and_its_spacing(page: Page, tmp_path: Path):
    sample = tmp_path / "fonts.html"
    sample.write_text(SAMPLES.format(css=FONTS_CSS.as_uri()), encoding="utf-8")
    page.goto(sample.as_uri())

    def style(element_id: str) -> dict[str, str]:
        return dict(
            page.eval_on_selector(
                f"#{element_id}",
                """e => { const s = getComputedStyle(e); return {
                family: s.fontFamily, lineHeight: s.lineHeight, letterSpacing: s.letterSpacing,
                fontSize: s.fontSize} }""",
            )
        )

    for element_id in ("ug", "ug-arab-cn"):
        arabic = style(element_id)
        assert arabic["family"].startswith('"Awaz Noto Sans Arabic"'), element_id
        assert float(arabic["lineHeight"].removesuffix("px")) == pytest.approx(
            1.8 * float(arabic["fontSize"].removesuffix("px"))
        )
    for element_id in ("ug-latn", "ug-cyrl", "en-in-ug"):
        assert style(element_id)["family"].startswith('"Awaz Noto Sans",'), element_id
    assert style("spaced")["letterSpacing"] == "normal"
    assert style("zh")["family"].startswith('"Awaz Noto Sans", "PingFang SC"')
    assert style("switcher")["family"].startswith('"Awaz Noto Sans",')
    assert page.eval_on_selector("#switcher a", "a => getComputedStyle(a).fontFamily").startswith(
        '"Awaz Noto Sans Arabic Name"'
    )
