"""Production settings pass Django's deployment checks, and refuse to start without a secret."""

import os
import subprocess
import sys

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "SECRET_KEY": "t" * 20 + "Zq8#kP2!vL9@xW4$mN7%bR1^cJ6&hF3*",
    "ALLOWED_HOSTS": "berdaya.example.go.id",
    "CSRF_TRUSTED_ORIGINS": "https://berdaya.example.go.id",
    "BERDAYA_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",  # behind the TLS proxy (README)
}


def run_berdaya(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "-m", "berdaya", *args],
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_berdaya("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = PRODUCTION_ENV | {"SECRET_KEY": ""}
    result = run_berdaya("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY harus diisi" in result.stderr


def test_no_secret_is_committed_in_settings():
    from pathlib import Path

    settings_text = (Path(__file__).resolve().parents[1] / "berdaya" / "settings.py").read_text()
    assert "dev-only-insecure-key" in settings_text  # the only key in the repo is the labelled dev key
    assert "SECRET_KEY = os.environ" in settings_text
