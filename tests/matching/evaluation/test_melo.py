from __future__ import annotations

from pathlib import Path

import pytest

from matching.evaluation.melo import MeloSet, find_sets


def write_set(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "queries.tsv").write_text("Q1\tKock\nQ2\tStädare\n", encoding="utf-8")
    (folder / "corpus_elements.tsv").write_text(
        'C1_sv_000\tkock\nC1_sv_001\tkokerska\nC2_sv_000\tstädare "x"\n', encoding="utf-8"
    )
    (folder / "annotations.tsv").write_text("Q1\t0\tC1_sv_001\t1\nQ2\t0\tC2_sv_000\t1\n", encoding="utf-8")
    (folder / "concept_mapping.tsv").write_text(
        "C1_sv_000\turi:cook\nC1_sv_001\turi:cook\nC2_sv_000\turi:cleaner\n", encoding="utf-8"
    )
    return folder


def test_load_reads_gold_concepts_kinds_and_languages(tmp_path: Path) -> None:
    s = MeloSet.load(write_set(tmp_path / "swe_q_sv_c_sv"))
    assert s.query_lang == "sv" and s.corpus_lang == "sv"
    assert s.queries["uri"].to_list() == ["uri:cook", "uri:cleaner"]
    assert s.corpus["kind"].to_list() == ["preferred", "alt", "preferred"]
    assert s.corpus["text"][2] == 'städare "x"'  # quotes are data, not quoting
    assert s.labels().columns == ["uri", "lang", "kind", "label"]


def test_find_sets_accepts_one_set_or_a_folder_of_them(tmp_path: Path) -> None:
    one = write_set(tmp_path / "sets" / "a_q_sv_c_sv")
    write_set(tmp_path / "sets" / "b_q_da_c_da")
    assert find_sets(one) == [one]
    assert [p.name for p in find_sets(tmp_path / "sets")] == ["a_q_sv_c_sv", "b_q_da_c_da"]
    with pytest.raises(FileNotFoundError, match="not found"):
        find_sets(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="holds no MELO dataset"):
        find_sets(tmp_path)
    (one / "annotations.tsv").unlink()
    with pytest.raises(FileNotFoundError, match=r"annotations\.tsv is missing"):
        MeloSet.load(one)
