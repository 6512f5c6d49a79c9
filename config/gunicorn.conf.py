"""gunicorn settings for `make run` and production; docs/deploy.md explains each choice."""

import multiprocessing
import os
from pathlib import Path


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


# Threaded workers: an autosave is a short request that mostly waits on the database (an fsync
# on SQLite, a round trip on PostgreSQL), so threads overlap that wait for little memory, and
# several processes use every core and survive the loss of one (a crash, a kill -9).
worker_class = "gthread"
workers = env_int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
threads = env_int("GUNICORN_THREADS", 4)

# No request here needs more than a second or two; a worker silent for 30 s is stuck and is
# replaced. Stopping (deploys, SIGTERM) lets in-flight autosaves finish for up to 20 s.
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 20)
# Behind a load balancer set this above the balancer's idle timeout, or it may reuse a
# connection gunicorn has just closed and answer 502.
keepalive = env_int("GUNICORN_KEEPALIVE", 5)

# Recycle each worker now and then so slow leaks cannot grow; the jitter keeps them from all
# restarting at once.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Refuse absurd request lines and headers before Django sees them (bodies: DATA_UPLOAD_MAX_MEMORY_SIZE).
limit_request_line = 8190
limit_request_fields = 100

# Trust X-Forwarded-* only from the load balancer's addresses (comma-separated).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Worker heartbeats on a RAM disk where there is one: a slow /tmp disk must not look like a hang.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"

# The control socket (gunicornc) is not used here; off, so several servers on one machine
# (make run, the benchmarks) do not fight over one socket path in $HOME.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
