"""What a batch does (`BatchOptions`, built from the settings) and where it reports progress."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Protocol

from service.config import Settings


@dataclass(frozen=True)
class BatchOptions:
    """What a batch does; their hash is stored so a resume cannot change them midway."""

    leads: int = 50
    candidates: int = 100
    max_per_opening: int = 10
    max_per_employer: int = 100
    chunk: int = 500
    engine: str = "local"
    ray_address: str = ""
    #: Only these units' participants (a unit supervisor's batch); () ranks every unit.
    units: tuple[str, ...] = ()

    def rules(self) -> dict[str, Any]:
        """The options that decide the result (not how it is computed).

        ``units`` is among them only when set, so a batch of every unit keeps the hash it had.
        """
        out = asdict(self)
        for how in ("chunk", "engine", "ray_address"):
            out.pop(how)
        if not self.units:
            out.pop("units")
        else:
            out["units"] = sorted(self.units)
        return out

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> BatchOptions:
        """The batch settings as options; None overrides are ignored (unset CLI flags)."""
        values: dict[str, Any] = {
            "leads": settings.batch_leads,
            "candidates": max(settings.batch_candidates, settings.batch_leads),
            "max_per_opening": settings.batch_max_per_opening,
            "max_per_employer": settings.batch_max_per_employer,
            "chunk": settings.batch_chunk,
            "engine": settings.batch_engine,
            "ray_address": settings.ray_address,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


class Progress(Protocol):
    """Where a batch reports progress (a rich bar on the CLI; nothing over HTTP)."""

    def phase(self, name: str, total: int) -> None:
        """A phase starts with ``total`` participants."""

    def advance(self, done: int) -> None:
        """``done`` more participants finished."""


class Quiet:
    """Progress reported nowhere (the HTTP route polls the batch row instead)."""

    def phase(self, name: str, total: int) -> None:
        """Nothing to show."""

    def advance(self, done: int) -> None:
        """Nothing to show."""
