"""Load benchmark: simulated candidates doing whole interviews against gunicorn on loopback.

    .venv/bin/python benchmarks/load/run.py [--clients 10,50] [--seconds 60]

Starts the app as `make run` does (config/gunicorn.conf.py) on a spare 127.0.0.1 port with a
throwaway SQLite database seeded with migrate and the bundled Docker bank; for each client count,
new candidates set up 3-question interviews, type with autosaves every 2-5 s, submit, read the
feedback and go on, while a probe samples a bare Django view and /healthz. Prints a Markdown
table per phase, checks that every acknowledged autosave is in the database, and exits 1 when a
request failed, an acked save is missing, or the server logged "database is locked" or a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
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
from benchmarks.load.server import Server  # noqa: E402

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


async def phase(server: Server, clients: int, seconds: float, seed: int) -> dict:
    cookies, topic_id = server.create_candidates(f"load{clients}-{seed}", clients)
    recorder = Recorder()
    acked: dict = {}
    started = time.monotonic()
    stop_at = started + seconds
    rng = random.Random(seed)

    async def candidate(cookie: str, delay: float) -> Candidate:
        await asyncio.sleep(delay)  # arrivals spread over the first seconds, not one stampede
        person = Candidate(
            host="127.0.0.1",
            port=server.port,
            session_cookie=cookie,
            topic_id=topic_id,
            recorder=recorder,
            acked=acked,
            stop_at=stop_at,
            rng=random.Random(rng.random()),
        )
        await person.run()
        return person

    tasks = [candidate(cookie, rng.uniform(0, 5)) for cookie in cookies]
    results = await asyncio.gather(probe(recorder, "127.0.0.1", server.port, stop_at), *tasks)
    elapsed = time.monotonic() - started
    people = results[1:]
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "interviews_completed": sum(person.interviews_completed for person in people),
        "endpoints": summarise(recorder, elapsed),
        "acked_items": len(acked),
        "acked_problems": verify_acked(acked, server.items()),
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


def main() -> int:
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
    args = parser.parse_args()
    levels = [int(value) for value in args.clients.split(",")]

    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    server = Server(workdir, extra_env=dict(item.split("=", 1) for item in args.server_env))
    results = []
    try:
        print(f"Preparing a throwaway database; gunicorn on {server.base_url}", flush=True)
        server.prepare()
        server.start()
        workers = len(server.worker_pids())
        for clients in levels:
            print(f"Phase: {clients} candidates for {args.seconds:.0f} s ...", flush=True)
            results.append(asyncio.run(phase(server, clients, args.seconds, args.seed)))
    finally:
        server.stop()
        log = server.log_text()
        shutil.rmtree(workdir, ignore_errors=True)

    locked = log.count("database is locked")
    tracebacks = log.count("Traceback")
    server_errors = sum(1 for line in log.splitlines() if '" 50' in line)
    print()
    overrides = f", overridden: {' '.join(args.server_env)}" if args.server_env else ""
    print(f"gunicorn: {workers} workers (config/gunicorn.conf.py{overrides})")
    for result in results:
        print()
        print(markdown(result))
        for problem in result["acked_problems"][:10]:
            print("  MISSING:", problem)
    print()
    print(
        f'Server log: {locked} "database is locked", {tracebacks} tracebacks, '
        f"{server_errors} responses with status 5xx."
    )
    if tracebacks or locked:
        # The last lines of the first traceback say which code path waited too long.
        first = log[log.index("Traceback") :] if tracebacks else log
        print("First server error:\n" + "\n".join(first.splitlines()[:60]))
    if args.json:
        args.json.write_text(json.dumps({"workers": workers, "phases": results}, indent=2))
    failed = (
        locked
        or tracebacks
        or server_errors
        or any(result["acked_problems"] for result in results)
        or any(row["errors"] for result in results for row in result["endpoints"].values())
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
