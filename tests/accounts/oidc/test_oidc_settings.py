"""OIDC_PROVIDERS: the JSON list an operator sets, turned into django-allauth apps."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import oidc_apps

ROOT = Path(__file__).resolve().parents[3]

ASAN = {
    "id": "asan-imza",
    "name": "ASAN İmza",
    "server_url": "https://oidc.asan.example.az",
    "client_id": "ferdi-pencere",
    "secret": "asan-secret",
}
E_IMZA = {
    "id": "e-imza",
    "name": "e-İmza",
    "server_url": "https://sso.e-imza.example.az/realms/main",
    "client_id": "ferdi-pencere",
    "secret": "e-imza-secret",
}


def providers_json(*entries) -> str:
    return json.dumps(list(entries), ensure_ascii=False)


def test_entries_become_allauth_apps():
    apps = oidc_apps(providers_json(ASAN, E_IMZA))

    assert apps == [
        {
            "provider_id": "asan-imza",
            "name": "ASAN İmza",
            "client_id": "ferdi-pencere",
            "secret": "asan-secret",
            "settings": {"server_url": "https://oidc.asan.example.az"},
        },
        {
            "provider_id": "e-imza",
            "name": "e-İmza",
            "client_id": "ferdi-pencere",
            "secret": "e-imza-secret",
            "settings": {"server_url": "https://sso.e-imza.example.az/realms/main"},
        },
    ]


@pytest.mark.parametrize("raw", ["", "   ", "[]"])
def test_empty_value_offers_no_provider(raw):
    assert oidc_apps(raw) == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[{", "OIDC_PROVIDERS is not valid JSON"),
        ("asan-imza", "OIDC_PROVIDERS is not valid JSON"),
        (json.dumps(ASAN), "OIDC_PROVIDERS must be a JSON list of provider objects."),
        ('"asan-imza"', "OIDC_PROVIDERS must be a JSON list of provider objects."),
        ("null", "OIDC_PROVIDERS must be a JSON list of provider objects."),
        (providers_json("asan-imza"), "OIDC_PROVIDERS entry 1 lacks id, name, server_url, client_id, secret."),
        (providers_json(ASAN, {**E_IMZA, "secret": ""}), "OIDC_PROVIDERS entry 2 lacks secret."),
        (
            providers_json({key: value for key, value in ASAN.items() if key not in {"client_id", "server_url"}}),
            "OIDC_PROVIDERS entry 1 lacks server_url, client_id.",
        ),
    ],
)
def test_malformed_value_names_variable(raw, message):
    with pytest.raises(ImproperlyConfigured) as raised:
        oidc_apps(raw)

    assert str(raised.value).startswith(message)


@pytest.mark.parametrize("provider_id", ["ASAN", "asan_imza", "asan/imza", "-asan", "asan imza", "a" * 41])
def test_bad_id_is_rejected(provider_id):
    with pytest.raises(ImproperlyConfigured) as raised:
        oidc_apps(providers_json({**ASAN, "id": provider_id}))

    assert str(raised.value) == "OIDC_PROVIDERS entry 1: id may hold only a-z, 0-9 and hyphens."


def test_longest_id_is_accepted():
    apps = oidc_apps(providers_json({**ASAN, "id": "a" * 40}))

    assert apps[0]["provider_id"] == "a" * 40


@pytest.mark.parametrize("key", ["id", "name", "server_url", "client_id", "secret"])
def test_non_string_value_is_rejected(key):
    with pytest.raises(ImproperlyConfigured) as raised:
        oidc_apps(providers_json({**ASAN, key: 42}))

    assert str(raised.value) == f"OIDC_PROVIDERS entry 1: {key} must be a string."


def test_duplicate_id_is_rejected():
    # Two apps with one id make every sign-in through that id fail.
    with pytest.raises(ImproperlyConfigured) as raised:
        oidc_apps(providers_json(ASAN, {**E_IMZA, "id": "asan-imza"}))

    assert str(raised.value) == "OIDC_PROVIDERS entry 2: id 'asan-imza' is already used by an earlier entry."


def run_with_oidc_providers(value: str, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "OIDC_PROVIDERS": value}
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_environment_variable_reaches_allauth():
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.SOCIALACCOUNT_PROVIDERS['openid_connect']))"
    )

    result = run_with_oidc_providers(providers_json(ASAN), "shell", "--no-imports", "-c", code)

    assert result.returncode == 0, result.stderr
    configuration = json.loads(result.stdout.strip().splitlines()[-1])
    assert configuration["OAUTH_PKCE_ENABLED"] is True
    assert [app["provider_id"] for app in configuration["APPS"]] == ["asan-imza"]
    assert configuration["APPS"][0]["settings"] == {"server_url": "https://oidc.asan.example.az"}


def test_malformed_environment_variable_fails_check():
    result = run_with_oidc_providers("[{", "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured: OIDC_PROVIDERS is not valid JSON" in result.stderr
