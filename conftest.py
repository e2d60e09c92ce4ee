from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.smtp import SmtpServer, smtp_server


def pytest_sessionstart(session: pytest.Session) -> None:
    # .mo files are build output, not in git: compile the missing or outdated ones (no gettext).
    from awaz.core.catalogs.compiling import compile_catalogs

    compile_catalogs([Path(__file__).resolve().parent / "locale"])


@pytest.fixture(scope="session", autouse=True)
def _collected_static(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Static files as production names them (hashed, compressed), collected afresh. The live
    # server's static handler looks files up through the finders, so it gets the collected
    # folder as one more place to look.
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        with override_settings(STATICFILES_DIRS=[root]):
            yield


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpServer]:
    """A real SMTP server; Django's default mailer sends to it for the test."""
    from awaz.core import mailer

    with smtp_server() as server:
        settings.MAILERS = server.mailers_setting()
        mailer.close()
        yield server
        mailer.close()


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    # Each test starts with nothing cached (pages, form stamps, rate limits).
    from django.core.cache import cache

    cache.clear()
    yield
