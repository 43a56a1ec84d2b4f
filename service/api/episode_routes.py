"""Routes for a participant's episodes: jobs, education, support contacts (the `EpisodeStore` records).

Add, list, read and change, each scoped by ``participant_id`` in the path: the use cases answer
404 for a person outside the caller's unit. An entity's use cases come as one object bound to
the request (`RecordCases`, made by a FastAPI dependency), so a route only parses the path, the
body and the caller, calls one case and maps the answer. The record's id keeps its public name
(``job_id``, ``contact_id``...) in the path through ``Path(alias=...)``, and the routes get the
names of hand-written ones, so the OpenAPI document and operationIds are those of written-out
routes (as in `service.api.record_routes`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol
from uuid import UUID

from fastapi import APIRouter, Depends, Path

from participants.episode_store import EpisodeStore
from service.deps import DbDep, UserDep
from service.usecases import episodes


class RecordCases(Protocol):
    """One entity's use cases for one request (the caller and what the cases run on are bound)."""

    def add(self, participant_id: str, values: Mapping[str, Any]) -> Any:
        """Record a new one for the participant (``values`` as the store takes them)."""

    def read_all(self, participant_id: str) -> list[Any]:
        """Every record of the participant."""

    def read(self, participant_id: str, record_id: str) -> Any:
        """One record of the participant."""

    def change(self, participant_id: str, record_id: str, values: Mapping[str, Any]) -> Any:
        """Change fields of one record of the participant."""


@dataclass(frozen=True)
class BoundCases:
    """`RecordCases` over four keyword-only use cases with the request's context already bound.

    Each case is a ``functools.partial`` of a use case with ``db``, ``user`` and whatever else it
    runs on; this passes the participant, the record id (named ``id_name`` by the use cases) and
    the values.
    """

    add_case: Callable[..., Any]
    list_case: Callable[..., list[Any]]
    get_case: Callable[..., Any]
    change_case: Callable[..., Any]
    id_name: str = "record_id"

    def add(self, participant_id: str, values: Mapping[str, Any]) -> Any:
        """The added record."""
        return self.add_case(participant_id=participant_id, values=values)

    def read_all(self, participant_id: str) -> list[Any]:
        """The participant's records."""
        return self.list_case(participant_id=participant_id)

    def read(self, participant_id: str, record_id: str) -> Any:
        """One record."""
        return self.get_case(participant_id=participant_id, **{self.id_name: record_id})

    def change(self, participant_id: str, record_id: str, values: Mapping[str, Any]) -> Any:
        """The changed record."""
        return self.change_case(participant_id=participant_id, values=values, **{self.id_name: record_id})


def episode_cases(kind: type[EpisodeStore[Any]]) -> Callable[..., BoundCases]:
    """A dependency giving `service.usecases.episodes` over ``kind`` for the request's caller."""

    def get_cases(user: UserDep, db: DbDep) -> BoundCases:
        bound: dict[str, Any] = {"db": db, "user": user, "kind": kind}
        return BoundCases(
            partial(episodes.add_record, **bound),
            partial(episodes.list_records, **bound),
            partial(episodes.get_record, **bound),
            partial(episodes.change_record, **bound),
        )

    get_cases.__doc__ = f"Use cases of {kind.entity} records for the request's caller."
    return get_cases


@dataclass(frozen=True)
class EpisodeRoutes:
    """Adds one entity's participant-scoped routes to its router.

    Args:
        router: The entity's router (its prefix holds ``{participant_id}``).
        names: (one, many): ``job``, ``jobs``; the routes are ``add_<one>``, ``list_<many>``,
            ``get_<one>`` and ``change_<one>``.
        id_name: The record id's name in the path (``job_id``, ``contact_id``...).
        get_cases: The dependency giving the entity's `RecordCases`.
        out_model: The response model of one record; ``list_model`` has ``items`` of them.
        list_model: The response model of a list.
        to_out: Record -> answer; by default ``out_model.from_fields(record)``.
        path: The collection path below the router's prefix.
    """

    router: APIRouter
    names: tuple[str, str]
    id_name: str
    get_cases: Callable[..., RecordCases]
    out_model: Any
    list_model: Any
    to_out: Callable[[Any], object] | None = None
    path: str = ""

    def out(self, rec: Any) -> object:
        """The answer for ``rec``."""
        return (self.to_out or self.out_model.from_fields)(rec)

    def add_create(self, in_model: Any, doc: str, **dump: Any) -> None:
        """Add ``POST {path}`` (201): the body's ``store_values(**dump)`` to ``cases.add``."""
        get_cases = self.get_cases

        def add(*, participant_id: UUID, body: Any, cases: Any = Depends(get_cases)) -> object:  # noqa: B008
            return self.out(cases.add(str(participant_id), body.store_values(**dump)))

        add.__annotations__["body"] = in_model  # the body model is the entity's, known only here
        self._add(add, doc, "", "POST", f"add_{self.names[0]}", self.out_model, status_code=201)

    def add_list(self, doc: str) -> None:
        """Add ``GET {path}``: ``list_model`` of ``cases.read_all``."""
        get_cases = self.get_cases

        def read_all(*, participant_id: UUID, cases: Any = Depends(get_cases)) -> object:  # noqa: B008
            return self.list_model(items=[self.out(r) for r in cases.read_all(str(participant_id))])

        self._add(read_all, doc, "", "GET", f"list_{self.names[1]}", self.list_model)

    def add_get(self, doc: str) -> None:
        """Add ``GET {path}/{<id_name>}``: ``cases.read``."""
        get_cases = self.get_cases

        def read(
            *,
            participant_id: UUID,
            record_id: UUID = Path(alias=self.id_name),  # noqa: B008
            cases: Any = Depends(get_cases),  # noqa: B008
        ) -> object:
            return self.out(cases.read(str(participant_id), str(record_id)))

        self._add(read, doc, f"/{{{self.id_name}}}", "GET", f"get_{self.names[0]}", self.out_model)

    def add_change(self, patch_model: Any, doc: str) -> None:
        """Add ``PATCH {path}/{<id_name>}``: the fields set in the body to ``cases.change``."""
        get_cases = self.get_cases

        def change(
            *,
            participant_id: UUID,
            record_id: UUID = Path(alias=self.id_name),  # noqa: B008
            body: Any,
            cases: Any = Depends(get_cases),  # noqa: B008
        ) -> object:
            values = body.store_values(exclude_unset=True)
            return self.out(cases.change(str(participant_id), str(record_id), values))

        change.__annotations__["body"] = patch_model  # the body model is the entity's, known only here
        self._add(change, doc, f"/{{{self.id_name}}}", "PATCH", f"change_{self.names[0]}", self.out_model)

    def _add(
        self, route: Callable[..., Any], doc: str, tail: str, method: str, name: str, model: Any, **kw: Any
    ) -> None:
        """Register ``route`` at ``{path}{tail}`` with its description, answering ``model``."""
        route.__doc__ = doc
        self.router.add_api_route(
            f"{self.path}{tail}", route, methods=[method], name=name, response_model=model, **kw
        )
