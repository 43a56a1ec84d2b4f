"""Files uploaded to the import wizard, kept between its steps (mapping, preview, apply).

Plain HTML forms cannot carry a file from one step to the next, so the first step keeps it here
under a random token the later steps post back. In memory: the service is one process (docs/
architecture.md), a file is only needed for the minutes a wizard takes, and a restart costs the
user one upload again. Each user keeps at most `PER_USER` files, none longer than `KEEP_S`.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field

from employers import InvalidError, NotFoundError
from employers.tabular import read_table

PER_USER = 3
KEEP_S = 3600.0


@dataclass(frozen=True, slots=True)
class Upload:
    """A kept file: ``headers`` as its first row names them."""

    token: str
    username: str
    file_name: str
    data: bytes
    headers: tuple[str, ...]
    rows: int
    kept_at: float = field(default_factory=time.monotonic)


class UploadShelf:
    """Uploads by token; a token only opens its own user's file (another's reads as gone)."""

    def __init__(self) -> None:
        self._files: dict[str, Upload] = {}
        self._lock = threading.Lock()

    def keep(self, *, username: str, file_name: str, data: bytes) -> Upload:
        """Keep a readable CSV/xlsx file; InvalidError("file") when it is empty or unreadable."""
        if not data:
            raise InvalidError("file", "please choose a file")
        headers, rows = read_table(data, file_name)
        upload = Upload(secrets.token_urlsafe(16), username, file_name[:300], data, tuple(headers), len(rows))
        with self._lock:
            self._expire()
            own = sorted((u for u in self._files.values() if u.username == username), key=lambda u: u.kept_at)
            for old in own[: max(0, len(own) - PER_USER + 1)]:
                del self._files[old.token]
            self._files[upload.token] = upload
        return upload

    def get(self, *, username: str, token: str) -> Upload:
        """The user's kept file; NotFoundError("upload") when gone (expired, another user's)."""
        with self._lock:
            self._expire()
            upload = self._files.get(token)
        if upload is None or upload.username != username:
            raise NotFoundError("upload", token[:40])
        return upload

    def _expire(self) -> None:
        cutoff = time.monotonic() - KEEP_S
        for token in [t for t, u in self._files.items() if u.kept_at < cutoff]:
            del self._files[token]
