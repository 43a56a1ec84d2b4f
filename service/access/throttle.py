"""Login rate limit: a sliding window of failed sign-ins per username and per client address.

The first few failures are free; after that each attempt must wait twice as long as the one
before (1 s, 2 s, 4 s, ... up to 15 min) since the last failure, per username and per address
separately, so neither guessing one account from many addresses nor many accounts from one
address is fast. An attempt that must wait is refused *before* the password is hashed, and at
most `HASHING_AT_ONCE` argon2 checks run at a time: sign-in guessing cannot take the CPU the other
requests need (argon2 on every try slowed everyone's median from 78 ms to 2.3 s, issue 13).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

FREE_PER_USER = 5
FREE_PER_ADDRESS = 20
WINDOW_SECONDS = 15 * 60.0
FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 15 * 60.0
HASHING_AT_ONCE = 2
#: Keys remembered at most (an attacker trying a million usernames must not grow memory forever).
MAX_KEYS = 50_000


class TooManyAttempts(Exception):
    """Sign-in refused for now; try again after ``retry_after`` seconds (answered 429)."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"too many sign-in attempts; try again in {retry_after:.0f} s")
        self.retry_after = max(1, int(retry_after + 0.999))


@dataclass(frozen=True, slots=True)
class Rule:
    """Failures allowed in the window before each attempt must wait."""

    free: int
    window: float = WINDOW_SECONDS
    first_delay: float = FIRST_DELAY_SECONDS
    max_delay: float = MAX_DELAY_SECONDS

    def wait(self, failures: deque[float], now: float) -> float:
        """Seconds until the next attempt is allowed (0: now), given failure times in order."""
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        over = len(failures) - self.free
        if over < 0:
            return 0.0
        delay = min(self.first_delay * 2.0**over, self.max_delay)
        return max(0.0, failures[-1] + delay - now)


class LoginThrottle:
    """Failed sign-ins per username and per address (thread-safe, in this process).

    Args:
        clock: Monotonic seconds (tests pass a fake one).
    """

    def __init__(
        self,
        *,
        per_user: Rule | None = None,
        per_address: Rule | None = None,
        hashing_at_once: int = HASHING_AT_ONCE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_user = per_user or Rule(FREE_PER_USER)
        self.per_address = per_address or Rule(FREE_PER_ADDRESS)
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._hashing = threading.BoundedSemaphore(hashing_at_once)

    @contextmanager
    def attempt(self, username: str, address: str) -> Iterator[None]:
        """Guard one password check: TooManyAttempts before it when over a limit or too busy."""
        self.check(username, address)
        if not self._hashing.acquire(blocking=False):
            raise TooManyAttempts(1.0)  # others are being checked: never queue a thread for argon2
        try:
            yield
        finally:
            self._hashing.release()

    def check(self, username: str, address: str) -> None:
        """TooManyAttempts when the username or the address must wait."""
        now = self._clock()
        with self._lock:
            wait = max(
                self.per_user.wait(self._failures.get(("user", username.casefold()), deque()), now),
                self.per_address.wait(self._failures.get(("address", address), deque()), now),
            )
        if wait > 0:
            raise TooManyAttempts(wait)

    def failed(self, username: str, address: str) -> None:
        """Count a wrong password (or unknown user) for both keys."""
        now = self._clock()
        with self._lock:
            if len(self._failures) >= MAX_KEYS:
                self._forget_old(now)
            for key in (("user", username.casefold()), ("address", address)):
                self._failures.setdefault(key, deque(maxlen=256)).append(now)

    def succeeded(self, username: str) -> None:
        """A right password clears the username's failures.

        Not the address's: one good account must not reset the count of guesses made against
        others from there.
        """
        with self._lock:
            self._failures.pop(("user", username.casefold()), None)

    def _forget_old(self, now: float) -> None:
        window = max(self.per_user.window, self.per_address.window)
        for key in [k for k, v in self._failures.items() if not v or v[-1] <= now - window]:
            del self._failures[key]
        while len(self._failures) >= MAX_KEYS:  # all recent: drop the oldest-made keys
            del self._failures[next(iter(self._failures))]
