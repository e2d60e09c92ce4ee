from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Warning as CheckWarning

from awaz.i18n.catalogs.compiling import catalog_paths, is_stale


@register(Tags.translation)
def catalogs_are_compiled(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Without its .mo a catalog is silently ignored and the page stays in English."""
    stale = [
        po for po in catalog_paths(Path(path) for path in settings.LOCALE_PATHS) if is_stale(po)
    ]
    if not stale:
        return []
    return [
        CheckWarning(
            f"{len(stale)} message catalog(s) are not compiled or older than their .po, "
            f"e.g. {stale[0]}.",
            hint="Run `python manage.py compile_catalogs` (make run and the tests do it).",
            id="awaz.W001",
        )
    ]
