from django import template
from django.utils.translation import get_language

from awaz.signatures.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """The country's name in the reader's language and script."""
    return _country_name(code, get_language())
