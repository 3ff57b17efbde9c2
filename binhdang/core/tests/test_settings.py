"""Production differs from development by environment values only: with DEBUG=0 and a
secret key, and nothing else set, the deployment check passes."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ONLY = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS")


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ONLY}
    # pytest-django's settings module variable would be inherited otherwise; manage.py
    # sets its own.
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_check_without_allowed_hosts():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_secret_key_says_what_is_missing():
    result = _manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr
    assert "RuntimeError" not in result.stderr


def test_both_modes_allow_the_local_host_names_by_default():
    show = "from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    for env in ({"DEBUG": "1"}, {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)}):
        result = _manage("shell", "--verbosity", "0", "-c", show, **env)
        assert result.stdout.strip().splitlines()[-1] == "['127.0.0.1', 'localhost']", result.stderr
