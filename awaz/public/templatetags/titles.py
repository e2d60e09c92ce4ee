"""A petition named by its title in the reader's language, never by its slug."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from awaz.i18n import languages
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.selectors import petition_title_shown

register = template.Library()


def _shown(petition: Petition) -> PetitionText | None:
    language = get_language()
    cache: dict[str, PetitionText | None] = petition.__dict__.setdefault("_titles_shown", {})
    if language not in cache:
        cache[language] = petition_title_shown(petition=petition, language=language)
    return cache[language]


@register.simple_tag
def petition_title(petition: Petition) -> SafeString:
    """The title as markup: isolated, in its own language and direction (`<bdi lang dir>`)."""
    text = _shown(petition)
    if text is None:  # a petition with no text yet (a draft just begun)
        return format_html('<bdi dir="ltr">{}</bdi>', petition.slug)
    language = languages.get(text.language)
    return format_html(
        '<bdi lang="{}" dir="{}">{}</bdi>',
        language.bcp47,
        "rtl" if language.bidi else "ltr",
        text.title,
    )


@register.filter
def title_text(petition: Petition) -> str:
    """The title as plain text, for attributes and the document's <title>."""
    text = _shown(petition)
    return text.title if text is not None else petition.slug
