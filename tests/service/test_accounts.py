"""Tokens with expiry and revocation, listed per user over HTTP; disabling a user; the 003 migration."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from service.access import accounts, tokens
from service.access.users import get_user, set_password
from service.runtime.database import SERVICE_MIGRATIONS, Database
from tests.conftest import Api

PASSWORD = "correct horse battery staple"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _token_for(api: Api, username: str, **kw: object) -> str:
    user = get_user(api.db, username=username)
    assert user is not None
    return tokens.create_token(api.db, user_id=user.id, **kw)  # type: ignore[arg-type]


def test_a_token_stops_working_when_it_expires(api: Api) -> None:
    short = _token_for(api, "spec.a", name="short", hours=1.5 / 3600)  # 1.5 s
    assert api.client.get("/participants", headers=_bearer(short)).status_code == 200  # now remembered
    time.sleep(2.0)
    r = api.client.get("/participants", headers=_bearer(short))
    assert r.status_code == 401 and "expired" in r.json()["detail"]


def test_browser_sessions_expire_after_the_configured_hours(make_api: Callable[..., Api]) -> None:
    api = make_api(token_hours=2.0)
    set_password(api.db, username="spec.a", password=PASSWORD)
    r = api.client.post(
        "/ui/login", data={"username": "spec.a", "password": PASSWORD}, follow_redirects=False
    )
    assert r.status_code == 303 and "Max-Age=7200" in r.headers["set-cookie"]
    [session] = [t for t in api.call("GET", "/auth/tokens").json()["items"] if t["name"] == "browser-session"]
    left = datetime.fromisoformat(session["expires_at"]) - datetime.now(UTC)
    assert timedelta(hours=1.9) < left <= timedelta(hours=2)


def test_the_default_lifetime_is_twelve_hours(api: Api) -> None:
    listed = api.call("GET", "/auth/tokens").json()["items"]
    assert len(listed) == 1 and listed[0]["live"] and listed[0]["username"] == "spec.a"
    left = datetime.fromisoformat(listed[0]["expires_at"]) - datetime.now(UTC)
    assert timedelta(hours=11.9) < left <= timedelta(hours=12)
    assert not any(api.tokens["spec.a"] in str(v) for v in listed[0].values())  # never the secret


def test_users_list_and_revoke_their_own_tokens(api: Api) -> None:
    second = _token_for(api, "spec.a", name="laptop")
    listed = api.client.get("/auth/tokens", headers=_bearer(second)).json()["items"]
    assert {t["name"] for t in listed} == {"", "laptop"}
    laptop = next(t["id"] for t in listed if t["name"] == "laptop")
    assert api.call("DELETE", f"/auth/tokens/{laptop}").status_code == 204
    r = api.client.get("/participants", headers=_bearer(second))
    assert r.status_code == 401  # revoked through this process: at once, not after the cache
    assert api.call("GET", "/participants").status_code == 200  # the other token still works
    assert [t["name"] for t in api.call("GET", "/auth/tokens").json()["items"]] == [""]
    ended = api.call("GET", "/auth/tokens", params={"ended": True}).json()["items"]
    assert {(t["name"], t["live"]) for t in ended} == {("", True), ("laptop", False)}


def test_other_users_tokens_are_not_there_for_non_admins(api: Api) -> None:
    theirs = api.call("GET", "/auth/tokens", user="spec.b").json()["items"][0]["id"]
    assert api.call("DELETE", f"/auth/tokens/{theirs}", user="spec.a").status_code == 404
    missing = "00000000-0000-4000-8000-000000000000"
    assert api.call("DELETE", f"/auth/tokens/{missing}", user="spec.a").status_code == 404
    assert api.call("GET", "/auth/tokens", params={"username": "spec.b"}).status_code == 403
    assert api.call("GET", "/participants", user="spec.b").status_code == 200  # untouched


def test_admins_list_and_revoke_anyones_tokens(api: Api) -> None:
    r = api.call("GET", "/auth/tokens", user="admin", params={"username": "spec.b"})
    assert r.status_code == 200
    [theirs] = r.json()["items"]
    assert theirs["username"] == "spec.b"
    assert api.call("DELETE", f"/auth/tokens/{theirs['id']}", user="admin").status_code == 204
    assert api.call("GET", "/participants", user="spec.b").status_code == 401


def test_a_revoked_token_of_another_process_ends_within_the_cache_time(api: Api) -> None:
    token = _token_for(api, "spec.a")
    assert api.client.get("/participants", headers=_bearer(token)).status_code == 200
    user = get_user(api.db, username="spec.a")
    assert user is not None
    api.db.cursor().execute(  # what `ipsmatch users revoke-token` in another process writes
        "UPDATE app_api_tokens SET revoked_at = now() WHERE user_id = ?", [user.id]
    )
    api.db.memo["tokens"] = {k: (time.monotonic() - 1, *v[1:]) for k, v in api.db.memo["tokens"].items()}
    assert api.client.get("/participants", headers=_bearer(token)).status_code == 401


def test_disabling_a_user_revokes_their_tokens_and_enabling_does_not_bring_them_back(api: Api) -> None:
    assert accounts.set_active(api.db, username="spec.b", active=False)
    assert api.call("GET", "/participants", user="spec.b").status_code == 401
    assert accounts.set_active(api.db, username="spec.b", active=True)
    assert api.call("GET", "/participants", user="spec.b").status_code == 401
    assert not accounts.set_active(api.db, username="nobody", active=False)
    listed = {a.username: a for a in accounts.list_accounts(api.db)}
    assert listed["spec.b"].active and listed["spec.b"].live_tokens == 0
    assert listed["spec.a"].live_tokens == 1 and not listed["spec.a"].has_password


def test_resetting_a_password_ends_every_session(api: Api) -> None:
    assert accounts.reset_password(api.db, username="spec.a", password="a new long password")
    assert api.call("GET", "/participants").status_code == 401
    with pytest.raises(ValueError, match="at least 12"):
        accounts.reset_password(api.db, username="spec.a", password="short")


def test_migration_gives_old_tokens_an_id_and_an_expiry(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)  # a database as the service left it before 003
    con.execute(
        "CREATE TABLE schema_migrations (package VARCHAR, version INTEGER, name VARCHAR, "
        "applied_at TIMESTAMPTZ, PRIMARY KEY (package, version))"
    )
    for script in sorted(SERVICE_MIGRATIONS.glob("00[12]_*.sql")):
        con.execute(script.read_text())
        con.execute(
            "INSERT INTO schema_migrations VALUES ('app', ?, ?, now())", [int(script.name[:3]), script.name]
        )
    con.execute("INSERT INTO app_users VALUES ('u1', 'old', 'Old', 'specialist', NULL, NULL, true, now())")
    fresh, stale = "ipsm_fresh", "ipsm_stale"
    for secret, age in ((fresh, 1), (stale, 13)):
        con.execute(
            "INSERT INTO app_api_tokens VALUES (?, 'u1', '', now() - to_hours(?), NULL)",
            [tokens._digest(secret), age],
        )
    con.close()
    db = Database(path)
    try:
        assert "app/003_accounts.sql" in db.migrate()
        listed = tokens.list_tokens(db, username="old")
        assert len({t.id for t in listed}) == 2 and all(t.expires_at for t in listed)
        assert tokens.user_for_token(db, token=fresh) is not None
        assert tokens.user_for_token(db, token=stale) is None  # older than 12 h: expired
    finally:
        db.close()
