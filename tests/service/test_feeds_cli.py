"""``ipsmatch feeds pull``: a file into the DuckDB file, idempotent; live fetch off unless asked."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service import cli
from service.config import Settings
from service.usecases.feeds.fetch import FeedFetchError, request_for
from service.usecases.feeds.schedule import FeedScheduler
from tests.conftest import Api
from tests.feeds.helpers import FIXTURES


def test_cli_pull_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    db = str(tmp_path / "feeds.duckdb")
    runner = CliRunner()
    sample = str(FIXTURES / "jobtech_sample.json")
    first = runner.invoke(cli.app, ["feeds", "pull", "jobtech", sample, "--db", db])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout.strip().splitlines()[-1])
    assert (summary["new"], summary["employers_created"], len(summary["rejected"])) == (3, 3, 2)
    second = json.loads(
        runner.invoke(cli.app, ["feeds", "pull", "jobtech", sample, "--db", db]).stdout.splitlines()[-1]
    )
    assert (second["new"], second["updated"], second["unchanged"], second["employers_created"]) == (
        0,
        0,
        3,
        0,
    )
    mapped = runner.invoke(
        cli.app,
        ["feeds", "pull", "generic", str(FIXTURES / "generic_sample.csv"), "--mapping",
         str(FIXTURES / "generic_mapping.json"), "--db", db],
    )  # fmt: skip
    generic = json.loads(mapped.stdout.splitlines()[-1])
    assert (generic["source"], generic["new"], len(generic["rejected"])) == ("cityjobs", 1, 1)


def test_cli_refuses_unknown_sources_and_live_fetches_that_are_off(tmp_path: Path) -> None:
    db = str(tmp_path / "feeds.duckdb")
    runner = CliRunner()
    unknown = runner.invoke(
        cli.app, ["feeds", "pull", "monster", str(FIXTURES / "uk_sample.json"), "--db", db]
    )
    assert unknown.exit_code == 2 and "must be one of" in unknown.output
    live = runner.invoke(cli.app, ["feeds", "pull", "jobtech", "--db", db])
    assert live.exit_code == 2 and "live fetching is off" in live.output


def test_live_requests_carry_the_keys_each_board_wants() -> None:
    since = datetime(2030, 5, 1, 6, 0, tzinfo=UTC)
    keys = {"jobtech": "jt-key", "francetravail": "tok", "uk": "app:secret"}
    settings = Settings(feeds_live=True, feeds_api_keys=keys)
    jobtech = request_for("jobtech", settings, since=since)
    assert (jobtech.params, jobtech.headers) == ({"date": "2030-05-01T06:00:00"}, {"api-key": "jt-key"})
    france = request_for("francetravail", settings, since=since)
    assert (
        france.headers["Authorization"] == "Bearer tok"
        and france.params["minCreationDate"] == "2030-05-01T06:00:00Z"
    )
    uk = request_for("uk", settings)
    assert (uk.params["app_id"], uk.params["app_key"]) == ("app", "secret")
    assert "secret" not in repr(uk) and "jt-key" not in repr(settings)
    with pytest.raises(FeedFetchError, match="off"):
        request_for("jobtech", Settings())
    with pytest.raises(FeedFetchError, match="app_id"):
        request_for("uk", Settings(feeds_live=True))


def test_the_scheduled_pull_is_off_by_default_and_pulls_what_the_fetch_gives(api: Api) -> None:
    engine = api.client.app.state.engine  # type: ignore[attr-defined]
    assert FeedScheduler.start_if_enabled(api.db, engine, Settings()) is None
    asked: list[tuple[str, datetime | None]] = []

    def fetch(source: str, settings: Settings, *, since: datetime | None = None) -> bytes:
        asked.append((source, since))
        if source == "jobnet":
            raise FeedFetchError("jobnet: ConnectTimeout")
        return (FIXTURES / "uk_sample.json").read_bytes()

    settings = Settings(feeds_live=True, feeds_pull_minutes=60, feeds_pull_sources=["jobnet", "uk"])
    scheduler = FeedScheduler(api.db, engine, settings, fetch=fetch)
    first = scheduler.run_once()
    assert list(first) == ["uk"] and first["uk"].new == 2  # the failing board is skipped, not raised
    assert scheduler.run_once()["uk"].new == 0
    assert asked[2][1] is None and asked[3][1] is not None  # the next uk fetch asks since the last pull
