"""What a page says, looked up the way the page itself looks it up: through gettext, in the
page's language. Journeys find buttons, links, fields and messages by what a visitor sees; on a
translated page they ask the catalog for it instead of repeating English (or Uyghur) text."""

import re

from django.utils import translation
from playwright.sync_api import Page

from awaz.i18n import languages


def shown(language: str, text: str, /, **values: object) -> str:
    """`text` as a page in `language` shows it, its %(placeholders)s filled from `values`."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def field_label(language: str, text: str) -> str:
    """A form field's label as Django renders it: translated, then its translated suffix (":")."""
    return shown(language, text) + shown(language, ":")


def for_version(language: str, action: str, code: str) -> str:
    """An action on one version of a petition or description, as its button or link is named
    for a screen reader: "Preview (Uyghurche (Latin))", the version named in its own language."""
    return f"{shown(language, action)} ({languages.get(code).name_local})"


# Latin-script words a page in another script may show in its own voice: the site's name, file
# formats and standards it names, and the languages of the language menu and form choices.
LATIN_ON_PURPOSE = frozenset(
    {
        "Awaz",
        "Markdown",
        "JPEG",
        "PNG",
        "WebP",
        "GIF",
        "UTC",
        "CSV",
        "PDF",
        "SHA",
        "cookie",
        "HTTPS",
        "JSON",
        "HTML",
    }
    # The API and the tools that call it, named as their makers write them.
    | {"API", "CRM"}
    # Authenticator apps the two-factor set-up names, and the QR code it shows.
    | {"QR", "FreeOTP", "Aegis", "Google", "Authenticator"}
    # Examples the help texts give: addresses and a name as they are written in Latin letters.
    | {"uyghur-voices", "free-ilham-tohti", "https", "example", "org", "Sérikjan", "Bilash"}
    | {
        word
        for language in languages.LANGUAGES
        for word in re.findall(r"[^\W\d_]+", language.name_local)
    }
)
_LATIN_WORDS = """() => {
  const words = [];
  const latin = /\\p{Script=Latin}[\\p{Script=Latin}\\p{Mark}'’-]*/gu;
  const ownVoice = (element) =>
    element.closest("[lang]")?.getAttribute("lang") === document.documentElement.lang
    && !element.closest("bdi, [dir=ltr], [dir=auto], textarea, script, style");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (ownVoice(node.parentElement)) words.push(...(node.data.match(latin) || []));
  }
  for (const element of document.querySelectorAll("[aria-label], [alt], [title], [placeholder]")) {
    // <head>'s links (feeds) are named by what they hold: an organization's or petition's name.
    if (!ownVoice(element) || element.closest("head")) continue;
    for (const name of ["aria-label", "alt", "title", "placeholder"]) {
      words.push(...((element.getAttribute(name) || "").match(latin) || []));
    }
  }
  return words;
}"""


def latin_words_left(page: Page) -> list[str]:
    """Latin-script words a page in a non-Latin script says in its own voice: English left
    untranslated, or never marked for translation. Not counted: what people typed (shown in
    <bdi>, `dir="auto"` or a text box), text in another language (`lang`) and addresses
    (`dir="ltr"`)."""
    words: list[str] = page.evaluate(_LATIN_WORDS)
    return sorted({word for word in words if word not in LATIN_ON_PURPOSE})
