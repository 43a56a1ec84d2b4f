"""Checks every store makes on caller values before it writes: unknown keys, nulls, missing rows."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
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


def first(found: Sequence[T], entity: str, entity_id: str) -> T:
    """The first of ``found``; NotFoundError(entity, entity_id) when it is empty."""
    if not found:
        raise NotFoundError(entity, entity_id)
    return found[0]
