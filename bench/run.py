"""Benchmarks of the legal-acts library. Prints figures; asserts nothing.

    python bench/run.py            # everything (about two minutes)

1. Import of the whole shipped corpus into a fresh SQLite database, timed.
2. Server time of an article page against a static file served by the same
   gunicorn process (ratio of medians), over loopback.
3. HTML size of the largest act's pages (the Civil Code).
4. SQL queries of the list, act and article pages, with a small library and
   with the whole corpus loaded, and for a small act against the largest.
"""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="bench-"))
DATABASE = WORK / "bench.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"

REQUESTS = 200
ARTICLE = "/qanunlar/mulki-mecelle/madde-1/"
STATIC = "/static/css/site.css"


def manage(*arguments, capture=True):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=os.environ,
        check=True,
        capture_output=capture,
        text=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def timed_get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
    return time.perf_counter() - started


def bench_import():
    manage("migrate", "--no-input", "-v", "0")
    from django import setup

    setup()
    from cms.home import setup as site_setup

    locales = site_setup.ensure_locales()
    site_setup.ensure_site_tree(locales)

    started = time.perf_counter()
    manage("import_legal_acts")
    first = time.perf_counter() - started

    started = time.perf_counter()
    manage("import_legal_acts")
    second = time.perf_counter() - started
    print(f"import: whole corpus {first:.1f} s on SQLite (target <= 60 s); second run {second:.1f} s")


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "bench-" + "x" * 60,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "STATIC_ROOT": str(WORK / "static"),
}


def median_ms(url: str, headers: dict | None = None) -> float:
    request = urllib.request.Request(url, headers=headers or {})
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def bench_server():
    env = {**os.environ, **PRODUCTION_ENV}
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT, env=env, check=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    # A session cookie makes the page cache step aside, as it does for signed-in users.
    uncached = {"Cookie": "sessionid=bench"}
    try:
        for _ in range(100):
            try:
                timed_get(base + STATIC)
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(20):  # warm up imports, template caches and the page cache
            timed_get(base + ARTICLE)
            timed_get(base + STATIC)

        static_ms = median_ms(base + STATIC)
        cached_ms = median_ms(base + ARTICLE)
        uncached_ms = median_ms(base + ARTICLE, uncached)
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"server: gunicorn, 1 worker, production settings, {REQUESTS} sequential requests each, medians")
    print(f"  static file (site.css)          {static_ms:6.2f} ms  1.00x")
    print(f"  article page, anonymous reader  {cached_ms:6.2f} ms  {cached_ms / static_ms:.2f}x (target <= 3)")
    print(f"  article page, page cache off    {uncached_ms:6.2f} ms  {uncached_ms / static_ms:.2f}x")


def bench_sizes_and_queries():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from django.conf import settings

    from cms.legal.models import LegalAct

    # Count the queries of rendering, not of the page cache.
    settings.PUBLIC_PAGE_CACHE = False
    client = Client()
    civil = LegalAct.objects.get(slug="mulki-mecelle")
    provisions = civil.current_version.provisions.all()
    longest = max(provisions, key=lambda provision: len(provision.text))
    division = civil.current_version.divisions.first()

    pages = {
        "list": "/qanunlar/",
        "act (Civil Code)": "/qanunlar/mulki-mecelle/",
        f"division ({division.slug})": f"/qanunlar/mulki-mecelle/{division.slug}/",
        "article 1": ARTICLE,
        f"longest article ({longest.number}, {len(longest.text)} chars)": f"/qanunlar/mulki-mecelle/{longest.slug}/",
        "act (small: decision 339)": "/qanunlar/nk-qerari-339-2015-xarici-donorlarin-qrant-huququ/",
        "article (small act)": "/qanunlar/nk-qerari-339-2015-xarici-donorlarin-qrant-huququ/bend-1-1/",
        "print view (Civil Code)": "/qanunlar/mulki-mecelle/cap/",
    }
    print("pages (Civil Code has %d articles):" % provisions.count())
    sizes = []
    for provision in provisions:
        response = client.get(f"/qanunlar/mulki-mecelle/{provision.slug}/", HTTP_HOST="127.0.0.1")
        sizes.append((len(response.content), provision.number))
    sizes.sort()
    largest_size, largest_number = sizes[-1]
    print(
        f"  every Civil Code article page: median {sizes[len(sizes) // 2][0] / 1024:.1f} KB, "
        f"largest {largest_size / 1024:.1f} KB (article {largest_number}; target <= 50 KB)"
    )
    for label, path in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST="127.0.0.1")
        size = len(response.content)
        print(f"  {label:55} {response.status_code}  {size / 1024:7.1f} KB  {len(queries.captured_queries):3d} queries")


if __name__ == "__main__":
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, database {DATABASE}")
    bench_import()
    bench_server()
    bench_sizes_and_queries()
