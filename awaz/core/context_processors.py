from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from awaz.i18n import languages


def site(request: HttpRequest) -> dict[str, object]:
    """What every page's frame needs: the site's name and the page language's tag and direction."""
    language = languages.get(translation.get_language())
    return {
        "SITE_NAME": settings.SITE_NAME,
        "page_language": language,
    }
