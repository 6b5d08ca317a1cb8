"""Upload benchmark: a 5 MB PDF through an e-service step. Prints figures; asserts nothing.

    python bench/submission.py      # about a minute, most of it collectstatic

On a fresh SQLite database with the test suite's three-step service
(tests/eservices/conftest.py), one organization and a signed-in member:

1. Server: gunicorn, 1 sync worker, production settings, over loopback. The
   file step is posted RUNS times without a file (the stored file stays: the
   baseline) and RUNS times with a new 5 MB PDF, which Django receives as a
   TemporaryUploadedFile because it exceeds FILE_UPLOAD_MAX_MEMORY_SIZE.
   Printed: the median wall time of each as seen by the client, their ratio,
   and the worker's peak resident memory (VmHWM in /proc/<pid>/status) after
   the baseline posts and after the uploads.
2. In process: UploadField.clean + store() on a 5 MB TemporaryUploadedFile,
   against one chunked read of the same file as the yardstick. Printed: the
   median times, their ratio, and the peak of Python allocations
   (tracemalloc) during one run.
"""

import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="bench-submission-"))
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "bench-" + "x" * 60,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
    "STATIC_ROOT": str(WORK / "static"),
    "MEDIA_ROOT": str(WORK / "media"),
    "PRIVATE_MEDIA_ROOT": str(WORK / "private"),
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENVIRONMENT)

RUNS = 20
MEGABYTE = 1024 * 1024
UPLOAD_BYTES = 5 * MEGABYTE
EMAIL = "bench@example.az"
PASSWORD = "Qırmızı-Alma-2026"
FILE_FIELD = "qrant_muqavilesi"


def manage(*arguments):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments], cwd=ROOT, check=True, capture_output=True
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- Data ---------------------------------------------------------------------


def prepare_database() -> str:
    """Create the site, the service and a filing whose file step is next; return that step's path."""
    manage("migrate", "--no-input", "-v", "0")
    manage("collectstatic", "--no-input", "-v", "0")

    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cms.home import setup as site_setup
    from forms.models import Filing
    from forms.uploads import describe, store
    from tests.accounts.people import make_person
    from tests.eservices import files
    from tests.eservices.conftest import SERVICE_PATH, make_organization, make_service_page

    site_setup.ensure_site_tree(site_setup.ensure_locales())
    page = make_service_page()
    page.save_revision().publish()
    member = make_person(EMAIL, password=PASSWORD)
    organization = make_organization(member, "Gənclər Birliyi", "1400057421")

    filing = Filing.objects.create(page=page, organization=organization, created_by=member, completed_step=2)
    first = store(filing, FILE_FIELD, SimpleUploadedFile("ilk.pdf", files.pdf_bytes()), member)
    filing.form_data = {FILE_FIELD: describe(first)}
    filing.save()
    return f"{SERVICE_PATH}{filing.pk}/addim-3/"


# --- A client that keeps cookies over plain HTTP -------------------------------
# Production settings mark cookies Secure, which http.cookiejar would then
# withhold over http://, so cookies are kept by hand.


class Browser:
    def __init__(self, port: int):
        self.port = port
        self.cookies = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sent_headers = {"Accept-Language": "az", **(headers or {})}
        if self.cookies:
            sent_headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection.request(method, path, body=body, headers=sent_headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response.headers, content

    def post(self, path: str, fields: dict, upload: tuple[str, str, bytes] | None = None):
        body, content_type = multipart({**fields, "csrfmiddlewaretoken": self.cookies["csrftoken"]}, upload)
        return self.request("POST", path, body, {"Content-Type": content_type})


def multipart(fields: dict, upload: tuple[str, str, bytes] | None) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    if upload is not None:
        name, file_name, data = upload
        header = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(header.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# --- Server -------------------------------------------------------------------


def worker_pid(master_pid: int) -> int:
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            return int(entry.name)
    raise RuntimeError(f"gunicorn {master_pid} has no worker")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def wait_until_up(browser: Browser) -> None:
    for _attempt in range(200):
        try:
            browser.request("GET", "/hesab/login/")
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def sign_in(browser: Browser) -> None:
    browser.request("GET", "/hesab/login/")
    status, headers, _content = browser.post("/hesab/login/", {"login": EMAIL, "password": PASSWORD})
    if status != 302 or "sessionid" not in browser.cookies:
        raise RuntimeError(f"sign-in failed with {status}")


def timed_post(browser: Browser, step_path: str, upload=None) -> float:
    started = time.perf_counter()
    status, headers, content = browser.post(step_path, {"tesdiq": "on"}, upload)
    elapsed = time.perf_counter() - started
    if status != 302 or not headers["Location"].endswith("/yoxla/"):
        raise RuntimeError(f"step POST gave {status}: {content[:500]!r}")
    return elapsed


def bench_server(step_path: str, pdf: bytes) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=os.environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    browser = Browser(port)
    upload = (FILE_FIELD, "Qrant müqaviləsi.pdf", pdf)
    try:
        wait_until_up(browser)
        sign_in(browser)
        worker = worker_pid(server.pid)
        for _warm_up in range(5):
            timed_post(browser, step_path)

        baseline = [timed_post(browser, step_path) for _run in range(RUNS)]
        peak_after_baseline = peak_rss_mb(worker)
        uploads = [timed_post(browser, step_path, upload) for _run in range(RUNS)]
        peak_after_uploads = peak_rss_mb(worker)
    finally:
        server.terminate()
        server.wait(timeout=10)

    baseline_ms = statistics.median(baseline) * 1000
    upload_ms = statistics.median(uploads) * 1000
    print(f"server: gunicorn, 1 sync worker, production settings, SQLite, {RUNS} sequential POSTs each, medians")
    print(f"  file step, no new file (baseline)    {baseline_ms:8.1f} ms  1.00x")
    print(f"  file step, new 5 MB PDF              {upload_ms:8.1f} ms  {upload_ms / baseline_ms:.2f}x")
    print(f"  worker peak RSS after the baseline   {peak_after_baseline:8.1f} MB")
    print(
        f"  worker peak RSS after the uploads    {peak_after_uploads:8.1f} MB"
        f"  (+{peak_after_uploads - peak_after_baseline:.1f} MB)"
    )


# --- In process ---------------------------------------------------------------


def temporary_upload(data: bytes):
    from django.core.files.uploadedfile import TemporaryUploadedFile

    upload = TemporaryUploadedFile("Qrant müqaviləsi.pdf", "application/pdf", len(data), None)
    upload.write(data)
    upload.seek(0)
    return upload


def bench_in_process(pdf: bytes) -> None:
    from forms.models import Filing
    from forms.uploads import UploadField, store

    filing = Filing.objects.get()
    field = UploadField(allowed_types=["pdf", "jpg", "png"], max_size_mb=10)

    read_times, store_times = [], []
    for _run in range(RUNS):
        upload = temporary_upload(pdf)
        started = time.perf_counter()
        for _chunk in upload.chunks():
            pass
        read_times.append(time.perf_counter() - started)

        started = time.perf_counter()
        store(filing, FILE_FIELD, field.clean(upload), None)
        store_times.append(time.perf_counter() - started)
        upload.close()

    upload = temporary_upload(pdf)
    tracemalloc.start()
    store(filing, FILE_FIELD, field.clean(upload), None)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    upload.close()

    read_ms = statistics.median(read_times) * 1000
    store_ms = statistics.median(store_times) * 1000
    print(f"in process: 5 MB TemporaryUploadedFile, {RUNS} runs, medians")
    print(f"  one chunked read of the file (yardstick)  {read_ms:7.2f} ms  1.00x")
    print(f"  UploadField.clean + store()               {store_ms:7.2f} ms  {store_ms / read_ms:.2f}x")
    print(f"  peak Python allocations during one run    {peak / 1024:7.0f} KB")


def main() -> None:
    from tests.eservices import files

    pdf = files.pdf_bytes(size=UPLOAD_BYTES)
    try:
        step_path = prepare_database()
        bench_server(step_path, pdf)
        bench_in_process(pdf)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
