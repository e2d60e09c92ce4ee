"""Reading rendered pages: which text a reader sees in which script."""

import re
from html.parser import HTMLParser

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}


class _OutsideUyghurArabic(HTMLParser):
    """Text and attribute values of a page, except inside elements marked lang="ug"."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marked = dict(attrs).get("lang") == "ug" or any(self.stack)
        if not marked:
            self.found += [value for name, value in attrs if value and name != "lang"]
        if tag not in _VOID:
            self.stack.append(marked)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.stack):
            self.found.append(data)


def arabic_script_outside_ug_elements(html: str) -> list[str]:
    """Arabic-script text on a page other than where it is marked as Uyghur in Arabic script
    (the language switcher names `ug` in its own script, as it names every language)."""
    parser = _OutsideUyghurArabic()
    parser.feed(html)
    return [text.strip() for text in parser.found if ARABIC_SCRIPT.search(text)]
