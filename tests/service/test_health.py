"""`/health`: async and cheap (answers while every request thread is busy), names no file, counts
nothing, and says whether the database answers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import anyio.to_thread

from tests.conftest import Api


def test_health_tells_only_status_model_and_database(api: Api) -> None:
    r = api.client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"status", "version", "encoder", "database"}
    assert body["status"] == body["database"] == "ok" and body["encoder"].startswith("hashing")
    assert "duckdb" not in r.text and "test.duckdb" not in r.text
    assert r.headers["cache-control"] == "no-store"


def test_health_says_so_when_the_database_does_not_answer(api: Api) -> None:
    class Broken:
        def cursor(self) -> Any:
            raise RuntimeError("database closed")

    state = api.client.app.state  # type: ignore[attr-defined]
    real, state.db = state.db, Broken()
    try:
        r = api.client.get("/health")
    finally:
        state.db = real
    assert r.status_code == 503 and r.json()["database"] == "unavailable"


def test_health_answers_while_every_request_thread_is_busy(make_api: Callable[..., Api]) -> None:
    api = make_api(request_threads=2)
    held, release = threading.Event(), threading.Event()

    async def take_every_thread() -> None:
        limiter = anyio.to_thread.current_default_thread_limiter()
        borrowers = [object() for _ in range(int(limiter.total_tokens))]
        for b in borrowers:
            await limiter.acquire_on_behalf_of(b)
        held.set()
        while not release.is_set():
            await anyio.sleep(0.01)
        for b in borrowers:
            limiter.release_on_behalf_of(b)

    api.client.portal.start_task_soon(take_every_thread)  # type: ignore[union-attr]
    assert held.wait(10)
    answers: dict[str, Any] = {}
    waiting = threading.Thread(target=lambda: answers.setdefault("list", api.call("GET", "/participants")))
    try:
        waiting.start()
        started = time.monotonic()
        r = api.client.get("/health")
        assert r.status_code == 200 and time.monotonic() - started < 2.0
        waiting.join(0.5)
        assert waiting.is_alive()  # a plain route really has no thread to run on meanwhile
    finally:
        release.set()
    waiting.join(10)
    assert answers["list"].status_code == 200
