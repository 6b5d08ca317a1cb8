"""Typed readers for environment variables.

Each variable the project reads is declared once, in ``cms.settings.base``,
through one of these functions, so its type and default sit in one place.
A malformed value raises ``ImproperlyConfigured`` naming the variable.
"""

import json
import os
import re

from django.core.exceptions import ImproperlyConfigured

OIDC_KEYS = ("id", "name", "server_url", "client_id", "secret")
OIDC_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default

    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use true or false.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default

    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """Read a comma-separated list, dropping blanks."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def oidc_apps(raw: str) -> list[dict]:
    """Turn the OIDC_PROVIDERS JSON list into django-allauth app entries.

    Each provider needs ``id`` (letters, digits and hyphens; it appears in
    URLs), ``name`` (shown on the sign-in button), ``server_url`` (the issuer),
    ``client_id`` and ``secret``.
    """
    if not raw.strip():
        return []

    try:
        providers = json.loads(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"OIDC_PROVIDERS is not valid JSON: {error}") from None
    if not isinstance(providers, list):
        raise ImproperlyConfigured("OIDC_PROVIDERS must be a JSON list of provider objects.")

    apps = []
    for number, provider in enumerate(providers, start=1):
        missing = [key for key in OIDC_KEYS if not isinstance(provider, dict) or not provider.get(key)]
        if missing:
            raise ImproperlyConfigured(f"OIDC_PROVIDERS entry {number} lacks {', '.join(missing)}.")
        for key in OIDC_KEYS:
            if not isinstance(provider[key], str):
                raise ImproperlyConfigured(f"OIDC_PROVIDERS entry {number}: {key} must be a string.")
        if not provider["server_url"].startswith(("https://", "http://")):
            raise ImproperlyConfigured(f"OIDC_PROVIDERS entry {number}: server_url must start with https://.")
        if not OIDC_ID.fullmatch(provider["id"]):
            raise ImproperlyConfigured(f"OIDC_PROVIDERS entry {number}: id may hold only a-z, 0-9 and hyphens.")
        # django-allauth finds an app by its id, and fails every sign-in
        # through an id that two apps share.
        if any(app["provider_id"] == provider["id"] for app in apps):
            raise ImproperlyConfigured(
                f"OIDC_PROVIDERS entry {number}: id {provider['id']!r} is already used by an earlier entry."
            )
        apps.append(
            {
                "provider_id": provider["id"],
                "name": provider["name"],
                "client_id": provider["client_id"],
                "secret": provider["secret"],
                "settings": {"server_url": provider["server_url"]},
            }
        )
    return apps
