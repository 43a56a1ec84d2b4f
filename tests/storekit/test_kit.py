"""The store kit on an in-memory DuckDB: transactions, change log, row helpers, checks, errors."""

from __future__ import annotations

import duckdb
import pytest

import employers
import participants
import storekit
from storekit.change_log import ChangeLog
from storekit.checks import check_choice, first, refuse_nulls, refuse_unknown
from storekit.rows import insert_many, row_by_id, uuid_of

ID = "00000000-0000-4000-8000-000000000001"


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE log (id UUID, changed_at TIMESTAMPTZ, actor VARCHAR, entity VARCHAR, "
        "entity_id VARCHAR, action VARCHAR, field VARCHAR, old_value VARCHAR, new_value VARCHAR)"
    )
    con.execute("CREATE TABLE t (id UUID, name VARCHAR, deleted_at TIMESTAMPTZ)")
    return con


def test_change_log_writes_one_row_per_field_and_lists_as_json(con: duckdb.DuckDBPyConnection) -> None:
    log = ChangeLog("log")
    log.log_change(
        con, actor="a", entity="e", entity_id=ID, action="update", changes={"tags": ([], ["x", "é"])}
    )
    log.log_change(con, actor="a", entity="e", entity_id=ID, action="delete")
    rows = con.execute("SELECT action, field, old_value, new_value FROM log ORDER BY action DESC").fetchall()
    assert rows == [("update", "tags", "[]", '["x", "é"]'), ("delete", None, None, None)]
    log.log_creates(con, actor="a", entity="e", entity_ids=[ID] * 25)
    assert con.execute("SELECT count(*) FROM log WHERE action = 'create'").fetchone() == (25,)
    with pytest.raises(ValueError):
        ChangeLog("log; DROP TABLE t")


def test_store_transaction_rolls_back_on_error(con: duckdb.DuckDBPyConnection) -> None:
    store = storekit.Store(con)
    with pytest.raises(RuntimeError), store.transaction() as tx:
        insert_many(tx, "t", ("id", "name"), [(ID, "x")])
        raise RuntimeError
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    with store.transaction() as tx:
        insert_many(tx, "t", ("id", "name"), [(ID, "x")])
    assert row_by_id(con, "t", ("id", "name"), "thing", ID, live=True)[1] == "x"


def test_row_by_id_and_checks_raise_the_store_errors(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(storekit.NotFoundError, match="deleted thing"):
        row_by_id(con, "t", ("id",), "thing", ID, live=False)
    with pytest.raises(employers.InvalidError, match="link_id"):
        row_by_id(con, "t", ("id",), "thing", "nope", id_field="link_id")
    with pytest.raises(participants.InvalidError) as err:
        refuse_unknown({"b": 1, "a": 2}, {"c"}, "is not a field", prefix="x.")
    assert err.value.field == "x.a"
    with pytest.raises(storekit.InvalidError, match="cannot be null"):
        refuse_nulls({"name": None, "other": None}, {"name"})
    with pytest.raises(participants.NotFoundError):
        first([], "lead", ID)
    assert first([1, 2], "lead", ID) == 1
    assert str(uuid_of("id", ID)) == ID
    check_choice("mode", None, ("phone",))  # not given: nothing to check
    check_choice("mode", "phone", ("phone", "email"))
    with pytest.raises(employers.InvalidError, match=r"must be one of phone, email; got 'fax'") as err:
        check_choice("mode", "fax", ("phone", "email"))
    assert err.value.field == "mode"


def test_store_errors_are_shared_and_keep_their_names() -> None:
    assert employers.NotFoundError is participants.NotFoundError is storekit.NotFoundError
    assert employers.InvalidError is participants.InvalidError is storekit.InvalidError
    assert issubclass(employers.DuplicateError, employers.EmployerError)
    assert issubclass(employers.ConflictError, participants.ParticipantError)
