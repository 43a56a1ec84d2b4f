"""The tools a team would otherwise reach for, each computing similarity top-k under a filter.

Each peer answers: the k openings most similar to the person's goals (max over goals) among those
the person's constraints allow, configured as its own documentation recommends. `fullscore.Rescored`
then orders those candidates by our full score, which is the question our path answers. Peers that
cannot filter inside the search (scikit-learn, faiss without a selector) search globally for
``OVERFETCH`` x k and filter afterwards, which loses leads; their recall says how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from matching.ranking.geo import haversine_km
from matching.types import Opening, Profile

OVERFETCH = 10


class Columns:
    """The filter columns every in-process peer uses (built once per data set)."""

    def __init__(self, items: Sequence[Opening]) -> None:
        self.sector = np.array([o.sector for o in items])
        self.hours_min = np.array([o.hours_min for o in items], np.float64)
        self.hours_max = np.array([o.hours_max for o in items], np.float64)
        self.lat = np.array([o.place.lat if o.place else np.nan for o in items])
        self.lon = np.array([o.place.lon if o.place else np.nan for o in items])

    def mask(self, p: Profile) -> np.ndarray:
        """(n,) bool: rows the person's constraints allow (the synthetic data's constraints)."""
        ok = ~np.isin(self.sector, list(p.refused_sectors))
        if p.hours_is_constraint:
            ok &= ~(self.hours_min > (p.hours_max or np.inf)) & ~(self.hours_max < (p.hours_min or -np.inf))
        if p.commute_is_constraint and p.home and p.max_commute_km:
            ok &= ~(haversine_km(p.home.lat, p.home.lon, self.lat, self.lon) > p.max_commute_km)
        return ok


def top_k(scores: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """Rows of the k best scores, best first."""
    if len(scores) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        return rows[part[np.argsort(-scores[part])]]
    return rows[np.argsort(-scores)]


class NumpyPeer:
    """Gather the allowed rows, one matmul, argpartition: exact."""

    name, exact = "numpy", True

    def __init__(self, vectors: np.ndarray, cols: Columns) -> None:
        self.v, self.cols = vectors, cols
        self.nbytes = vectors.nbytes

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:  # noqa: D102
        rows = np.flatnonzero(self.cols.mask(p))
        return top_k((self.v[rows] @ goals.T).max(axis=1), rows, k)


class SklearnPeer:
    """scikit-learn NearestNeighbors (brute, euclidean on unit vectors): global k x OVERFETCH, then filter.

    On unit vectors euclidean distance orders neighbours as cosine does (|a-b|^2 = 2 - 2 a.b), and
    scikit-learn's euclidean brute search is one GEMM; ``metric="cosine"`` would re-normalise every
    row per query.
    """

    name, exact = "sklearn", False

    def __init__(self, vectors: np.ndarray, cols: Columns) -> None:
        from sklearn.neighbors import NearestNeighbors

        self.nn = NearestNeighbors(algorithm="brute", metric="euclidean").fit(vectors)
        self.cols, self.nbytes = cols, vectors.nbytes

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:  # noqa: D102
        dist, idx = self.nn.kneighbors(goals, n_neighbors=min(k * OVERFETCH, self.nn.n_samples_fit_))
        mask = self.cols.mask(p)
        best: dict[int, float] = {}
        for d_row, i_row in zip(dist, idx, strict=True):
            for d, i in zip(d_row.tolist(), i_row.tolist(), strict=True):
                if mask[i]:
                    best[i] = max(best.get(i, -1.0), 1.0 - d * d / 2)
        rows = np.fromiter(best, np.int64, len(best))
        return top_k(np.fromiter(best.values(), np.float64, len(best)), rows, k)


class FaissPeer:
    """faiss IndexFlatIP: with ``selector`` an exact filtered search, else global + post-filter."""

    exact = True

    def __init__(self, vectors: np.ndarray, cols: Columns, *, selector: bool) -> None:
        import faiss

        self.faiss = faiss
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)
        self.cols, self.selector, self.nbytes = cols, selector, vectors.nbytes
        self.name = "faiss_selector" if selector else "faiss_postfilter"
        self.exact = selector

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:  # noqa: D102
        mask = self.cols.mask(p)
        if self.selector:
            bits = np.packbits(mask, bitorder="little")
            selector = self.faiss.IDSelectorBitmap(len(mask), self.faiss.swig_ptr(bits))
            params = self.faiss.SearchParameters(sel=selector)
            sims, idx = self.index.search(goals, k, params=params)
        else:
            sims, idx = self.index.search(goals, min(k * OVERFETCH, self.index.ntotal))
        keep = (idx >= 0) & mask[np.maximum(idx, 0)]
        best: dict[int, float] = {}
        for i, s in zip(idx[keep].tolist(), sims[keep].tolist(), strict=True):
            best[i] = max(best.get(i, -1.0), s)
        rows = np.fromiter(best, np.int64, len(best))
        return top_k(np.fromiter(best.values(), np.float64, len(best)), rows, k)


class DuckDBPeer:
    """DuckDB array_inner_product over a FLOAT[d] column, the filter in SQL: exact."""

    name, exact = "duckdb", True

    def __init__(self, vectors: np.ndarray, cols: Columns, threads: int = 1) -> None:
        import duckdb
        import pyarrow as pa

        self.con = duckdb.connect(":memory:", config={"threads": threads})
        d = vectors.shape[1]
        vec = pa.FixedSizeListArray.from_arrays(pa.array(vectors.reshape(-1)), d)
        frame = pa.table(  # noqa: F841  (DuckDB reads it by name in the SQL below)
            {
                "row": np.arange(len(vectors)),
                "vec": vec,
                "sector": cols.sector,
                "hmin": pa.array(cols.hours_min, from_pandas=True),  # NaN -> NULL (unknown)
                "hmax": pa.array(cols.hours_max, from_pandas=True),
                "lat": cols.lat,
                "lon": cols.lon,
            }
        )
        self.con.execute(
            f"CREATE TABLE items AS SELECT row, vec::FLOAT[{d}] AS vec, * EXCLUDE (row, vec) FROM frame"
        )
        self.d = d
        self.nbytes = int(
            self.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0]
        )

    def set_threads(self, threads: int) -> None:
        """DuckDB's own thread pool size (threadpoolctl does not reach it)."""
        self.con.execute(f"SET threads = {int(threads)}")

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:  # noqa: D102
        where, args = ["NOT list_contains(?, sector)"], [list(p.refused_sectors)]
        if p.hours_is_constraint:
            where.append(
                "NOT coalesce(hmin > ?, false) AND NOT coalesce(hmax < ?, false)"
            )  # unknown hours stay
            args += [p.hours_max or 1e9, p.hours_min or -1e9]
        if p.commute_is_constraint and p.home and p.max_commute_km:
            where.append(
                "2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * "
                "cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2))) <= ?"
            )
            args += [p.home.lat, p.home.lat, p.home.lon, p.max_commute_km]
        sims = ", ".join(f"array_inner_product(vec, ?::FLOAT[{self.d}])" for _ in goals)
        sql = f"SELECT row FROM items WHERE {' AND '.join(where)} ORDER BY greatest({sims}) DESC LIMIT ?"
        rows = self.con.execute(sql, [*args, *[g.tolist() for g in goals], k]).fetchall()
        return np.array([r[0] for r in rows], np.int64)


def build(name: str, vectors: np.ndarray, cols: Columns, threads: int = 1) -> Any:
    """A peer by name."""
    if name == "numpy":
        return NumpyPeer(vectors, cols)
    if name == "sklearn":
        return SklearnPeer(vectors, cols)
    if name in ("faiss_selector", "faiss_postfilter"):
        return FaissPeer(vectors, cols, selector=name == "faiss_selector")
    if name == "duckdb":
        return DuckDBPeer(vectors, cols, threads)
    raise ValueError(name)
