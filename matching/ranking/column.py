"""`Column`: how `matching.ranking.table.OpeningTable` declares each numeric column, once."""

from __future__ import annotations

from typing import Generic, TypeVar, overload

import numpy as np
import numpy.typing as npt

S = TypeVar("S", bound=np.generic)


class Column(Generic[S]):
    """A numeric column of `OpeningTable`, declared once: its dtype and what unused rows hold.

    The table puts each column's array on the instance (``__init__``, ``grow``), which shadows
    this class-level declaration, so reading a column stays a plain attribute read.
    """

    __slots__ = ("dtype", "fill", "name")

    def __init__(self, dtype: type[S], fill: object) -> None:
        self.dtype, self.fill, self.name = dtype, fill, ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Column[S]: ...
    @overload
    def __get__(self, obj: object, owner: type) -> npt.NDArray[S]: ...
    def __get__(self, obj: object, owner: type) -> Column[S] | npt.NDArray[S]:
        """The declaration on the class; on a table only before ``__init__`` set the array."""
        if obj is None:
            return self
        raise AttributeError(self.name)
