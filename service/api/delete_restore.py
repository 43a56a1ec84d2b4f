"""Read, update, soft delete and restore routes, the same for every record store (people, tasks, notes...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response

from service.access.users import User
from service.deps import DbDep, UserDep
from service.runtime.database import Database


def add_delete_and_restore(
    router: APIRouter,
    *,
    entity: str,
    get_store: Callable[..., Any],
    out_model: Any,
    to_out: Callable[[Any, User, Database], object] | None = None,
    path: str = "",
    param: str = "record_id",
    docs: tuple[str, str] | None = None,
) -> None:
    """Add ``DELETE {path}/{id}`` (soft delete, 204) and ``POST {path}/{id}/restore`` to ``router``.

    ``to_out(record, user, db)`` makes the answer (and may audit-log what it shows); by default
    ``out_model.from_fields(record)``. The store comes through ``Depends(get_store)`` here (not
    an alias in deps.py) because the route functions are made per entity. ``param`` names the
    id in the path; ``docs`` gives the (delete, restore) descriptions, by default generic ones.
    """
    make_out = to_out or (lambda rec, _user, _db: out_model.from_fields(rec))

    def delete(
        *,
        record_id: UUID = Path(alias=param),  # noqa: B008
        user: UserDep,
        store: Any = Depends(get_store),  # noqa: B008
    ) -> Response:
        store.delete(record_id=str(record_id), actor=user.username)
        return Response(status_code=204)

    def restore(
        *,
        record_id: UUID = Path(alias=param),  # noqa: B008
        user: UserDep,
        db: DbDep,
        store: Any = Depends(get_store),  # noqa: B008
    ) -> object:
        return make_out(store.restore(record_id=str(record_id), actor=user.username), user, db)

    delete.__doc__, restore.__doc__ = docs or (
        f"Soft-delete a {entity} (restorable).",
        f"Undelete a {entity}.",
    )
    item = f"{path}/{{{param}}}"
    router.add_api_route(item, delete, methods=["DELETE"], status_code=204, name=f"delete_{entity}")
    router.add_api_route(
        f"{item}/restore", restore, methods=["POST"], response_model=out_model, name=f"restore_{entity}"
    )


def add_get(
    router: APIRouter,
    *,
    entity: str,
    get_store: Callable[..., Any],
    out_model: Any,
    doc: str,
    to_out: Callable[[Any], object] | None = None,
    path: str = "",
) -> None:
    """Add ``GET {path}/{<entity>_id}`` (route name ``get_<entity>``), reading one record, to ``router``.

    The path parameter keeps its entity's name in the path and the OpenAPI document through
    ``Path(alias=...)``; the function itself calls it ``record_id``, as the record stores do.

    Args:
        router: The entity's router (its prefix is the collection path).
        entity: ``person``, ``task``, ``note``...: names the route and its path parameter.
        get_store: The store dependency (``service.deps.get_<...>_store``).
        out_model: The response model.
        doc: The route's description.
        to_out: Record -> answer; by default ``out_model.from_fields(record)``.
        path: The collection path when the router has no prefix.
    """
    make_out = to_out or out_model.from_fields

    def read(
        *,
        record_id: UUID = Path(alias=f"{entity}_id"),  # noqa: B008
        user: UserDep,
        store: Any = Depends(get_store),  # noqa: B008
    ) -> object:
        return make_out(store.get(record_id=str(record_id)))

    read.__doc__ = doc
    router.add_api_route(
        f"{path}/{{{entity}_id}}", read, methods=["GET"], response_model=out_model, name=f"get_{entity}"
    )


def add_update(
    router: APIRouter,
    *,
    entity: str,
    get_store: Callable[..., Any],
    patch_model: Any,
    out_model: Any,
    doc: str,
    change: Callable[..., Any] | None = None,
    exclude_unset: bool = True,
    to_out: Callable[[Any], object] | None = None,
    path: str = "",
) -> None:
    """Add ``PATCH {path}/{<entity>_id}`` (route name ``update_<entity>``), changing a record, to ``router``.

    The body is dumped and handed to ``change(store=..., record_id=..., values=..., actor=...)``,
    by default ``store.update``; the path parameter keeps its public name as in `add_get`.

    Args:
        router: The entity's router (its prefix is the collection path).
        entity: ``person``, ``task``, ``note``...: names the route and its path parameter.
        get_store: The store dependency (``service.deps.get_<...>_store``).
        patch_model: The request body model.
        out_model: The response model.
        doc: The route's description.
        change: The update use case; by default the store's own ``update``.
        exclude_unset: Whether fields missing from the body are left out of the values.
        to_out: Record -> answer; by default ``out_model.from_fields(record)``.
        path: The collection path when the router has no prefix.
    """
    make_out = to_out or out_model.from_fields
    apply = change or (lambda *, store, **kw: store.update(**kw))

    def update(
        *,
        record_id: UUID = Path(alias=f"{entity}_id"),  # noqa: B008
        body: Any,
        user: UserDep,
        store: Any = Depends(get_store),  # noqa: B008
    ) -> object:
        values = body.model_dump(exclude_unset=exclude_unset)
        return make_out(apply(store=store, record_id=str(record_id), values=values, actor=user.username))

    update.__annotations__["body"] = patch_model  # the body model is the entity's, known only here
    update.__doc__ = doc
    router.add_api_route(
        f"{path}/{{{entity}_id}}",
        update,
        methods=["PATCH"],
        response_model=out_model,
        name=f"update_{entity}",
    )
