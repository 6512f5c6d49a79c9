"""A small asyncio HTTP/1.1 client and a simulated candidate doing whole interviews.

One process drives every candidate with keep-alive connections like a browser's, using little
CPU, which matters when the client shares two cores with the server it measures. With several
servers, each candidate is a browser behind a load balancer without sticky sessions: one cookie
jar, and each request to the next server in turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

WORDS = [
    "container",
    "image",
    "layer",
    "volume",
    "network",
    "bridge",
    "overlay",
    "registry",
    "tag",
    "build",
    "cache",
    "dockerfile",
    "entrypoint",
    "cmd",
    "namespace",
    "cgroup",
    "isolation",
    "process",
    "filesystem",
    "union",
    "copy-on-write",
    "port",
    "publish",
    "compose",
    "service",
    "healthcheck",
    "restart",
    "policy",
    "secret",
    "multi-stage",
    "alpine",
    "scratch",
    "digest",
    "immutable",
    "runtime",
    "daemon",
    "socket",
    "swarm",
]

AUTOSAVE_URL = re.compile(r'data-autosave-url="/sessions/(\d+)/items/(\d+)/autosave/"')
SERVER_REVISION = re.compile(r'data-server-revision="(\d+)"')
SESSION_PATH = re.compile(r"/sessions/\d+/")
NEXT_FORM = re.compile(r'action="/sessions/\d+/next/"')


class ConnectionLost(Exception):
    """The server closed or reset the connection before a whole response arrived."""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Recorder:
    """Latencies (seconds) and failures per endpoint name."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def ok(self, endpoint: str, seconds: float) -> None:
        self.latencies[endpoint].append(seconds)

    def error(self, endpoint: str, reason: str) -> None:
        self.errors[endpoint].append(reason)


class Http:
    """One keep-alive connection with a cookie jar, reopened after idling past gunicorn's keepalive.

    `public_host` stands for a load balancer's name: it is sent as the Host of every request, and
    as the Origin of every POST as a browser sends it, whichever server the connection goes to.
    """

    IDLE_REOPEN_SECONDS = 4.0  # gunicorn closes idle connections after keepalive = 5 s

    def __init__(
        self,
        host: str,
        port: int,
        cookies: dict[str, str] | None = None,
        *,
        public_host: str | None = None,
    ):
        self.host, self.port, self.public_host = host, port, public_host
        # Not copied: connections to several servers on behalf of one browser share the jar.
        self.cookies = {} if cookies is None else cookies
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.last_used = 0.0

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def _connect(self) -> None:
        if self.writer is not None and time.monotonic() - self.last_used < self.IDLE_REOPEN_SECONDS:
            return
        await self.close()
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def request(
        self,
        method: str,
        path: str,
        form: dict | None = None,
        headers: dict[str, str] | None = None,
        *,
        timeout: float = 30,
    ) -> Response:
        try:
            return await asyncio.wait_for(self._request(method, path, form, headers), timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            await self.close()
            raise ConnectionLost(f"{type(error).__name__}: {error}") from error
        finally:
            self.last_used = time.monotonic()

    async def _request(self, method, path, form, headers) -> Response:
        await self._connect()
        body = urlencode(form or {}, doseq=True).encode() if form is not None else b""
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.public_host or f'{self.host}:{self.port}'}",
        ]
        if self.public_host and method == "POST":
            lines.append(f"Origin: http://{self.public_host}")
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if "csrftoken" in self.cookies:
            lines.append(f"X-CSRFToken: {self.cookies['csrftoken']}")
        if form is not None:
            lines.append("Content-Type: application/x-www-form-urlencoded")
        lines.append(f"Content-Length: {len(body)}")
        lines.extend(f"{k}: {v}" for k, v in (headers or {}).items())
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()

        status_line = await self.reader.readline()
        if not status_line:
            raise asyncio.IncompleteReadError(b"", None)
        status = int(status_line.split()[1])
        response_headers: dict[str, str] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                self.cookies[cookie_name] = rest.split(";", 1)[0]
            else:
                response_headers[name] = value
        if response_headers.get("transfer-encoding") == "chunked":
            chunks = []
            while size := int((await self.reader.readline()).strip() or b"0", 16):
                chunks.append(await self.reader.readexactly(size))
                await self.reader.readline()
            await self.reader.readline()
            payload = b"".join(chunks)
        else:
            payload = await self.reader.readexactly(int(response_headers.get("content-length", 0)))
        if response_headers.get("connection", "").lower() == "close":
            await self.close()
        return Response(status, response_headers, payload)


class RoundRobin:
    """One browser behind a load balancer without sticky sessions: a keep-alive connection to each
    server, one cookie jar for all, and each request to the next server in turn, from `first`."""

    def __init__(
        self,
        addresses: Sequence[tuple[str, int]],
        cookies: dict[str, str] | None = None,
        *,
        first: int = 0,
    ):
        jar = dict(cookies or {})
        # One server is addressed as before; several sit behind one public name.
        public_host = addresses[0][0] if len(addresses) > 1 else None
        self.connections = [
            Http(host, port, jar, public_host=public_host) for host, port in addresses
        ]
        self.turns = itertools.islice(itertools.cycle(self.connections), first, None)

    def next_connection(self) -> Http:
        return next(self.turns)

    async def request(self, *args, **kwargs) -> Response:
        return await self.next_connection().request(*args, **kwargs)

    async def close(self) -> None:
        for http in self.connections:
            await http.close()


@dataclass
class Acked:
    """The newest revision the server acknowledged for one item, and its text."""

    revision: int
    text: str


async def timed(
    recorder: Recorder,
    endpoint: str,
    http: Http,
    method,
    path,
    form=None,
    *,
    expect=200,
    headers=None,
    check: Callable[[Response], str | None] | None = None,
):
    """Send one request, record its latency, or its failure; the response, or None when it failed.

    `check` names what is wrong with a response of the expected status, if anything.
    """
    started = time.perf_counter()
    try:
        response = await http.request(method, path, form, headers)
    except ConnectionLost as error:
        recorder.error(endpoint, str(error))
        return None
    elapsed = time.perf_counter() - started
    if response.status != expect:
        recorder.error(endpoint, f"HTTP {response.status}")
        return None
    # A server that does not recognise the session answers an htmx request with 200 and a
    # reload (config/middleware.py), which must not count as a save.
    problem = "HX-Refresh: signed out" if "hx-refresh" in response.headers else None
    if problem is None and check is not None:
        problem = check(response)
    if problem:
        recorder.error(endpoint, problem)
        return None
    recorder.ok(endpoint, elapsed)
    return response


def redirected_to_session(response: Response) -> str | None:
    """Starting an interview leads to its page (not, say, to the login page)."""
    location = response.headers.get("location", "")
    return None if SESSION_PATH.fullmatch(location) else f"redirected to {location}"


def shows_a_question(response: Response) -> str | None:
    return None if AUTOSAVE_URL.search(response.text) else "no question to answer on the page"


HTMX = {"HX-Request": "true"}


def practice_form(topic_id: int, *, questions: int, per_item_minutes: int) -> dict:
    """What a candidate sends from /practice/: one topic, a time limit per question, feedback
    after each answer."""
    return {
        "topics": [topic_id],
        "count": questions,
        "level": "expert",
        "time_mode": "per_item",
        "per_item_minutes": per_item_minutes,
        "feedback_mode": "after_each",
    }


class Candidate:
    """Sets up an interview, types with autosaves every 2-5 s, submits, moves on, until told to stop."""

    def __init__(
        self,
        *,
        addresses: Sequence[tuple[str, int]],
        first_server: int = 0,
        session_cookie: str,
        topic_id: int,
        recorder: Recorder,
        acked: dict[tuple[int, int], Acked],
        stop_at: float,
        rng: random.Random,
        questions: int = 3,
        autosave_interval: tuple[float, float] = (2.0, 5.0),
        saves_per_question: tuple[int, int] = (3, 6),
    ):
        self.http = RoundRobin(addresses, {"sessionid": session_cookie}, first=first_server)
        self.topic_id, self.recorder, self.acked = topic_id, recorder, acked
        self.stop_at, self.rng, self.questions = stop_at, rng, questions
        self.autosave_interval, self.saves_per_question = autosave_interval, saves_per_question
        self.interviews_completed = 0

    def time_left(self) -> bool:
        return time.monotonic() < self.stop_at

    async def run(self) -> None:
        try:
            while self.time_left():
                if not await self.interview():
                    await asyncio.sleep(1)  # after a failure, as a person would, try again
        finally:
            await self.http.close()

    async def interview(self) -> bool:
        page = await timed(self.recorder, "practice form", self.http, "GET", "/practice/")
        if page is None:
            return False
        form = practice_form(self.topic_id, questions=self.questions, per_item_minutes=3)
        created = await timed(
            self.recorder,
            "practice start",
            self.http,
            "POST",
            "/practice/",
            form,
            expect=302,
            check=redirected_to_session,
        )
        if created is None:
            return False
        session_path = created.headers["location"]
        page = await timed(
            self.recorder, "interview page", self.http, "GET", session_path, check=shows_a_question
        )
        if page is None:
            return False
        stage = page.text
        while True:
            found = AUTOSAVE_URL.search(stage)
            if found is None:
                break
            session_id, position = int(found.group(1)), int(found.group(2))
            revision = int(SERVER_REVISION.search(stage).group(1))
            revision = await self.answer(session_id, position, revision)
            if revision is None:
                return False
            submit = {"answer_text": self.text, "revision": revision + 1}
            submitted = await timed(
                self.recorder,
                "submit",
                self.http,
                "POST",
                f"/sessions/{session_id}/items/{position}/submit/",
                submit,
                headers=HTMX,
            )
            if submitted is None:
                return False
            if not NEXT_FORM.search(submitted.text):
                break
            await asyncio.sleep(self.rng.uniform(1, 3))  # reads the feedback
            following = await timed(
                self.recorder,
                "next question",
                self.http,
                "POST",
                f"/sessions/{session_id}/next/",
                {},
                headers=HTMX,
                check=shows_a_question,
            )
            if following is None:
                return False
            stage = following.text
        results = await timed(
            self.recorder, "results page", self.http, "GET", session_path + "results/"
        )
        self.interviews_completed += results is not None
        return True

    async def answer(self, session_id: int, position: int, revision: int) -> int | None:
        """Type, autosaving every few seconds; a failed save is retried with the same text."""
        self.text = ""
        key = (session_id, position)
        for _ in range(self.rng.randint(*self.saves_per_question)):
            await asyncio.sleep(self.rng.uniform(*self.autosave_interval))
            if not self.time_left():
                return None
            self.text += " ".join(self.rng.choices(WORDS, k=self.rng.randint(4, 12))) + ". "
            revision += 1
            form = {"revision": revision, "answer_text": self.text}
            for _attempt in range(5):
                saved = await timed(
                    self.recorder,
                    "autosave",
                    self.http,
                    "POST",
                    f"/sessions/{session_id}/items/{position}/autosave/",
                    form,
                    headers=HTMX,
                )
                if saved is not None:
                    self.acked[key] = Acked(revision, self.text)
                    break
                await asyncio.sleep(0.5)
        return revision


async def probe(
    recorder: Recorder,
    addresses: Sequence[tuple[str, int]],
    stop_at: float,
    *,
    interval: float = 0.2,
) -> None:
    """The floor: a bare Django view and /healthz, sampled at a steady rate beside the candidates;
    with several servers, each round goes to the next one, so the floor is every server's."""
    connections = [Http(host, port) for host, port in addresses]
    try:
        for http in itertools.cycle(connections):
            if time.monotonic() >= stop_at:
                break
            await timed(recorder, "bare view", http, "GET", "/bench/bare")
            await timed(recorder, "healthz", http, "GET", "/healthz")
            await asyncio.sleep(interval)
    finally:
        for http in connections:
            await http.close()


def verify_acked(
    acked: dict[tuple[int, int], Acked], stored: dict[tuple[int, int], dict]
) -> list[str]:
    """Every acknowledged save is in the database: same or newer revision, text kept."""
    problems = []
    for key, ack in acked.items():
        row = stored.get(key)
        if row is None:
            problems.append(f"item {key}: missing")
        elif row["revision"] < ack.revision:
            problems.append(f"item {key}: revision {row['revision']} < acked {ack.revision}")
        elif not (row["text"] or "").startswith(ack.text):
            problems.append(
                f"item {key}: stored text lost the acked text of revision {ack.revision}"
            )
    return problems


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]
