"""WeasyPrint documents (the delivery PDF, the flyer) read our font files and nothing else."""

from pathlib import Path
from typing import Any, ClassVar

from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The web fonts (static files of the public pages).
WEB_FONTS = Path(finders.find("awaz/awaz.css") or "").parent / "fonts"


class ForbiddenFetchError(Exception):
    """The document asked for something other than one of our font files."""


class FontsOnly(URLFetcher):  # type: ignore[misc]
    """WeasyPrint may read the .woff2 files of `folders`, and nothing else: no network, no
    other file."""

    folders: ClassVar[tuple[Path, ...]] = (WEB_FONTS,)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if not url.startswith("file://"):
            raise ForbiddenFetchError(url)
        path = Path(url.removeprefix("file://")).resolve()
        allowed = {folder.resolve() for folder in self.folders}
        if path.parent not in allowed or path.suffix != ".woff2":
            raise ForbiddenFetchError(url)
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": "font/woff2"}
        )
