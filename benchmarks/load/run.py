"""Load benchmark: simulated candidates doing whole interviews against gunicorn on loopback.

    .venv/bin/python benchmarks/load/run.py [--clients 10,50] [--seconds 60]
    .venv/bin/python benchmarks/load/run.py --database postgres --servers 2 [--postgres-url URL]

Starts the app as `make run` does (config/gunicorn.conf.py) on a spare 127.0.0.1 port with a
throwaway SQLite database seeded with migrate and the bundled Docker bank; for each client count,
new candidates set up 3-question interviews, type with autosaves every 2-5 s, submit, read the
feedback and go on, while a probe samples a bare Django view and /healthz. Prints a Markdown
table per phase, checks that every acknowledged autosave is in the database, and exits 1 when a
request failed, an acked save is missing, or the server logged "database is locked" or a traceback.

With --database postgres the database is a throwaway one (mock_load_<pid>) on a PostgreSQL
server, dropped afterwards; with --servers N, N gunicorn servers on their own ports share it and
one secret key, as app servers behind a load balancer do (docs/deploy.md), and each candidate
sends every request to the next server in turn, with one cookie jar: no stickiness, so a session,
a CSRF token or an answer that one server did not share with the others fails the run.

Last, failed logins of one browser, each sent to the next server, must lock the account at the
configured limit and get the right password refused by the next server (benchmarks/load/lockout.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.load.client import (  # noqa: E402
    Candidate,
    Recorder,
    percentile,
    probe,
    verify_acked,
)
from benchmarks.load.lockout import check_servers  # noqa: E402
from benchmarks.load.server import (  # noqa: E402
    PostgresDatabase,
    Server,
    SqliteDatabase,
    server_group,
)

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
ACCESS_LINE = re.compile(r'"[A-Z]+ \S+ HTTP/1\.[01]" \d{3} ')

ENDPOINT_ORDER = [
    "autosave",
    "submit",
    "next question",
    "interview page",
    "practice form",
    "practice start",
    "results page",
    "healthz",
    "bare view",
]


async def phase(servers: list[Server], clients: int, seconds: float, seed: int) -> dict:
    addresses = [("127.0.0.1", server.port) for server in servers]
    cookies, topic_id = servers[0].create_candidates(f"load{clients}-{seed}", clients)
    recorder = Recorder()
    acked: dict = {}
    started = time.monotonic()
    stop_at = started + seconds
    rng = random.Random(seed)

    async def candidate(cookie: str, number: int, delay: float) -> Candidate:
        await asyncio.sleep(delay)  # arrivals spread over the first seconds, not one stampede
        person = Candidate(
            addresses=addresses,
            first_server=number % len(addresses),
            session_cookie=cookie,
            topic_id=topic_id,
            recorder=recorder,
            acked=acked,
            stop_at=stop_at,
            rng=random.Random(rng.random()),
        )
        await person.run()
        return person

    tasks = [candidate(cookie, number, rng.uniform(0, 5)) for number, cookie in enumerate(cookies)]
    results = await asyncio.gather(probe(recorder, addresses, stop_at), *tasks)
    elapsed = time.monotonic() - started
    people = results[1:]
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "interviews_completed": sum(person.interviews_completed for person in people),
        "endpoints": summarise(recorder, elapsed),
        "acked_items": len(acked),
        "acked_problems": verify_acked(acked, servers[0].items()),
    }


def summarise(recorder: Recorder, elapsed: float) -> dict:
    summary = {}
    for name in ENDPOINT_ORDER:
        latencies = recorder.latencies.get(name, [])
        errors = recorder.errors.get(name, [])
        if not latencies and not errors:
            continue
        summary[name] = {
            "requests": len(latencies) + len(errors),
            "rps": round((len(latencies) + len(errors)) / elapsed, 2),
            "p50_ms": round(percentile(latencies, 0.50) * 1000, 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None,
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if latencies else None,
            "max_ms": round(max(latencies) * 1000, 1) if latencies else None,
            "errors": len(errors),
            "error_samples": sorted(set(errors))[:3],
        }
    return summary


def markdown(result: dict) -> str:
    endpoints = result["endpoints"]
    bare = endpoints.get("bare view", {})
    lines = [
        f"**{result['clients']} concurrent candidates**, {result['seconds']} s, "
        f"{result['interviews_completed']} whole interviews completed, "
        f"{result['acked_items']} items with acknowledged autosaves, "
        f"{len(result['acked_problems'])} acknowledged saves missing from the database.",
        "",
        "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | p50 / bare | p99 / bare |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in endpoints.items():
        ratio50 = ratio99 = "–"
        if bare.get("p50_ms") and row["p50_ms"] is not None:
            ratio50 = f"{row['p50_ms'] / bare['p50_ms']:.1f}×"
            ratio99 = f"{row['p99_ms'] / bare['p99_ms']:.1f}×"
        lines.append(
            f"| {name} | {row['requests']} | {row['rps']} | {row['p50_ms']} | {row['p95_ms']} "
            f"| {row['p99_ms']} | {row['max_ms']} | {row['errors']} | {ratio50} | {ratio99} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="10,50", help="comma-separated concurrent candidates")
    parser.add_argument("--seconds", type=float, default=90, help="length of each phase")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a server setting for an experiment, e.g. GUNICORN_THREADS=2",
    )
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgres"],
        default="sqlite",
        help="a SQLite file in a temp directory, or a throwaway database on --postgres-url",
    )
    parser.add_argument(
        "--postgres-url",
        default=POSTGRES_URL,
        metavar="URL",
        help="the PostgreSQL server for --database postgres, and a database on it to connect to "
        "for CREATE/DROP DATABASE mock_load_<pid> (nothing else on it is touched)",
    )
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="gunicorn servers on their own ports sharing the database; each candidate's "
        "requests go to them in turn (more than 1 needs --database postgres)",
    )
    args = parser.parse_args(argv)
    try:
        args.levels = [int(value) for value in args.clients.split(",")]
    except ValueError:
        parser.error(f"--clients takes whole numbers separated by commas, not {args.clients!r}")
    if args.servers < 1:
        parser.error("--servers must be 1 or more")
    if args.servers > 1 and args.database != "postgres":
        # Servers on several machines cannot share a SQLite file; pretending here would prove nothing.
        parser.error(
            "several servers share one database only through PostgreSQL: add --database postgres"
        )
    if any("=" not in item for item in args.server_env):
        parser.error("--server-env takes NAME=VALUE")
    return args


def log_counts(log: str) -> dict:
    """What one server's log says: requests served, "database is locked", tracebacks, 5xx."""
    return {
        "requests": len(ACCESS_LINE.findall(log)),
        "locked": log.count("database is locked"),
        "tracebacks": log.count("Traceback"),
        "server_errors": sum(1 for line in log.splitlines() if '" 50' in line),
    }


def describe(servers: list[Server], database, workers: int, version: str, overrides: str) -> str:
    """The gunicorn line; one server on SQLite says what it always said."""
    if len(servers) == 1 and isinstance(database, SqliteDatabase):
        return f"gunicorn: {workers} workers (config/gunicorn.conf.py{overrides})"
    several = len(servers) > 1
    return (
        f"gunicorn: {len(servers)} {'servers' if several else 'server'} × {workers} workers "
        f"(config/gunicorn.conf.py{overrides}), one {database.label} {version} database"
        + (", each candidate's requests to the servers in turn" if several else "")
    )


def report(servers: list[Server], logs: list[str], results: list[dict], header: str) -> bool:
    """Print the tables and the servers' logs' counts; True when anything failed."""
    counts = [log_counts(log) for log in logs]
    locked = sum(count["locked"] for count in counts)
    tracebacks = sum(count["tracebacks"] for count in counts)
    server_errors = sum(count["server_errors"] for count in counts)
    print()
    print(header)
    for result in results:
        print()
        print(markdown(result))
        for problem in result["acked_problems"][:10]:
            print("  MISSING:", problem)
        for name, row in result["endpoints"].items():
            if row["errors"]:
                print(f"  ERRORS {name}:", ", ".join(row["error_samples"]))
    print()
    if len(servers) > 1:
        for server, count in zip(servers, counts, strict=True):
            print(
                f"Server log {server.base_url}: {count['requests']} requests, "
                f'{count["locked"]} "database is locked", {count["tracebacks"]} tracebacks, '
                f"{count['server_errors']} responses with status 5xx."
            )
    print(
        f'Server log{"s" if len(servers) > 1 else ""}: {locked} "database is locked", '
        f"{tracebacks} tracebacks, {server_errors} responses with status 5xx."
    )
    if tracebacks or locked:
        # The last lines of the first traceback say which code path waited too long.
        log = next(log for log in logs if "Traceback" in log or "database is locked" in log)
        first = log[log.index("Traceback") :] if "Traceback" in log else log
        print("First server error:\n" + "\n".join(first.splitlines()[:60]))
    return bool(
        locked
        or tracebacks
        or server_errors
        or any(result["acked_problems"] for result in results)
        or any(row["errors"] for result in results for row in result["endpoints"].values())
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    postgres = args.database == "postgres"
    database = PostgresDatabase(args.postgres_url) if postgres else SqliteDatabase(workdir)
    servers = server_group(
        workdir,
        args.servers,
        database=database,
        extra_env=dict(item.split("=", 1) for item in args.server_env),
    )
    urls = ", ".join(server.base_url for server in servers)
    named = f" PostgreSQL database {database.name}" if postgres else " database"
    results = []
    try:
        print(f"Preparing a throwaway{named}; gunicorn on {urls}", flush=True)
        database.create()
        servers[0].prepare()
        for server in servers:
            server.start()
        workers = len(servers[0].worker_pids())
        version = database.version()
        for clients in args.levels:
            print(f"Phase: {clients} candidates for {args.seconds:.0f} s ...", flush=True)
            results.append(asyncio.run(phase(servers, clients, args.seconds, args.seed)))
        print("Login lock-out across the servers ...", flush=True)
        lockout = asyncio.run(check_servers(servers))
    finally:
        for server in servers:
            server.stop()
        logs = [server.log_text() for server in servers]
        database.drop()
        shutil.rmtree(workdir, ignore_errors=True)

    overrides = f", overridden: {' '.join(args.server_env)}" if args.server_env else ""
    failed = report(
        servers, logs, results, describe(servers, database, workers, version, overrides)
    )
    print(lockout.summary())
    failed = failed or not lockout.held
    if args.json:
        raw = {"workers": workers, "phases": results, "lockout": lockout.as_dict()}
        if len(servers) > 1 or postgres:
            raw.update(
                database=f"{database.label} {version}", servers=[log_counts(log) for log in logs]
            )
        args.json.write_text(json.dumps(raw, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
