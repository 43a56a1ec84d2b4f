"""Per-record routes (create, read, update, soft delete, restore), the same for every record store.

The path parameter keeps its entity's public name (``note_id``, ``employer_id``...) in the path
and the OpenAPI document through ``Path(alias=...)``; the route functions call it ``record_id``,
as the record stores do, so operationIds, parameter names and titles are those of hand-written
routes. The store comes through ``Depends(get_store)`` (not an alias in deps.py) because the
route functions are made per entity.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from inspect import Parameter, Signature
from typing import Any, TypeVar
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response

from service.access.users import User
from service.api.pagination import Limit, after_id, id_page
from service.deps import DbDep, UserDep
from service.runtime.database import Database

#: A page model (``NotePage``...).
P = TypeVar("P")


@dataclass(frozen=True)
class RecordRoutes:
    """Adds one entity's routes to its router.

    Args:
        router: The entity's router.
        entity: ``person``, ``task``, ``employer``...: names the routes and the path parameter.
        get_store: The store dependency (``service.deps.get_<...>_store``).
        out_model: The response model.
        to_out: Record -> answer; by default ``out_model.from_fields(record)``.
        path: The collection path when the router has no prefix.
    """

    router: APIRouter
    entity: str
    get_store: Callable[..., Any]
    out_model: Any
    to_out: Callable[[Any], object] | None = None
    path: str = ""

    def out(self, rec: Any) -> object:
        """The answer for ``rec``."""
        return (self.to_out or self.out_model.from_fields)(rec)

    def page(
        self, model: Callable[..., P], store: Any, *, limit: int, after: UUID | None, **filters: object
    ) -> P:
        """``model`` (the entity's page) of ``store.list``: records by id after ``after``, at most ``limit``.

        ``filters`` are column -> value equality filters of the store's ``list`` (None: any value).
        """
        records = store.list(limit=limit, after=after_id(after), filters=filters)
        return id_page(model, records, limit, self.out)

    def add_create(self, in_model: Any, add: Callable[..., Any], doc: str) -> None:
        """Add ``POST {path}`` (201, route name ``create_<entity>``): ``add(store=, values=, actor=)``."""
        get_store = self.get_store

        def create(*, body: Any, user: UserDep, store: Any = Depends(get_store)) -> object:  # noqa: B008
            return self.out(add(store=store, values=body.store_values(), actor=user.username))

        create.__annotations__["body"] = in_model  # the body model is the entity's, known only here
        self._add(create, doc, "", "POST", f"create_{self.entity}", status_code=201)

    def add_list(
        self, page_model: Any, doc: str, *, name: str, store: Callable[..., Any] | None = None, **filters: Any
    ) -> None:
        """Add ``GET {path}`` (route name ``name``): `page` of the records, filtered by equality.

        Args:
            page_model: The page answered (``NotePage``...).
            doc: The route's description.
            name: The route's name (``list_notes``...).
            store: The dependency of the store to list from; by default ``get_store``.
            filters: Query parameter name -> its annotation (``UUID | None``...); each defaults to
                None (any value) and names the store column it filters.
        """
        get_store = store or self.get_store

        def list_records(
            *, user: User, store: Any, limit: int, after: UUID | None, **values: object
        ) -> object:  # ``user``: only signed-in callers list
            return self.page(page_model, store, limit=limit, after=after, **values)

        # the query parameters are the entity's, known only here: the signature FastAPI reads
        # lists them between the store and the page cursor, as a written-out route would
        keyword = Parameter.KEYWORD_ONLY
        list_records.__signature__ = Signature(  # type: ignore[attr-defined]
            [
                Parameter("user", keyword, annotation=UserDep),
                Parameter("store", keyword, default=Depends(get_store)),
                *(Parameter(key, keyword, default=None, annotation=kind) for key, kind in filters.items()),
                Parameter("limit", keyword, default=50, annotation=Limit),
                Parameter("after", keyword, default=None, annotation=UUID | None),
            ],
            return_annotation=page_model,
        )
        list_records.__doc__ = doc
        self.router.add_api_route(
            self.path, list_records, methods=["GET"], name=name, response_model=page_model
        )

    def add_get(self, doc: str) -> None:
        """Add ``GET {path}/{<entity>_id}`` (route name ``get_<entity>``), reading one record."""
        get_store = self.get_store

        def read(
            *,
            record_id: UUID = Path(alias=f"{self.entity}_id"),  # noqa: B008
            user: UserDep,
            store: Any = Depends(get_store),  # noqa: B008
        ) -> object:
            return self.out(store.get(record_id=str(record_id)))

        self._add(read, doc, f"/{{{self.entity}_id}}", "GET", f"get_{self.entity}")

    def add_update(
        self,
        patch_model: Any,
        doc: str,
        *,
        change: Callable[..., Any] | None = None,
        exclude_unset: bool = True,
    ) -> None:
        """Add ``PATCH {path}/{<entity>_id}`` (route name ``update_<entity>``), changing one record.

        Args:
            patch_model: The request body model.
            doc: The route's description.
            change: ``change(store=, record_id=, values=, actor=)``; by default the store's ``update``.
            exclude_unset: Whether fields missing from the body are left out of the values.
        """
        get_store, apply = self.get_store, change or (lambda *, store, **kw: store.update(**kw))

        def update(
            *,
            record_id: UUID = Path(alias=f"{self.entity}_id"),  # noqa: B008
            body: Any,
            user: UserDep,
            store: Any = Depends(get_store),  # noqa: B008
        ) -> object:
            values = body.model_dump(exclude_unset=exclude_unset)
            return self.out(apply(store=store, record_id=str(record_id), values=values, actor=user.username))

        update.__annotations__["body"] = patch_model  # the body model is the entity's, known only here
        self._add(update, doc, f"/{{{self.entity}_id}}", "PATCH", f"update_{self.entity}")

    def add_delete_and_restore(
        self,
        *,
        param: str = "record_id",
        docs: tuple[str, str] | None = None,
        restored: Callable[[Any, User, Database], object] | None = None,
        guard: Callable[[Any, User, str, bool], None] | None = None,
    ) -> None:
        """Add ``DELETE {path}/{<param>}`` (soft delete, 204) and ``POST {path}/{<param>}/restore``.

        Both are audit-logged by the request audit (`service.api.routes.audit`), as every delete is.

        Args:
            param: The id's name in the path.
            docs: The (delete, restore) descriptions; by default generic ones.
            restored: ``restored(record, user, db)`` makes the restore answer (and may audit-log
                what it shows); by default `out`.
            guard: ``guard(store, user, record_id, deleted)`` runs first and raises when the
                caller may not delete (``deleted`` False) or restore (True) that record.
        """
        get_store, make_out = self.get_store, restored or (lambda rec, _user, _db: self.out(rec))
        check = guard or (lambda _store, _user, _id, _deleted: None)

        def delete(
            *,
            record_id: UUID = Path(alias=param),  # noqa: B008
            user: UserDep,
            store: Any = Depends(get_store),  # noqa: B008
        ) -> Response:
            check(store, user, str(record_id), False)
            store.delete(record_id=str(record_id), actor=user.username)
            return Response(status_code=204)

        def restore(
            *,
            record_id: UUID = Path(alias=param),  # noqa: B008
            user: UserDep,
            db: DbDep,
            store: Any = Depends(get_store),  # noqa: B008
        ) -> object:
            check(store, user, str(record_id), True)
            return make_out(store.restore(record_id=str(record_id), actor=user.username), user, db)

        generic = (f"Soft-delete a {self.entity} (restorable).", f"Undelete a {self.entity}.")
        delete_doc, restore_doc = docs or generic
        self._add(delete, delete_doc, f"/{{{param}}}", "DELETE", f"delete_{self.entity}", status_code=204)
        self._add(restore, restore_doc, f"/{{{param}}}/restore", "POST", f"restore_{self.entity}")

    def _add(self, route: Callable[..., Any], doc: str, tail: str, method: str, name: str, **kw: Any) -> None:
        """Register ``route`` at ``{path}{tail}`` with its description, answering ``out_model``."""
        route.__doc__ = doc
        if method != "DELETE":
            kw["response_model"] = self.out_model
        self.router.add_api_route(f"{self.path}{tail}", route, methods=[method], name=name, **kw)
