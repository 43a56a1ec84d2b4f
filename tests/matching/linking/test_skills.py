from __future__ import annotations

import numpy as np
import polars as pl

from matching.linking.skills import DENSE_WORDS, SkillMatcher

LABELS = pl.DataFrame(
    {
        "uri": ["s:forklift", "s:forklift", "s:cargo", "s:sales", "s:english"],
        "kind": ["preferred", "alt", "preferred", "preferred", "preferred"],
        "label": ["operate forklift", "drive forklift truck", "load cargo", "sales", "English"],
    }
)


def test_labels_are_found_in_text_as_whole_words() -> None:
    m = SkillMatcher().fit(LABELS)
    text = "Viktiga färdigheter: Load cargo, drive forklift  truck. Good with sales. Reloading cargos no."
    assert [s.uri for s in m.find_in_text(text)] == ["s:cargo", "s:forklift"]  # "sales" is too short alone


def test_typed_skills_link_exactly_lexically_or_not_at_all() -> None:
    m = SkillMatcher().fit(LABELS)
    found = m.link(["Operate Forklift", "operating forklifts", "knitting", ""])
    assert found[0] is not None and found[0].route == "exact" and found[0].uri == "s:forklift"
    assert found[1] is not None and found[1].route == "tfidf" and found[1].uri == "s:forklift"
    assert found[2] is None and found[3] is None


def test_dense_route_crosses_languages() -> None:
    vectors = np.eye(4, dtype=np.float32)  # one per preferred label

    def encode(texts: list[str]) -> np.ndarray:
        return np.array([[0, 1.0, 0, 0] if "last" in t else [0, 0, 0, 1.0] for t in texts], np.float32)

    m = SkillMatcher(encode=encode).fit(LABELS, vectors=vectors)
    found = m.link(["lasta gods", "qqq"])
    assert found[0] is not None and found[0].route == "dense" and found[0].uri == "s:cargo"
    assert found[1] is not None and found[1].uri == "s:english"  # cosine 1.0 passes any threshold


def test_the_encoder_reads_each_new_phrase_once_and_never_a_paragraph() -> None:
    read: list[str] = []

    def encode(texts: list[str]) -> np.ndarray:
        read.extend(texts)
        return np.array([[0, 0, 0, 1.0]] * len(texts), np.float32)

    m = SkillMatcher(encode=encode).fit(LABELS, vectors=np.eye(4, dtype=np.float32))
    paragraph = " ".join(["word"] * 200)
    typed = ["qqq", "QQQ", "operating forklifts", paragraph, "qqq"]
    found = m.link(typed)
    assert read == ["qqq", " ".join(["word"] * DENSE_WORDS)]  # folded repeats once; TF-IDF hits never
    assert [f.uri if f else None for f in found] == [
        "s:english",
        "s:english",
        "s:forklift",
        "s:english",
        "s:english",
    ]
    assert m.link(["Qqq", "operating forklifts"])[1] is not None and len(read) == 2  # remembered
