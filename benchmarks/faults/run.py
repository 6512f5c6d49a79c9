"""Fault scripts: kill -9 gunicorn workers, and restart the whole server, during autosaves.

    .venv/bin/python benchmarks/faults/run.py [--candidates 6] [--seconds 20]

Each scenario starts the app as `make run` does (config/gunicorn.conf.py) on a spare loopback
port with a throwaway SQLite database, sets up interviews for a few candidates, and has them type
with an autosave every 0.1-0.3 s; a save that fails is retried with the same revision and text, as
the page does (it keeps the text until the server acknowledges it). Meanwhile the script:

- worker-kill: sends SIGKILL to one gunicorn worker every few seconds;
- restart: stops the server gracefully (SIGTERM) and starts it again, then crashes the whole
  process group (SIGKILL) and starts it again.

Afterwards it checks: every acknowledged save is in the database; no deadline moved; the page
shows the remaining time the deadline implies (the timer did not reset); each candidate can still
submit the answer and get the next question. Exits 1 when any check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.load.client import (  # noqa: E402
    AUTOSAVE_URL,
    HTMX,
    NEXT_FORM,
    SERVER_REVISION,
    WORDS,
    Acked,
    ConnectionLost,
    Http,
    practice_form,
    verify_acked,
)
from benchmarks.load.server import Server  # noqa: E402

REMAINING = re.compile(r'data-remaining-seconds="(\d+)"')


class Typist:
    """A candidate typing fast; counts the saves that failed and had to be retried."""

    def __init__(self, port: int, cookie: str, topic_id: int, rng: random.Random):
        self.http = Http("127.0.0.1", port, {"sessionid": cookie})
        self.topic_id, self.rng = topic_id, rng
        self.text, self.revision, self.failed_attempts = "", 0, 0
        self.acked: Acked | None = None

    async def setup(self) -> None:
        await self.http.request("GET", "/practice/")
        form = practice_form(self.topic_id, questions=2, per_item_minutes=5)
        created = await self.http.request("POST", "/practice/", form)
        assert created.status == 302, created.status
        self.session_path = created.headers["location"]
        page = await self.http.request("GET", self.session_path)
        found = AUTOSAVE_URL.search(page.text)
        self.session_id, self.position = int(found.group(1)), int(found.group(2))
        self.revision = int(SERVER_REVISION.search(page.text).group(1))

    @property
    def key(self) -> tuple[int, int]:
        return (self.session_id, self.position)

    async def type_until(self, stop_at: float) -> None:
        while time.monotonic() < stop_at:
            await asyncio.sleep(self.rng.uniform(0.1, 0.3))
            self.text += " ".join(self.rng.choices(WORDS, k=self.rng.randint(2, 6))) + ". "
            self.revision += 1
            form = {"revision": self.revision, "answer_text": self.text}
            url = f"/sessions/{self.session_id}/items/{self.position}/autosave/"
            for _attempt in range(200):  # bounded: about a minute of retries
                try:
                    saved = await self.http.request("POST", url, form, HTMX, timeout=10)
                except ConnectionLost:
                    saved = None
                if saved is not None and saved.status == 200:
                    self.acked = Acked(self.revision, self.text)
                    break
                self.failed_attempts += 1
                await asyncio.sleep(0.3)

    async def remaining_seconds(self) -> int:
        page = await self.http.request("GET", self.session_path)
        return int(REMAINING.search(page.text).group(1))

    async def submit_and_continue(self) -> bool:
        submitted = await self.http.request(
            "POST",
            f"/sessions/{self.session_id}/items/{self.position}/submit/",
            {"answer_text": self.text, "revision": self.revision + 1},
            HTMX,
        )
        if submitted.status != 200 or not NEXT_FORM.search(submitted.text):
            return False
        following = await self.http.request("POST", f"/sessions/{self.session_id}/next/", {}, HTMX)
        return following.status == 200 and AUTOSAVE_URL.search(following.text) is not None


async def kill_workers(server: Server, stop_at: float, every: float, log: list[str]) -> None:
    rng = random.Random(7)
    await asyncio.sleep(every)
    while time.monotonic() < stop_at - 1:
        victim = rng.choice(server.worker_pids())
        os.kill(victim, signal.SIGKILL)
        log.append(f"SIGKILL worker {victim}")
        await asyncio.sleep(every)


async def restart_server(server: Server, stop_at: float, log: list[str]) -> None:
    await asyncio.sleep(4)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        down = time.monotonic()
        await asyncio.to_thread(server.stop, sig)
        await asyncio.to_thread(server.start)
        name = "graceful stop (SIGTERM)" if sig == signal.SIGTERM else "crash (SIGKILL to all)"
        log.append(f"{name} and start: {time.monotonic() - down:.1f} s without a server")
        await asyncio.sleep(4)


async def scenario(name: str, server: Server, candidates: int, seconds: float) -> list[str]:
    cookies, topic_id = server.create_candidates(name, candidates)
    rng = random.Random(3)
    typists = [
        Typist(server.port, cookie, topic_id, random.Random(rng.random())) for cookie in cookies
    ]
    await asyncio.gather(*(typist.setup() for typist in typists))
    deadlines_before = {key: row["deadline_at"] for key, row in server.items().items()}
    started = time.monotonic()
    stop_at = started + seconds
    events: list[str] = []
    fault = (
        kill_workers(server, stop_at, every=3, log=events)
        if name == "worker-kill"
        else restart_server(server, stop_at, log=events)
    )
    await asyncio.gather(fault, *(typist.type_until(stop_at) for typist in typists))
    for typist in typists:
        await typist.http.close()  # connections from before a restart are gone

    problems: list[str] = []
    stored = server.items()
    acked = {typist.key: typist.acked for typist in typists if typist.acked}
    problems += verify_acked(acked, stored)
    saves = sum(typist.acked.revision for typist in typists if typist.acked)
    retried = sum(typist.failed_attempts for typist in typists)
    moved = [
        key for key, deadline in deadlines_before.items() if stored[key]["deadline_at"] != deadline
    ]
    problems += [f"deadline of item {key} moved" for key in moved]
    for typist in typists:
        shown = await typist.remaining_seconds()
        deadline = datetime.fromisoformat(stored[typist.key]["deadline_at"]).replace(tzinfo=UTC)
        expected = (deadline - datetime.now(UTC)).total_seconds()
        if abs(shown - expected) > 3:
            problems.append(
                f"item {typist.key}: page shows {shown} s left, deadline implies {expected:.0f} s"
            )
    carried_on = [await typist.submit_and_continue() for typist in typists]
    problems += [
        f"candidate {i} could not submit and go on" for i, ok in enumerate(carried_on) if not ok
    ]
    for typist in typists:
        await typist.http.close()
    log = server.log_text()
    summary = [
        f"### {name}: {candidates} candidates typing for {seconds:.0f} s",
        *[f"- {event}" for event in events],
        f"- {saves} autosaves acknowledged; {retried} save attempts failed during the faults and were retried",
        f"- acknowledged saves missing from the database: {len(verify_acked(acked, stored))}",
        f"- deadlines moved: {len(moved)}; timers shown after the faults match the stored deadlines: "
        f"{'yes' if not any('page shows' in p for p in problems) else 'no'}",
        f"- candidates who then submitted and got their next question: {sum(carried_on)}/{len(typists)}",
        f'- server log: {log.count("database is locked")} "database is locked"',
    ]
    if problems:
        summary += [f"- PROBLEM: {problem}" for problem in problems]
    print("\n".join(summary), flush=True)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--only", choices=["worker-kill", "restart"])
    args = parser.parse_args()
    all_problems = []
    for name in ("worker-kill", "restart"):
        if args.only and args.only != name:
            continue
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-faults-{name}-"))
        server = Server(workdir)
        try:
            server.prepare()
            server.start()
            all_problems += asyncio.run(scenario(name, server, args.candidates, args.seconds))
        finally:
            server.stop()
            shutil.rmtree(workdir, ignore_errors=True)
        print()
    print("All fault checks passed." if not all_problems else f"{len(all_problems)} problems.")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
