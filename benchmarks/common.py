"""What every benchmark prints: the environment it ran in, timing helpers, peak memory."""

from __future__ import annotations

import contextlib
import os
import platform
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

ROOT = Path(__file__).resolve().parents[1]


def environment() -> dict[str, object]:
    """What the numbers were measured on: BLAS kernel and thread settings matter here."""
    np.ones(2) @ np.ones(2)  # load BLAS so threadpoolctl sees it
    blas = [
        {k: info.get(k) for k in ("internal_api", "version", "num_threads", "architecture")}
        for info in threadpool_info()
        if info.get("user_api") == "blas"
    ]
    env = {
        k: os.environ[k]
        for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")
        if k in os.environ
    }
    return {
        "commit": commit(),
        "cpu_model": cpu_model(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas,
        "env": env,
        # Other work on the machine slows every figure; the load says how busy it was.
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """(wall time in ms, result) of one call."""
    start = time.perf_counter()
    out = fn()
    return (time.perf_counter() - start) * 1000, out


def summary(ms: list[float]) -> dict[str, float]:
    """p50 and p99 of a list of milliseconds."""
    if not ms:
        return {"p50_ms": float("nan"), "p99_ms": float("nan")}
    return {"p50_ms": round(statistics.median(ms), 3), "p99_ms": round(float(np.percentile(ms, 99)), 3)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def commit() -> str:
    """The checkout's commit (short hash, ``+dirty`` when files differ from it), "" outside git."""
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return head + ("+dirty" if dirty else "")


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or what `platform` knows."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


@contextlib.contextmanager
def pinned(threads: int) -> Iterator[None]:
    """Every thread pool in the process limited to ``threads`` while inside.

    threadpoolctl covers BLAS (numpy, scikit-learn) and OpenMP runtimes it finds loaded; faiss
    keeps its own OpenMP setting, so it is set explicitly. DuckDB's ``threads`` is a per-connection
    setting: the DuckDB peer sets it from the same number.
    """
    np.ones(2) @ np.ones(2)  # load BLAS so threadpoolctl sees it
    try:
        import faiss
    except ImportError:  # faiss is an optional peer
        faiss = None
    before = faiss.omp_get_max_threads() if faiss else 0
    with threadpool_limits(limits=threads):
        if faiss:
            faiss.omp_set_num_threads(threads)
        try:
            yield
        finally:
            if faiss:
                faiss.omp_set_num_threads(before)
