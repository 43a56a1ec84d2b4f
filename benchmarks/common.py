"""What every benchmark prints: the environment it ran in, timing helpers, peak memory."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import time
from collections.abc import Callable

import numpy as np
from threadpoolctl import threadpool_info


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
