"""The picture a messenger shows for a shared petition (`og:image`): 1200x630 PNG made here.

The title in its own script and direction, the organization, the count and the goal bar, drawn
with Awaz's own fonts: Pillow shapes text (joined Arabic letters, right to left) only with
libraqm, which its wheels bring; `raqm_available` says whether it is there, and without it the
image leaves the title out rather than print disjointed letters. Our font files are subsets
split by script (as browsers load them), so they are merged once per process into one font
that Pillow can draw any of our scripts with. Chinese uses the machine's own CJK font where
there is one (our files hold only the language's name).

Images are made on the first request for a petition, language, text version and goal, and
kept in the cache: the count on the image is the count when it was made.
"""

import functools
import io
import logging
import shutil
import subprocess  # nosec B404 - fc-match with fixed arguments, to find a local CJK font
from dataclasses import dataclass
from pathlib import Path

from django.contrib.staticfiles import finders
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
ACCENT = (11, 92, 69)
PAPER = (255, 255, 255)
PALE = (198, 226, 216)
BAR_BACK = (35, 120, 95)
_SUBSETS = ("arabic-ug", "latin", "latin-ext", "cyrillic", "cyrillic-ext")


@dataclass(frozen=True, slots=True)
class Card:
    title: str
    organization: str
    counter: str  # "1,204 have signed."
    goal: str  # "Let's get to 5,000!"
    percent: int
    site: str
    language: str  # Django code of the title's version
    rtl: bool
    page_language: str  # Django code of the reader's interface language
    page_rtl: bool


def raqm_available() -> bool:
    return bool(features.check("raqm"))


def fonts_folder() -> Path:
    return Path(finders.find("awaz/awaz.css") or "").parent / "fonts"


@functools.cache
def _merged_font(weight: int) -> bytes:
    """Our script subsets of one weight as one TrueType font."""
    parts = []
    for subset in _SUBSETS:
        font = TTFont(fonts_folder() / f"noto-sans-{subset}-{weight}.woff2")
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        parts.append(buffer)
    merge_log = logging.getLogger("fontTools.merge")
    level = merge_log.level
    merge_log.setLevel(logging.ERROR)  # it notes each duplicate no-break space it drops
    try:
        merged = Merger().merge(parts)
    finally:
        merge_log.setLevel(level)
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


@functools.cache
def _cjk_font_path() -> str:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return ""
    found = subprocess.run(  # noqa: S603  # nosec B603 - a fixed command, no reader's input
        [fc_match, "-f", "%{file}", "sans:lang=zh-cn"],
        capture_output=True,
        text=True,
        timeout=5,
        check=False,
    ).stdout.strip()
    return found if found and ("wqy" in found.lower() or "cjk" in found.lower()) else ""


def _font(size: int, *, weight: int = 700, cjk: bool = False) -> ImageFont.FreeTypeFont:
    layout = ImageFont.Layout.RAQM if raqm_available() else ImageFont.Layout.BASIC
    if cjk and _cjk_font_path():
        return ImageFont.truetype(_cjk_font_path(), size, layout_engine=layout)
    return ImageFont.truetype(io.BytesIO(_merged_font(weight)), size, layout_engine=layout)


def _wrap(
    text: str, font: ImageFont.FreeTypeFont, width: int, direction: str, lines: int
) -> list[str]:
    """Words onto at most `lines` lines of `width` pixels, the last cut with an ellipsis."""
    chars = " " not in text.strip()  # Chinese: a line may break between any two characters
    words = list(text.strip()) if chars else text.split()
    joiner = "" if chars else " "
    out: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current}{joiner}{word}" if current else word
        if not current or font.getlength(candidate, direction=direction) <= width:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines:  # the rest does not fit
            last = out[-1]
            while last and font.getlength(last + "…", direction=direction) > width:
                last = last[:-1]
            out[-1] = last.rstrip() + "…"
            return out
    out.append(current)
    return out


def render(card: Card) -> bytes:
    """The PNG bytes of the card."""
    image = Image.new("RGB", (WIDTH, HEIGHT), ACCENT)
    draw = ImageDraw.Draw(image)
    cjk = card.language.startswith("zh")
    title_direction = "rtl" if card.rtl else "ltr"
    page_direction = "rtl" if card.page_rtl else "ltr"

    def line(
        y: int, text: str, font: ImageFont.FreeTypeFont, fill: tuple[int, int, int], direction: str
    ) -> None:
        x, anchor = (WIDTH - MARGIN, "ra") if direction == "rtl" else (MARGIN, "la")
        draw.text((x, y), text, font=font, fill=fill, anchor=anchor, direction=direction)

    small = _font(30, weight=400, cjk=cjk)
    line(MARGIN - 8, card.organization, small, PALE, title_direction)
    if raqm_available() or not card.rtl:
        for size, rows in ((68, 3), (56, 4), (46, 5)):
            title_font = _font(size, cjk=cjk)
            wrapped = _wrap(card.title, title_font, WIDTH - 2 * MARGIN, title_direction, rows)
            if len(wrapped) < rows or size == 46:
                break
        y = 130
        for text in wrapped:
            line(y, text, title_font, PAPER, title_direction)
            y += int(size * 1.25)
    page_cjk = card.page_language.startswith("zh")
    count_font = _font(40, cjk=page_cjk)
    line(HEIGHT - 190, f"{card.counter} {card.goal}", count_font, PAPER, page_direction)
    bar_top, bar_height = HEIGHT - 120, 22
    draw.rounded_rectangle(
        (MARGIN, bar_top, WIDTH - MARGIN, bar_top + bar_height), radius=11, fill=BAR_BACK
    )
    filled = (WIDTH - 2 * MARGIN) * max(0, min(card.percent, 100)) // 100
    if filled:
        left = WIDTH - MARGIN - filled if card.page_rtl else MARGIN
        draw.rounded_rectangle(
            (left, bar_top, left + filled, bar_top + bar_height), radius=11, fill=PAPER
        )
    line(HEIGHT - 72, card.site, _font(28, weight=400, cjk=page_cjk), PALE, page_direction)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
