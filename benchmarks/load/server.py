"""Start the app under gunicorn on a spare loopback port with a throwaway database.

Shared by the load benchmark and the fault scripts: the server is the one `make run` starts
(config/gunicorn.conf.py, config.wsgi); only the database, the port and static files differ.
The database is a SQLite file in a temp directory, or a database of its own on a PostgreSQL
server, which several servers can share as app servers behind a load balancer do (docs/deploy.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

PROJECT_DIR = Path(__file__).resolve().parents[2]
BIN_DIR = Path(sys.executable).parent
BANK = PROJECT_DIR / "content" / "sources" / "docker.txt"

# Runs inside Django: candidates with signed-in sessions, so the benchmark measures interviews,
# not password hashing (a login costs ~0.3 s of CPU by design).
CREATE_CANDIDATES = """
import json, sys
import django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from content.models import Topic

User = get_user_model()
prefix, count = sys.argv[1], int(sys.argv[2])
cookies = []
for number in range(count):
    user = User(username=f"{prefix}-{number}")
    user.set_unusable_password()
    user.save()
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    cookies.append(store.session_key)
topic = Topic.objects.filter(questions__isnull=False).distinct().first()
print(json.dumps({"sessions": cookies, "topic_id": topic.pk}))
"""


ITEMS_QUERY = (
    "SELECT session_id, position, autosave_revision, answer_text, deadline_at, status"
    " FROM interviews_sessionitem"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def items_by_key(rows) -> dict[tuple[int, int], dict]:
    return {
        (row[0], row[1]): {
            "revision": row[2],
            "text": row[3],
            "deadline_at": row[4],
            "status": row[5],
        }
        for row in rows
    }


class SqliteDatabase:
    """A SQLite file in the work directory, as `make run` uses; it goes with the directory."""

    label = "SQLite"

    def __init__(self, workdir: Path):
        self.path = workdir / "bench.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def create(self) -> None:
        """Nothing to do: migrate creates the file."""

    def drop(self) -> None:
        """Nothing to do: the file is removed with the work directory."""

    def version(self) -> str:
        return sqlite3.sqlite_version

    def items(self) -> dict[tuple[int, int], dict]:
        """Every session item as stored: (session id, position) -> revision, text, deadline, status."""
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
            return items_by_key(db.execute(ITEMS_QUERY).fetchall())


class PostgresDatabase:
    """A database of its own (`mock_load_<pid>`) on a PostgreSQL server, created and dropped here.

    `server_url` names a database to connect to for CREATE and DROP DATABASE (`postgres`); nothing
    in it, or in any other database on the server, is read or written.
    """

    label = "PostgreSQL"

    def __init__(self, server_url: str, *, name: str | None = None):
        self.server_url = server_url
        self.name = name or f"mock_load_{os.getpid()}"
        self.url = urlunsplit(urlsplit(server_url)._replace(path="/" + self.name))
        self.created = False

    def create(self) -> None:
        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))
        self.created = True

    def drop(self) -> None:
        """Drop the database this object created, and only that one."""
        if not self.created:
            return
        # FORCE: a gunicorn worker killed without closing its connection must not keep it alive.
        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )

    def version(self) -> str:
        with psycopg.connect(self.url) as connection:
            return connection.execute("SHOW server_version").fetchone()[0]

    def items(self) -> dict[tuple[int, int], dict]:
        """Every session item as stored: (session id, position) -> revision, text, deadline, status."""
        with psycopg.connect(self.url) as connection:
            return items_by_key(connection.execute(ITEMS_QUERY).fetchall())


class Server:
    """One gunicorn master (and its workers) in a process group of its own."""

    def __init__(
        self,
        workdir: Path,
        *,
        port: int | None = None,
        extra_env: dict | None = None,
        database: SqliteDatabase | PostgresDatabase | None = None,
        log_name: str = "server.log",
    ):
        self.workdir = workdir
        self.port = port or free_port()
        self.database = database or SqliteDatabase(workdir)
        self.log_path = workdir / log_name
        self.process: subprocess.Popen | None = None
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="benchmarks.load.settings",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_DEBUG="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_LOG_LEVEL="WARNING",
            DATABASE_URL=self.database.url,
            BENCH_STATIC_ROOT=str(workdir / "static"),
            PYTHONPATH=str(PROJECT_DIR),
        )
        self.env.update(extra_env or {})

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def prepare(self) -> None:
        """migrate, collect static files, import the bundled Docker bank."""
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage("import_questions", str(BANK))

    def create_candidates(self, prefix: str, count: int) -> tuple[list[str], int]:
        """Signed-in session cookies for `count` new candidates, and a topic with questions."""
        data = self.run_script(CREATE_CANDIDATES, prefix, str(count))
        return data["sessions"], data["topic_id"]

    def run_script(self, script: str, *args: str) -> dict:
        """Run a Django script in the server's environment; the JSON of its last line."""
        result = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=PROJECT_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode:
            raise RuntimeError(result.stderr)
        return json.loads(result.stdout.strip().splitlines()[-1])

    def start(self, *, timeout: float = 60) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                str(BIN_DIR / "gunicorn"),
                "-c",
                str(PROJECT_DIR / "config" / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "config.wsgi",
            ],
            cwd=PROJECT_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer /healthz in time")

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self, sig: int = signal.SIGTERM, *, timeout: float = 30) -> None:
        """Stop gracefully (SIGTERM) or crash (SIGKILL to the whole group); never wait forever."""
        if self.process is None or self.process.poll() is not None:
            return
        if sig == signal.SIGKILL:
            os.killpg(self.process.pid, signal.SIGKILL)
        else:
            self.process.send_signal(sig)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        # Workers orphaned by a crashed master must not outlive it.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def items(self) -> dict[tuple[int, int], dict]:
        return self.database.items()


def server_group(
    workdir: Path,
    count: int,
    *,
    database: SqliteDatabase | PostgresDatabase,
    extra_env: dict | None = None,
) -> list[Server]:
    """`count` servers on their own ports and logs sharing one database and one secret key, as
    app servers behind a load balancer do: a session signed on one must be valid on the others."""
    shared = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50), **(extra_env or {})}
    servers: list[Server] = []
    for number in range(1, count + 1):
        port = free_port()
        while port in {server.port for server in servers}:
            port = free_port()
        log_name = "server.log" if count == 1 else f"server-{number}.log"
        servers.append(
            Server(workdir, port=port, extra_env=shared, database=database, log_name=log_name)
        )
    return servers
