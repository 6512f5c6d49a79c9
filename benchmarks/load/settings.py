"""The production settings plus one bare view to compare against, and static files in a temp dir.

Only ROOT_URLCONF and STATIC_ROOT differ from config.settings, so the server under test is the
one `make run` starts, with the same middleware, database options and gunicorn.conf.py.
"""

import os

from config.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.load.urls"
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
