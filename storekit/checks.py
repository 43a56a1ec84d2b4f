"""Checks every store makes on caller values before writing: unknown keys, nulls, unsafe values, rows."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TypeVar

from storekit.errors import InvalidError, NotFoundError

T = TypeVar("T")


def refuse_unknown(keys: Iterable[str], allowed: Collection[str], message: str, *, prefix: str = "") -> None:
    """InvalidError on the first (sorted) key not in ``allowed``, named ``prefix + key``.

    Args:
        keys: The keys the caller gave.
        allowed: The keys the store accepts here.
        message: Why, e.g. ``"is not an employer field"``.
        prefix: For nested values, e.g. ``"sites."``.
    """
    unknown = sorted(set(keys) - set(allowed))
    if unknown:
        raise InvalidError(f"{prefix}{unknown[0]}", message)


def refuse_nulls(values: Mapping[str, object], not_null: Collection[str]) -> None:
    """InvalidError on the first (sorted) key of ``not_null`` whose value is None."""
    nulls = sorted(k for k, v in values.items() if v is None and k in not_null)
    if nulls:
        raise InvalidError(nulls[0], "cannot be null")


def check_choice(field: str, value: object, allowed: Sequence[str]) -> None:
    """InvalidError naming ``field`` when ``value`` is given (not None) and not one of ``allowed``."""
    if value is not None and value not in allowed:
        raise InvalidError(field, f"must be one of {', '.join(allowed)}; got {value!r}")


def first(found: Sequence[T], entity: str, entity_id: str) -> T:
    """The first of ``found``; NotFoundError(entity, entity_id) when it is empty."""
    if not found:
        raise NotFoundError(entity, entity_id)
    return found[0]


#: The instants and days a store accepts (UTC): wide enough for any birth, contact or closing date,
#: narrow enough that converting between time zones and adding days can never overflow.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
#: Characters no text column takes: C0 controls but tab, LF and CR; DEL; lone surrogates (no UTF-8
#: exists for them); U+FFFE/U+FFFF (not XML, so an xlsx export could not hold them).
_BAD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def utc_moment(value: datetime) -> datetime:
    """``value`` as an aware UTC datetime in [EARLIEST, LATEST] (naive values are read as UTC).

    Raises:
        ValueError: Outside that range, including offsets that would overflow the conversion.
    """
    try:
        moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        moment = None
    if moment is None or not EARLIEST <= moment <= LATEST:
        raise ValueError(f"must lie between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d} (UTC)")
    return moment


def sane_day(value: date) -> date:
    """``value`` when it lies in [EARLIEST, LATEST]'s days; ValueError otherwise."""
    if not EARLIEST.date() <= value <= LATEST.date():
        raise ValueError(f"must lie between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d}")
    return value


def clean_text(value: str) -> str:
    """``value`` when it holds no control character, lone surrogate or non-character; ValueError."""
    bad = _BAD_CHARACTERS.search(value)
    if bad:
        raise ValueError(f"contains the control character U+{ord(bad.group()):04X} at position {bad.start()}")
    return value


def refuse_unsafe(values: Mapping[str, object], *, prefix: str = "") -> None:
    """InvalidError naming the first value a column cannot hold safely, before anything is written.

    Checks every datetime (`utc_moment`), date (`sane_day`), float (finite) and text (`clean_text`),
    inside nested mappings (``prefix + key + "."``) and lists too; other values pass.
    """
    for key, value in values.items():
        _refuse_unsafe_value(f"{prefix}{key}", value)


def _refuse_unsafe_value(field: str, value: object) -> None:
    try:
        if isinstance(value, datetime):
            utc_moment(value)
        elif isinstance(value, date):
            sane_day(value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise ValueError("must be a finite number")
        elif isinstance(value, str):
            clean_text(value)
    except ValueError as exc:
        raise InvalidError(field, str(exc)) from None
    if isinstance(value, Mapping):
        refuse_unsafe(value, prefix=f"{field}.")
    elif isinstance(value, list | tuple):
        for item in value:
            _refuse_unsafe_value(field, item)
