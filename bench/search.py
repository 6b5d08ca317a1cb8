"""Search benchmark: our engine against Wagtail's default database search. Prints figures only.

    python bench/search.py                   # everything, about ten minutes
    python bench/search.py --skip-baseline   # without Wagtail's search, about a minute

On a fresh SQLite database with the whole shipped corpus it measures:
1. the time to build our index (rebuild_search_index) and Wagtail's (its database backend);
2. per-query latency over the relevance set (tests/search/relevance.json), every query run
   RUNS times, through our engine and through Wagtail's search with the AND and the OR operator;
3. recall@5 of each on the same queries;
4. a trivial API request (one small query) through the same in-process client, as the
   yardstick for the search API's own latency. Search and trivial requests alternate,
   so both meet the same load on the machine.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="bench-search-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"

RUNS = 100
# Runs of each query through the API, each paired with one trivial request.
API_RUNS = 10
# Requests of both kinds made before timing, so one-off costs (imports, first queries) are not counted.
WARM_UP_QUERIES = 5
# Wagtail's search takes hundreds of milliseconds a query, so the baseline runs fewer times.
BASELINE_RUNS = 1
RELEVANCE = json.loads((ROOT / "tests" / "search" / "relevance.json").read_text(encoding="utf-8"))


def manage(*arguments):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *arguments], cwd=ROOT, check=True, capture_output=True)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def measure(name: str, search, runs: int = RUNS) -> dict:
    """Run every relevance query ``runs`` times through ``search(query) -> [(act slug, number)]``."""
    latencies, hits = [], 0
    for case in RELEVANCE:
        found = []
        for _ in range(runs):
            seconds, found = timed(lambda: search(case["query"]))
            latencies.append(seconds * 1000)
        hits += (case["act"], case["number"]) in found or (case["act"], None) in found
    return {
        "name": name,
        "recall": hits / len(RELEVANCE),
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
    }


def main():
    manage("migrate", "--no-input", "-v", "0")
    manage("load_content")

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from wagtail.search.backends import get_search_backend

    from cms.legal.models import LegalAct, Provision
    from search.engines import get_engine
    from search.indexing import rebuild
    from search.query import parse_query

    settings.PUBLIC_PAGE_CACHE = False
    settings.ALLOWED_HOSTS = ["*"]
    # The anonymous rate limit would reject most benchmark requests with 429.
    from rest_framework.throttling import AnonRateThrottle

    AnonRateThrottle.allow_request = lambda self, request, view: True

    ours_build, entries = timed(rebuild)
    backend = get_search_backend()
    current = Provision.objects.filter(version_id__in=LegalAct.objects.values("current_version_id"))
    wagtail_build, _ = timed(lambda: backend.add_bulk(Provision, list(current)))
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, SQLite, {len(RELEVANCE)} queries, "
        f"{RUNS} runs each (Wagtail baseline {BASELINE_RUNS})"
    )
    print(f"index build: ours {ours_build:.1f} s ({entries} entries); Wagtail database backend {wagtail_build:.1f} s")

    engine = get_engine()

    def ours(text):
        results = engine.search(parse_query(text, limit=5))
        return [(entry.act.slug, entry.provision.number if entry.provision else None) for entry in results.entries]

    failures = {"and": 0, "or": 0}

    def wagtail(operator):
        def search(text):
            try:
                results = backend.search(text, current.select_related("version__act"), operator=operator)[:5]
                return [(provision.version.act.slug, provision.number) for provision in results]
            except Exception:  # Wagtail passes some queries to FTS5 unescaped; count them as misses
                failures[operator] += 1
                return []

        return search

    rows = [measure("ours", ours)]
    if "--skip-baseline" not in sys.argv:
        rows += [
            measure("Wagtail, AND", wagtail("and"), BASELINE_RUNS),
            measure("Wagtail, OR", wagtail("or"), BASELINE_RUNS),
        ]
    base_p95 = rows[0]["p95"]
    print(f"{'engine':14} {'recall@5':>8} {'p50 ms':>8} {'p95 ms':>8} {'p95 vs ours':>12}")
    for row in rows:
        print(
            f"{row['name']:14} {row['recall']:8.1%} {row['p50']:8.2f} {row['p95']:8.2f} {row['p95'] / base_p95:11.1f}x"
        )

    print(f"Wagtail queries that raised a database error: AND {failures['and']}, OR {failures['or']} (all runs)")

    report_api(Client())


def api_latencies(client) -> tuple[list[float], list[float]]:
    """Time search requests and the trivial request in turn, so both meet the same load on the machine."""

    def trivial_request():
        return client.get("/api/v1/legal-acts/", {"type": "constitution"})

    for case in RELEVANCE[:WARM_UP_QUERIES]:
        trivial_request()
        client.get("/api/v1/search/", {"q": case["query"]})

    trivial, search = [], []
    for case in RELEVANCE:
        for _ in range(API_RUNS):
            trivial.append(timed(trivial_request)[0] * 1000)
            search.append(timed(lambda case=case: client.get("/api/v1/search/", {"q": case["query"]}))[0] * 1000)
    return trivial, search


def report_api(client) -> None:
    trivial, search = api_latencies(client)
    for name, fraction in (("p50", 0.5), ("p95", 0.95)):
        print(
            f"API {name}: trivial request {percentile(trivial, fraction):.2f} ms; "
            f"search request {percentile(search, fraction):.2f} ms "
            f"({percentile(search, fraction) / percentile(trivial, fraction):.2f}x)"
        )
    print("API target: search p95 <= 2x the trivial request's p95")


if __name__ == "__main__":
    main()
