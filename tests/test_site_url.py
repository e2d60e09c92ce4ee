"""The public address a newcomer gets: `PORT=8080 make run` links to 8080 unless SITE_URL says
otherwise, and `make run` compiles the catalogs before its first migration (which would warn)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _site_url(**environment: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT", "HOST"}}
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings")
    code = "import django; django.setup(); from django.conf import settings as s; print(s.SITE_URL)"
    done = subprocess.run(  # noqa: S603 - our own interpreter, a fixed program
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8080"}, "http://127.0.0.1:8080"),
        ({"PORT": "8080", "HOST": "0.0.0.0"}, "http://127.0.0.1:8080"),  # noqa: S104
        ({"PORT": "8080", "SITE_URL": "https://awaz.example/"}, "https://awaz.example"),
    ],
)
def test_the_public_address_follows_the_port_unless_site_url_is_set(environment, expected):
    assert _site_url(**environment) == expected


def test_make_run_compiles_catalogs_before_the_first_migration():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nrun: ", 1)[1].split("\n\n", 1)[0]
    steps = re.findall(r"\$\(MANAGE\) (\w+)", recipe)
    assert steps.index("compile_catalogs") < steps.index("migrate")
