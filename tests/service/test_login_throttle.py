"""Sign-in rate limit: backoff per username and per address, refused before any argon2 work."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from service.access.throttle import LoginThrottle, Rule, TooManyAttempts
from service.access.users import set_password
from tests.conftest import Api

PASSWORD = "correct horse battery staple"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _wait(throttle: LoginThrottle, user: str, address: str) -> float:
    try:
        throttle.check(user, address)
    except TooManyAttempts as exc:
        return exc.retry_after
    return 0.0


def test_backoff_doubles_after_the_free_failures_and_the_window_forgets() -> None:
    clock = Clock()
    t = LoginThrottle(per_user=Rule(3, window=600), per_address=Rule(100), clock=clock)
    waits = []
    for _ in range(6):
        waits.append(_wait(t, "owen", "10.0.0.1"))
        t.failed("owen", "10.0.0.1")
    assert waits == [0, 0, 0, 1, 2, 4]  # three free, then 1 s, 2 s, 4 s after the last failure
    assert _wait(t, "OWEN", "10.0.0.9") == 8  # the username, whatever the case and the address
    clock.now += 8
    assert _wait(t, "owen", "10.0.0.1") == 0
    t.failed("owen", "10.0.0.1")
    assert _wait(t, "owen", "10.0.0.1") == 16
    clock.now += 601  # every failure left the window
    assert _wait(t, "owen", "10.0.0.1") == 0


def test_one_address_guessing_many_usernames_is_slowed_too() -> None:
    t = LoginThrottle(per_user=Rule(5), per_address=Rule(4), clock=Clock())
    for i in range(5):
        t.failed(f"user{i}", "10.0.0.1")
    assert _wait(t, "user-new", "10.0.0.1") == 2
    assert _wait(t, "user-new", "10.0.0.2") == 0  # another address is not punished


def test_success_clears_the_username_but_not_the_address() -> None:
    t = LoginThrottle(per_user=Rule(2), per_address=Rule(3), clock=Clock())
    for _ in range(4):
        t.failed("owen", "10.0.0.1")
    t.succeeded("owen")
    assert _wait(t, "owen", "10.0.0.2") == 0
    assert _wait(t, "karin", "10.0.0.1") > 0  # a good account of the guesser does not reset it


def test_at_most_n_password_checks_run_at_once() -> None:
    t = LoginThrottle(hashing_at_once=1)
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with t.attempt("a", "10.0.0.1"):
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert inside.wait(10)
    with pytest.raises(TooManyAttempts) as refused, t.attempt("b", "10.0.0.2"):
        pass
    assert refused.value.retry_after == 1
    release.set()
    holder.join()
    with t.attempt("b", "10.0.0.2"):
        pass  # free again


@pytest.fixture
def counted(api: Api, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The usernames whose password was checked (argon2 run) by the sign-in page.

    The throttle's clock stands still, so a slow machine cannot let a wait run out mid-test.
    """
    from service.web import pages

    checked: list[str] = []
    real = pages.authenticate

    def counting(db: object, *, username: str, password: str) -> object:
        checked.append(username)
        return real(db, username=username, password=password)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "authenticate", counting)
    api.client.app.state.login_throttle = LoginThrottle(clock=Clock())  # type: ignore[attr-defined]
    set_password(api.db, username="spec.a", password=PASSWORD)
    yield checked


def _login(api: Api, password: str, username: str = "spec.a") -> object:
    return api.client.post(
        "/ui/login", data={"username": username, "password": password}, follow_redirects=False
    )


def test_guessing_gets_429_with_retry_after_before_any_hashing(api: Api, counted: list[str]) -> None:
    codes = [_login(api, f"guess number {i}").status_code for i in range(8)]  # type: ignore[attr-defined]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
    assert len(counted) == 5  # the refused guesses never reached argon2
    r = _login(api, PASSWORD)  # the right password is refused as well while it must wait
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1  # type: ignore[attr-defined]
    assert "try again" in r.text  # type: ignore[attr-defined]
    assert len(counted) == 5
    assert api.call("GET", "/participants").status_code == 200  # tokens are not affected


def test_after_the_wait_the_right_password_signs_in(api: Api, counted: list[str]) -> None:
    clock = Clock()
    api.client.app.state.login_throttle = LoginThrottle(clock=clock)  # type: ignore[attr-defined]
    for i in range(6):
        _login(api, f"guess number {i}")
    assert _login(api, PASSWORD).status_code == 429  # type: ignore[attr-defined]
    clock.now += 2.0
    r = _login(api, PASSWORD)
    assert r.status_code == 303 and r.headers["location"] == "/ui/participants"  # type: ignore[attr-defined]
    assert _login(api, "one more wrong guess").status_code == 401  # type: ignore[attr-defined]


def test_an_oversized_password_is_refused_without_hashing(api: Api, counted: list[str]) -> None:
    assert _login(api, "x" * 5000).status_code == 422  # type: ignore[attr-defined]
    assert counted == []
