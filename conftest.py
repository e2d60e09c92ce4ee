from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.smtp import SmtpServer, smtp_server


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
