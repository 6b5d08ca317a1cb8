"""Production settings refuse to start without their required values, and pass the deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz!@#$%"


def run_manage(*arguments, **environment):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEMO_MODE"}}
    env.update(environment)
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_requires_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="e-pencere.example.az")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_requires_allowed_hosts():
    result = run_manage("check", SECRET_KEY=GOOD_KEY)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_refuses_demo_mode():
    result = run_manage("check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="e-pencere.example.az", DEMO_MODE="true")

    assert result.returncode != 0
    assert "DEMO_MODE must be off" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="e-pencere.example.az"
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_malformed_boolean_is_rejected():
    result = run_manage("check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="e-pencere.example.az", DEBUG="maybe")

    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


@pytest.mark.parametrize("variable", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "ELASTICSEARCH_URL", "REDIS_URL"])
def test_environment_variable_declared_once(variable):
    settings_dir = ROOT / "cms" / "settings"
    reads = [
        path.name
        for path in settings_dir.glob("*.py")
        for line in path.read_text().splitlines()
        if f'env_str("{variable}"' in line or f'env_list("{variable}"' in line
    ]

    assert reads == ["base.py"]
