"""The load benchmark's several-servers wiring: options, the server group, the round-robin client.

Nothing here starts gunicorn or PostgreSQL; the timed runs are in docs/benchmarks.md.
"""

import asyncio
import contextlib
import functools
import re

import pytest

from benchmarks.load import run
from benchmarks.load.client import RoundRobin
from benchmarks.load.server import PostgresDatabase, SqliteDatabase, server_group
from tests.benchmarks.event_loop import run_coroutine


def test_the_default_is_one_server_on_sqlite() -> None:
    args = run.parse_args([])
    assert (args.database, args.servers, args.levels) == ("sqlite", 1, [10, 50])


def test_several_servers_on_postgres() -> None:
    args = run.parse_args(["--database", "postgres", "--servers", "3", "--clients", "10,50"])
    assert (args.database, args.servers, args.levels) == ("postgres", 3, [10, 50])


@pytest.mark.parametrize(
    "argv",
    [
        ["--servers", "2"],  # a SQLite file cannot be shared by servers on several machines
        ["--database", "postgres", "--servers", "0"],
        ["--clients", "ten"],
        ["--server-env", "GUNICORN_THREADS"],
    ],
)
def test_options_that_cannot_run_are_refused(argv, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run.parse_args(argv)
    assert exit_.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_one_server_keeps_its_log_and_its_sqlite_file(tmp_path) -> None:
    (server,) = server_group(tmp_path, 1, database=SqliteDatabase(tmp_path))
    assert server.log_path == tmp_path / "server.log"
    assert server.env["DATABASE_URL"] == f"sqlite:///{tmp_path / 'bench.sqlite3'}"


def test_a_group_shares_the_database_and_the_secret_key_not_ports_or_logs(tmp_path) -> None:
    database = PostgresDatabase("postgres://postgres@127.0.0.1:5432/postgres", name="mock_load_7")
    servers = server_group(tmp_path, 3, database=database, extra_env={"GUNICORN_THREADS": "2"})

    assert len({server.port for server in servers}) == 3
    assert len({server.log_path for server in servers}) == 3
    assert {server.env["DATABASE_URL"] for server in servers} == {
        "postgres://postgres@127.0.0.1:5432/mock_load_7"
    }
    assert len({server.env["DJANGO_SECRET_KEY"] for server in servers}) == 1
    assert {server.env["GUNICORN_THREADS"] for server in servers} == {"2"}


def test_a_database_it_did_not_create_is_never_dropped() -> None:
    # Nothing listens on port 1: dropping would fail loudly if it tried to connect.
    PostgresDatabase("postgres://postgres@127.0.0.1:1/postgres", name="test").drop()


def browse(servers: int, requests: list[tuple[str, dict | None]], *, first: int = 0) -> list:
    """Send `requests` through a RoundRobin to `servers` loopback HTTP servers; (server number,
    request head) for each request, in order. Server 0 sets a CSRF cookie."""
    seen: list[tuple[int, list[str]]] = []

    async def serve(number: int, reader, writer) -> None:
        with contextlib.closing(writer), contextlib.suppress(asyncio.IncompleteReadError):
            while head := (await reader.readuntil(b"\r\n\r\n")).decode("latin-1"):
                length = re.search(r"Content-Length: (\d+)", head)
                await reader.readexactly(int(length.group(1)) if length else 0)
                seen.append((number, head.split("\r\n")))
                cookie = "Set-Cookie: csrftoken=from-0; Path=/\r\n" if number == 0 else ""
                writer.write(f"HTTP/1.1 200 OK\r\n{cookie}Content-Length: 2\r\n\r\nok".encode())
                await writer.drain()

    async def main() -> None:
        listening = [
            await asyncio.start_server(functools.partial(serve, number), "127.0.0.1", 0)
            for number in range(servers)
        ]
        addresses = [("127.0.0.1", server.sockets[0].getsockname()[1]) for server in listening]
        browser = RoundRobin(addresses, {"sessionid": "s1"}, first=first)
        try:
            for method, form in requests:
                await browser.request(method, "/practice/", form)
        finally:
            await browser.close()
            for server in listening:
                server.close()
                await server.wait_closed()

    run_coroutine(main())
    return seen


def test_each_request_goes_to_the_next_server_with_one_cookie_jar() -> None:
    seen = browse(2, [("GET", None), ("GET", None), ("POST", {"count": 3})], first=1)

    assert [number for number, _ in seen] == [1, 0, 1]
    last = seen[-1][1]
    # The cookie server 0 set goes to server 1, with its CSRF header, under one public name.
    assert "Cookie: sessionid=s1; csrftoken=from-0" in last
    assert "X-CSRFToken: from-0" in last
    assert "Host: 127.0.0.1" in last
    assert "Origin: http://127.0.0.1" in last


def test_one_server_is_addressed_as_before() -> None:
    seen = browse(1, [("GET", None), ("POST", {"count": 3})])

    assert [number for number, _ in seen] == [0, 0]
    last = seen[-1][1]
    assert any(line.startswith("Host: 127.0.0.1:") for line in last)
    assert not any(line.startswith("Origin:") for line in last)
    assert "X-CSRFToken: from-0" in last
