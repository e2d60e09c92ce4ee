import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

from tests.smtp import SmtpServer, smtp_server

STATIC_ROOT = pytest.StashKey[str]()

# Property tests and the fuzz targets' test run: a short profile for `make test` and every plain
# pytest run, a long one for `make fuzz` (HYPOTHESIS_PROFILE=long). Tests name no example count
# of their own, so the profile decides. No .hypothesis folder in the work tree (database=None).
hypothesis_settings.register_profile("short", max_examples=50, deadline=None, database=None)
hypothesis_settings.register_profile("long", max_examples=2000, deadline=None, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))

# Argon2 is slow on purpose; tests hash with MD5 (tests of the hashing itself ask for Argon2:
# the `argon2_passwords` fixture). Hashes made outside the test process still verify.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_sessionstart(session: pytest.Session) -> None:
    # Under pytest-xdist this runs in the controller first, then in each worker: the controller
    # does the work once, before it starts the workers, and the workers use what it made.
    if hasattr(session.config, "workerinput"):
        return
    # .mo files are build output, not in git: compile the missing or outdated ones (no gettext).
    # Each .mo is written whole and renamed into place, so a reader never sees half of one.
    from awaz.i18n.catalogs.compiling import compile_catalogs

    compile_catalogs([Path(__file__).resolve().parent / "locale"])
    if session.config.option.collectonly:
        return
    # Static files as production names them (hashed, compressed), collected afresh, once per
    # run: compressing them costs seconds of CPU.
    root = Path(tempfile.mkdtemp(prefix="awaz-test-static-"))
    session.config.stash[STATIC_ROOT] = str(root)
    with override_settings(STATIC_ROOT=root), warnings.catch_warnings():
        warnings.simplefilter("error")  # as in the tests
        call_command("collectstatic", interactive=False, verbosity=0)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput") and STATIC_ROOT in session.config.stash:
        shutil.rmtree(session.config.stash[STATIC_ROOT], ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    # pytest-xdist, in the controller: tell each worker where the static files are.
    node.workerinput["awaz_static_root"] = node.config.stash.get(STATIC_ROOT, "")


# Under pytest-xdist each worker takes the next test as it finishes one, browser tests included:
# each worker starts its own Chromium and HTML checker when it first needs them. (An earlier hook
# here meant to keep the browser tests on one worker; it ran after pytest-xdist had read the
# groups, so it never did.)


@pytest.fixture(scope="session")
def _production_password_hashers() -> list[str]:
    from django.conf import settings

    return list(settings.PASSWORD_HASHERS)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing(_production_password_hashers: list[str]) -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS + _production_password_hashers):
        yield


@pytest.fixture
def argon2_passwords(settings: Any, _production_password_hashers: list[str]) -> None:
    """Passwords hashed as in production (Argon2), for the tests of the hashing itself."""
    settings.PASSWORD_HASHERS = _production_password_hashers


@pytest.fixture(scope="session", autouse=True)
def _collected_static(pytestconfig: pytest.Config) -> Iterator[None]:
    # The live server's static handler looks files up through the finders, so it gets the
    # collected folder (pytest_sessionstart) as one more place to look.
    workerinput = getattr(pytestconfig, "workerinput", None)
    root = workerinput["awaz_static_root"] if workerinput else pytestconfig.stash[STATIC_ROOT]
    with override_settings(STATIC_ROOT=root, STATICFILES_DIRS=[root]):
        yield


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpServer]:
    """A real SMTP server; Django's default mailer sends to it for the test."""
    from awaz.jobs import mailer

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


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # Each test starts in the default language: a test that activates one (a Turkish page, a
    # rendered e-mail) must not change the addresses the next test on this worker reverses.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
