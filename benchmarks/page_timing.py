"""What the page benchmarks share: a migrated throwaway database, and timing one page."""

from __future__ import annotations

import logging
import os
import statistics
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@contextmanager
def django_database(folder: str) -> Iterator[None]:
    """Django set up on a migrated database: a SQLite file in `folder` unless DATABASE_URL names
    one. Static files are served plainly: the hashed manifest needs collectstatic, which the page
    benchmarks do not measure."""
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    # A client's login logs a line per page; only the table matters here.
    logging.getLogger("axes").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic here
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    try:
        with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain_static}):
            yield
    finally:
        connections.close_all()  # before the folder, and a SQLite file in it, goes


@dataclass
class PageTiming:
    """`runs` requests of one page: wall and CPU milliseconds, queries and size of the last."""

    median_ms: float
    min_ms: float
    cpu_ms: float
    queries: int
    kib: float


def page_timing(client, url: str, *, runs: int) -> PageTiming:
    """Time `runs` GETs of `url` after one that warms the template cache. Wall time includes
    waiting for the CPU on a busy machine; CPU time is this process's share."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    timings, cpu = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return PageTiming(
        median_ms=statistics.median(timings),
        min_ms=min(timings),
        cpu_ms=statistics.median(cpu),
        queries=len(queries),
        kib=len(response.content) / 1024,
    )
