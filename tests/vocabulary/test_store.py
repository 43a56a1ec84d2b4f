from __future__ import annotations

import duckdb
import pytest

from storekit.errors import ConflictError, InvalidError, NotFoundError
from vocabulary import MIGRATIONS, AliasStore, AliasValues

URI = "http://data.europa.eu/esco/occupation/87d0795a-d41f-47ee-979f-0ab7d73836e7"


@pytest.fixture
def store() -> AliasStore:
    con = duckdb.connect(":memory:")
    for script in sorted(MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    return AliasStore(con)


def alias(**extra: str) -> AliasValues:
    base = AliasValues(kind="occupation", language="sv", text="Undersköterska", folded="undersköterska")
    return AliasValues(**{**base, "esco_uri": URI, **extra})  # type: ignore[typeddict-item]


def log(store: AliasStore) -> list[tuple[str, str | None]]:
    return store.con.execute("SELECT action, field FROM vocab_change_log ORDER BY changed_at").fetchall()  # type: ignore[return-value]


def test_create_update_delete_restore_are_change_logged(store: AliasStore) -> None:
    rec = store.create(values=alias(), actor="jd")
    assert (rec.text, rec.created_by, rec.updated_by) == ("Undersköterska", "jd", "jd")
    assert store.update(record_id=rec.id, values={"note": "common in Stockholm"}, actor="sup").note
    store.delete(record_id=rec.id, actor="sup")
    assert store.live() == []
    with pytest.raises(NotFoundError):
        store.get(record_id=rec.id)
    assert store.restore(record_id=rec.id, actor="sup").id == rec.id
    assert log(store) == [("create", None), ("update", "note"), ("delete", None), ("restore", None)]


def test_one_live_alias_per_kind_language_and_words(store: AliasStore) -> None:
    first = store.create(values=alias(), actor="jd")
    with pytest.raises(ConflictError) as caught:
        store.create(values=alias(text="UNDERSKÖTERSKA"), actor="jd")
    assert caught.value.existing_id == first.id
    store.create(values=alias(language="da"), actor="jd")  # another language is another alias
    store.create(values=alias(kind="skill"), actor="jd")
    assert len(store.live()) == 3


def test_a_bad_row_writes_nothing(store: AliasStore) -> None:
    with pytest.raises(InvalidError) as caught:
        store.create_many(
            rows=[alias(), alias(text="Lagerarbetare", folded="lagerarbetare", language="de")], actor="jd"
        )
    assert caught.value.field == "language"
    with pytest.raises(InvalidError, match="empty"):
        store.create(values=alias(text=" ", folded=""), actor="jd")
    assert store.live() == [] and log(store) == []
