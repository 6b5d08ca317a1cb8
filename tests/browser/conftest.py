"""A real site for the browser tests: its own SQLite database, loaded with the
shipped content by ``load_content``, served by ``runserver`` on a free port,
and Debian's Chromium driven by Playwright.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Flags that keep Chromium from reaching for Google's services, which this
# closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def outbox(tmp_path_factory) -> Path:
    """The folder where the test site writes the e-mails it sends."""
    return tmp_path_factory.mktemp("outbox")


@pytest.fixture(scope="session")
def site_url(tmp_path_factory, outbox):
    database = tmp_path_factory.mktemp("site") / "site.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "EMAIL_FILE_PATH": str(outbox),
        # Uploads and sample documents stay out of the repository's folders.
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "PRIVATE_MEDIA_ROOT": str(tmp_path_factory.mktemp("private")),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_content"], cwd=ROOT, env=env, check=True, capture_output=True)

    port = free_port()
    env["SITE_BASE_URL"] = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"The test site did not start on {url}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; run scripts/install-browser-deps.")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(params=[360, 1280], ids=["phone", "desktop"])
def page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    page = context.new_page()
    page.viewport_width = request.param
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}-{page.viewport_width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def audit(page) -> list[dict]:
    """Run axe-core on the page and return the serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": violation["id"], "impact": violation["impact"], "nodes": len(violation["nodes"])}
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
