"""Running the load client's coroutines from a test."""

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any


def run_coroutine[T](coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own. The browser tests' Playwright keeps an event loop
    running in the main thread for the rest of the session, and asyncio.run refuses to start
    inside a running loop, so these tests failed whenever a browser test had run first."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
