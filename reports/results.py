"""What every computed IPS-25 item returns: the figure, its fraction, the band and the rows behind it.

A supervisor's drill-down (issue 14 item 7) is the ``evidence``: one row per unit of the
denominator (a person, a contact, a job, a job's follow-along check, an employer) with whether it
counted in the numerator, so the figure can be re-counted by hand from the rows alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from reports.bands import Scale


@dataclass(frozen=True)
class Evidence:
    """One row behind a figure.

    ``kind`` is participant, contact, job, job_event, job_check, employer or specialist; ``id``
    its id; ``met`` whether it passed the item's test (counted in the numerator); ``value`` an
    optional number (days, a rate, elements); ``note`` why, in words.
    """

    kind: str
    id: str
    met: bool
    value: float | None = None
    note: str = ""


@dataclass(frozen=True)
class ItemResult:
    """One computed item.

    Attributes:
        item: IPS-25 id ("S1", "V4", ...).
        figure: ``numerator / denominator`` in the item's unit, None when the denominator is 0.
        numerator, denominator: what the figure divides (see docs/reports.md per item).
        unit: what the figure measures ("share", "days", "clients per FTE", ...).
        band: 1–5, None when there is no figure.
        proxy: True when the band is our proxy for a qualitative anchor (a reviewer should confirm).
        source: the reference section the definition follows.
        evidence: the rows behind the figure, in a stable order.
        extra: secondary figures (per-specialist values, shares within a target), by name.
    """

    item: str
    figure: float | None
    numerator: float
    denominator: float
    unit: str
    band: int | None
    proxy: bool
    source: str
    evidence: tuple[Evidence, ...] = ()
    extra: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when nothing is in the denominator."""
    return None if denominator == 0 else numerator / denominator


def scaled_item(
    item: str,
    numerator: float,
    denominator: float,
    *,
    unit: str,
    scale: Scale,
    source: str,
    evidence: Iterable[Evidence],
    extra: Mapping[str, float] | None = None,
    banded: float | None = None,
) -> ItemResult:
    """An item whose figure is ``numerator / denominator`` in ``unit``, banded by ``scale``.

    The band is read from the figure, or from ``banded`` for an item whose band counts something
    else (V14 bands the improper closures, so no closures at all is still band 5). The band is a
    proxy exactly when ``scale`` is not an official anchor.
    """
    figure = ratio(numerator, denominator)
    return ItemResult(
        item=item,
        figure=figure,
        numerator=numerator,
        denominator=denominator,
        unit=unit,
        band=scale.band(figure if banded is None else banded),
        proxy=not scale.official,
        source=source,
        evidence=tuple(evidence),
        extra=MappingProxyType(dict(extra or {})),
    )


def share_item(
    item: str, evidence: Iterable[Evidence], scale: Scale, source: str, **extra: float
) -> ItemResult:
    """An item whose figure is the share of evidence rows that ``met`` the test, banded by ``scale``."""
    rows = tuple(evidence)
    met = sum(r.met for r in rows)
    return scaled_item(
        item, met, len(rows), unit="share", scale=scale, source=source, evidence=rows, extra=extra
    )


def mean_item(
    item: str, evidence: Iterable[Evidence], scale: Scale, unit: str, source: str, **extra: float
) -> ItemResult:
    """An item whose figure is the mean ``value`` of the evidence rows (None counts 0), in ``unit``."""
    rows = tuple(evidence)
    total = sum(r.value or 0.0 for r in rows)
    return scaled_item(
        item, total, len(rows), unit=unit, scale=scale, source=source, evidence=rows, extra=extra
    )
