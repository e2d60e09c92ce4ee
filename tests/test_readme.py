"""The README and docs/architecture.md name every app, and link only to files of the repository."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", ROOT / "docs" / "architecture.md"]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def apps() -> list[str]:
    return sorted(path.parent.name for path in ROOT.glob("awaz/*/__init__.py"))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_app_is_named(document):
    text = document.read_text(encoding="utf-8")
    assert len(apps()) >= 10
    missing = [app for app in apps() if f"`{app}`" not in text]
    assert not missing, f"{document.name} does not name these apps of awaz/: {missing}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_links_stay_inside_the_repository(document):
    for target in LINK.findall(document.read_text(encoding="utf-8")):
        if target.startswith("#"):
            continue
        path = (document.parent / target.split("#")[0]).resolve()
        assert "://" not in target and path.is_relative_to(ROOT), (
            f"{document.name} links outside the repository: {target}"
        )
        assert path.exists(), f"{document.name} links to a file that does not exist: {target}"
