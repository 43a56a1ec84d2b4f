"""The stores behind safe merge: the merges list, what a merge would move, "not a duplicate" undo."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

import employers
from employers import DuplicateStore, EmployerStore, MergeStore, NoteStore, NotFoundError


@pytest.fixture
def con(tmp_path) -> Iterator[duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    c = duckdb.connect(str(tmp_path / "crm.duckdb"))
    for script in sorted(employers.MIGRATIONS.glob("*.sql")):
        c.execute(script.read_text())
    yield c
    c.close()


def _two(con: duckdb.DuckDBPyConnection) -> tuple[employers.EmployerRecord, employers.EmployerRecord]:
    store = EmployerStore(con)
    keep = store.create(values={"name": "Ward Grill Ltd"}, actor="anna")
    lose = store.create(values={"name": "Ward Grill Limited"}, actor="anna")
    return keep, lose


def test_merges_are_listed_newest_first_with_both_names_and_by_maker(con: duckdb.DuckDBPyConnection) -> None:
    merges, store = MergeStore(con), EmployerStore(con)
    keep, lose = _two(con)
    other_keep = store.create(values={"name": "Nordic Care AB"}, actor="bo")
    other_lose = store.create(values={"name": "Nordic Care"}, actor="bo")
    first = merges.create(survivor_id=keep.id, loser_id=lose.id, actor="anna")
    second = merges.create(survivor_id=other_keep.id, loser_id=other_lose.id, actor="bo")
    assert [m.id for m in merges.list()] == [second.id, first.id]
    [mine] = merges.list(merged_by=["anna"])
    assert (mine.id, mine.survivor_name, mine.loser_name) == (
        first.id,
        "Ward Grill Ltd",
        "Ward Grill Limited",
    )
    assert merges.list(merged_by=[]) == []
    assert merges.get(merge_id=first.id) == mine


def test_count_moving_counts_the_employers_live_rows_only(con: duckdb.DuckDBPyConnection) -> None:
    keep, lose = _two(con)
    notes = NoteStore(con)
    notes.create(values={"employer_id": lose.id, "body": "Met the owner"}, actor="anna")
    gone = notes.create(values={"employer_id": lose.id, "body": "Typo"}, actor="anna")
    notes.delete(record_id=gone.id, actor="anna")
    notes.create(values={"employer_id": keep.id, "body": "Another employer's note"}, actor="anna")
    counts = MergeStore(con).count_moving(employer_id=lose.id)
    assert counts == {"people": 0, "contacts": 0, "openings": 0, "tasks": 0, "notes": 1}


def test_a_kept_loser_name_leaves_the_survivors_own_name_as_an_alias(con: duckdb.DuckDBPyConnection) -> None:
    keep, lose = _two(con)
    rec = MergeStore(con).create(
        survivor_id=lose.id, loser_id=keep.id, choices={"name": "loser"}, actor="anna"
    )
    survivor = EmployerStore(con).get(employer_id=rec.survivor_id)
    assert (survivor.name, survivor.aliases) == ("Ward Grill Ltd", ("Ward Grill Limited",))


def test_a_decision_can_be_deleted_once_and_the_pair_is_suggested_again(
    con: duckdb.DuckDBPyConnection,
) -> None:
    keep, lose = _two(con)
    dupes = DuplicateStore(con)
    assert len(dupes.list()) == 1
    dupes.create_decision(a_id=lose.id, b_id=keep.id, actor="anna")
    assert dupes.list() == [] and dupes.list_decisions(decided_by=["bo"]) == []
    [decision] = dupes.list_decisions(decided_by=["anna"])
    assert {decision.a_name, decision.b_name} == {"Ward Grill Ltd", "Ward Grill Limited"}
    assert dupes.get_decision(a_id=keep.id, b_id=lose.id) == decision
    dupes.delete_decision(a_id=keep.id, b_id=lose.id, actor="anna")
    assert len(dupes.list()) == 1 and dupes.list_decisions() == []
    with pytest.raises(NotFoundError):
        dupes.delete_decision(a_id=keep.id, b_id=lose.id, actor="anna")
    with pytest.raises(NotFoundError):
        dupes.get_decision(a_id=keep.id, b_id=lose.id)
