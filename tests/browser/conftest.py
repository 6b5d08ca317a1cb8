"""A real site for the browser tests: its own SQLite database, loaded with the
shipped content by ``load_content``, served by ``runserver`` on a free port
with the notification worker (``db_worker``) beside it, and Debian's Chromium
driven by Playwright.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
MANAGE = [sys.executable, str(ROOT / "manage.py")]
# The same command as ``make run``. The worker polls the queue every second.
WORKER = ["db_worker", "--backend", "notifications", "--no-reload"]

# Flags that keep Chromium from reaching for Google's services, which this
# closed network refuses, and from looking up any host but the test site's:
# Wagtail's admin, for one, loads avatars from gravatar.com.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
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
def site_env(tmp_path_factory, outbox) -> dict:
    """The environment of the test site's ``manage.py`` commands, those of tests included.

    site_url adds SITE_BASE_URL for the server and the worker, once it has a port.
    """
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
    return env


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    with log.open("wb") as output:
        # The child keeps its own copy of the file descriptor.
        return subprocess.Popen([*MANAGE, *command], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> None:
    """Stop a process of the site with SIGTERM, which lets the worker finish its task, or SIGKILL after 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_serving(url: str, server: subprocess.Popen, log: Path) -> None:
    for _ in range(100):
        if server.poll() is not None:
            raise RuntimeError(f"The test site exited with {server.returncode}:\n{log.read_text(errors='replace')}")
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The test site did not start on {url}")


@pytest.fixture(scope="session")
def site_url(tmp_path_factory, site_env):
    logs = tmp_path_factory.mktemp("logs")
    subprocess.run([*MANAGE, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=site_env, check=True)
    subprocess.run([*MANAGE, "load_content"], cwd=ROOT, env=site_env, check=True, capture_output=True)

    # The demo filings that load_content makes queue e-mails to the demo
    # people. They are sent into a folder of their own, so that the outbox
    # contains only the e-mails the tests cause.
    demo_outbox = tmp_path_factory.mktemp("demo-outbox")
    subprocess.run(
        [*MANAGE, *WORKER, "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env={**site_env, "EMAIL_FILE_PATH": str(demo_outbox)},
        check=True,
        capture_output=True,
    )

    # The port is chosen right before the server binds it, which leaves
    # other processes little time to take it.
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**site_env, "SITE_BASE_URL": url}
    with ExitStack() as processes:
        server = start(["runserver", "--noreload", f"127.0.0.1:{port}"], env, logs / "runserver.log")
        processes.callback(stop, server)
        worker = start(WORKER, env, logs / "worker.log")
        processes.callback(stop, worker)

        wait_until_serving(url, server, logs / "runserver.log")
        if worker.poll() is not None:
            log = (logs / "worker.log").read_text(errors="replace")
            raise RuntimeError(f"The notification worker exited with {worker.returncode}:\n{log}")
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; run scripts/install-test-deps.")
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
