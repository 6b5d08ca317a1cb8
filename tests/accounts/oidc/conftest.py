"""A real OpenID Connect provider on 127.0.0.1 (``provider.mjs``, built on the
npm package oidc-provider) and settings that offer it on the sign-in page.

The national providers (ASAN İmza, e-İmza) cannot be reached from a test
machine, so this provider plays their part: the site discovers it, sends the
person to its sign-in page and exchanges the code with it over HTTP.
"""

import copy
import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from cms.settings.env import oidc_apps

from .provider_data import CALLBACK_URLS, CLIENT_ID, CLIENT_SECRET, PEOPLE, PROVIDER_ID, PROVIDER_NAME

ROOT = Path(__file__).resolve().parents[3]
PROVIDER_SCRIPT = Path(__file__).with_name("provider.mjs")
PROVIDER_PACKAGE = ROOT / "node_modules" / "oidc-provider" / "package.json"
START_TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class ProviderConfig:
    issuer: str
    provider_id: str
    name: str
    client_id: str
    secret: str

    def oidc_providers_json(self) -> str:
        """Return the OIDC_PROVIDERS value an operator would set for this provider."""
        entry = {
            "id": self.provider_id,
            "name": self.name,
            "server_url": self.issuer,
            "client_id": self.client_id,
            "secret": self.secret,
        }
        return json.dumps([entry], ensure_ascii=False)


def skip_unless_node_installed() -> None:
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed; run ./scripts/install-test-deps (make test does).")
    if not PROVIDER_PACKAGE.exists():
        pytest.skip("node_modules/oidc-provider is missing; run ./scripts/install-test-deps (make test does).")


def read_issuer(process: subprocess.Popen, log_path: Path) -> str:
    """Wait for the provider's "listening on <issuer>" line and return the issuer."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], deadline - time.monotonic())
        if not ready:
            break
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith("listening on "):
            return line.removeprefix("listening on ").strip()

    process.kill()
    exit_code = process.wait()
    pytest.fail(
        f"The test OIDC provider did not report its issuer within {START_TIMEOUT_SECONDS} s "
        f"(exit code {exit_code}, or -9 if it was still running and killed). Its stderr:\n{log_path.read_text()}"
    )


def wait_for_discovery(issuer: str, log_path: Path) -> None:
    url = f"{issuer}/.well-known/openid-configuration"
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    with requests.Session() as session:
        session.trust_env = False  # no proxy from the environment for 127.0.0.1
        while time.monotonic() < deadline:
            try:
                if session.get(url, timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
    pytest.fail(f"{url} did not return 200 within {START_TIMEOUT_SECONDS} s:\n{log_path.read_text()}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """Run provider.mjs on a free port for the whole session and return its configuration."""
    skip_unless_node_installed()

    log_path = tmp_path_factory.mktemp("oidc-provider") / "stderr.log"
    environment = {
        **os.environ,
        "OIDC_TEST_CLIENT_ID": CLIENT_ID,
        "OIDC_TEST_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_TEST_REDIRECT_URIS": " ".join(CALLBACK_URLS),
        "OIDC_TEST_ACCOUNTS": json.dumps([person.as_json() for person in PEOPLE]),
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["node", str(PROVIDER_SCRIPT), "0"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )

    try:
        issuer = read_issuer(process, log_path)
        wait_for_discovery(issuer, log_path)
        yield ProviderConfig(
            issuer=issuer, provider_id=PROVIDER_ID, name=PROVIDER_NAME, client_id=CLIENT_ID, secret=CLIENT_SECRET
        )
    finally:
        stop(process)


@pytest.fixture
def oidc_settings(settings, monkeypatch, oidc_provider):
    """Offer the test provider, configured the way production reads OIDC_PROVIDERS."""
    providers = copy.deepcopy(settings.SOCIALACCOUNT_PROVIDERS)
    providers["openid_connect"]["APPS"] = oidc_apps(oidc_provider.oidc_providers_json())
    settings.SOCIALACCOUNT_PROVIDERS = providers

    # The site calls the provider through requests, which would send
    # 127.0.0.1 to a proxy named in HTTP_PROXY unless NO_PROXY lists it.
    no_proxy = ",".join(filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1"]))
    monkeypatch.setenv("NO_PROXY", no_proxy)
    return oidc_provider


@pytest.fixture
def no_oidc_settings(settings):
    """Offer no OpenID Connect provider, as with an empty OIDC_PROVIDERS."""
    providers = copy.deepcopy(settings.SOCIALACCOUNT_PROVIDERS)
    providers["openid_connect"]["APPS"] = oidc_apps("")
    settings.SOCIALACCOUNT_PROVIDERS = providers


@pytest.fixture
def browser():
    """The person's browser at the provider, while the Django test client plays it at the site."""
    with requests.Session() as session:
        yield session
