"""`manage.py check --deploy --fail-level WARNING` passes on production settings.

Run in a fresh process, because settings are read from the environment once, at start-up.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def check_deploy(tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {
        name: value
        for name, value in os.environ.items()
        # Only what the test gives: none of the developer's own settings.
        if not name.startswith(("AWAZ_", "DJANGO_", "EMAIL_", "ONION_", "SECURE_"))
        and name not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
    }
    env.update(AWAZ_VAR_DIR=str(tmp_path), **environment)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "AWAZ_HTTPS": "1",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "awaz.example",
    "DEBUG": "0",
    "EMAIL_URL": "smtp://awaz:secret@mail.example:587?tls=1",
}


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = check_deploy(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_leaving_the_domain_off_the_preload_list_is_a_recorded_decision(tmp_path):
    result = check_deploy(tmp_path, **PRODUCTION, AWAZ_HSTS_PRELOAD="0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (1 silenced)" in result.stdout


def test_the_check_fails_without_https(tmp_path):
    result = check_deploy(tmp_path, **{**PRODUCTION, "AWAZ_HTTPS": "0"})
    assert result.returncode == 1
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_the_check_fails_when_mail_would_be_written_to_the_log(tmp_path):
    # Without EMAIL_URL, e-mails (addresses, confirmation links) would go to the console log.
    result = check_deploy(tmp_path, **{**PRODUCTION, "EMAIL_URL": ""})
    assert result.returncode == 1
    assert "mail.E001" in result.stderr
