"""Whether the database answers, asked without waiting behind the request threads.

`/health` must answer while every request thread is busy (a long import, a CPU-heavy request):
the probe runs a trivial query on its own single-thread limiter, not the request pool, and gives
up after ``timeout`` seconds instead of waiting; nothing here counts rows or takes the writer lock.
"""

from __future__ import annotations

import anyio
import anyio.to_thread

from service.runtime.database import Database

_LIMITER = anyio.CapacityLimiter(1)


def _ping(db: Database) -> bool:
    return bool(db.cursor().execute("SELECT 1").fetchone()[0] == 1)


async def database_answers(db: Database, *, timeout: float = 2.0) -> bool:
    """True when ``SELECT 1`` comes back within ``timeout`` seconds."""
    with anyio.move_on_after(timeout):
        try:
            return await anyio.to_thread.run_sync(_ping, db, limiter=_LIMITER, abandon_on_cancel=True)
        except Exception:  # a closed or broken database is an answer too: "unavailable"
            return False
    return False
