"""Small deterministic helpers shared by the demo-data generator modules."""

from __future__ import annotations

import gzip
import io
import json
import random
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "œ": "oe", "’": ""})


def stage_rng(seed: int, stage: str) -> random.Random:
    """Return an independent ``random.Random`` for one generation stage of one seed.

    String seeds are hashed with SHA-512 by ``random``, so this does not depend on
    ``PYTHONHASHSEED``; changing one stage does not shift the numbers of the others.
    """
    return random.Random(f"ipsmatch-demo/{seed}/{stage}")


def new_id(rng: random.Random) -> str:
    """Return a random version-4 UUID string drawn from ``rng``."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def pick_weighted(rng: random.Random, weights: dict[Any, float]) -> Any:
    """Return one key of ``weights`` drawn with the given relative weights (insertion order)."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def chance(rng: random.Random, p: float) -> bool:
    """Return ``True`` with probability ``p``."""
    return rng.random() < p


def sample_upto(rng: random.Random, items: Sequence[Any], k: int) -> list[Any]:
    """Return ``min(k, len(items))`` distinct items of ``items`` in random order."""
    return rng.sample(list(items), min(k, len(items)))


def ascii_fold(text: str) -> str:
    """Return ``text`` lowercased with accents and Nordic letters folded to ASCII."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if c.isascii()).lower()


def jitter(rng: random.Random, lat: float, lon: float, km: float) -> tuple[float, float]:
    """Return a point up to about ``km`` km from (lat, lon), rounded to 5 decimals."""
    dlat = rng.uniform(-km, km) / 111.0
    dlon = rng.uniform(-km, km) / (111.0 * 0.55)
    return round(lat + dlat, 5), round(lon + dlon, 5)


def parse_time(text: str) -> datetime:
    """Parse an ISO-8601 UTC time such as ``2026-11-01T00:00:00Z``."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def iso(moment: datetime) -> str:
    """Format a UTC datetime as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def minutes_before(as_of: datetime, minutes: int) -> datetime:
    """Return ``as_of`` minus ``minutes`` minutes."""
    return as_of - timedelta(minutes=minutes)


def dumps(obj: Any) -> str:
    """Serialise ``obj`` the one way every output file uses (sorted keys, UTF-8 text)."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


def write_jsonl_gz(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write ``rows`` as gzip JSON Lines with a fixed header (mtime 0, no name); return count."""
    buf = io.BytesIO()
    n = 0
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for row in rows:
            gz.write((dumps(row) + "\n").encode("utf-8"))
            n += 1
    path.write_bytes(buf.getvalue())
    return n


def write_json(path: Path, obj: Any) -> None:
    """Write ``obj`` as indented, key-sorted UTF-8 JSON with a trailing newline."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    path.write_bytes(text.encode("utf-8"))
