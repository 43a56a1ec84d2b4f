"""The committed ESCO v1.1.1 subset in data/esco: complete, well-formed and attributed."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.needs import need

ROOT = Path(__file__).resolve().parents[2]
ESCO = ROOT / "data" / "esco"
SHARED = ROOT.parent / "shared" / "data"  # shared/ lies beside the checkout (CI copies it there)
SOURCE_ESCO = SHARED / "esco-v1.1.1"
SOURCE_MELO = SHARED / "melo-benchmark"
TABLES = {
    "occupations": ("uri", "isco_group", "code", "label_en"),
    "occupation_labels": ("uri", "lang", "kind", "label"),
    "isco_groups": ("code", "uri", "label_en", "label_fr"),
    "isco_labels": ("uri", "lang", "kind", "label"),
    "descriptions": ("uri", "lang", "description"),
    "skills": ("uri", "skill_type", "reuse_level", "label_en"),
    "skill_labels": ("uri", "lang", "kind", "label"),
    "occupation_skills": ("occupation_uri", "skill_uri", "relation"),
}


def read_tsv(name: str) -> list[tuple[str, ...]]:
    with gzip.open(ESCO / f"{name}.tsv.gz", "rt", encoding="utf-8") as f:
        header = tuple(next(f).rstrip("\n").split("\t"))
        assert header == TABLES[name]
        rows = [tuple(line.rstrip("\n").split("\t")) for line in f]
    assert all(len(r) == len(header) for r in rows), name
    return rows


def test_files_and_notices_exist() -> None:
    for name in TABLES:
        assert (ESCO / f"{name}.tsv.gz").is_file(), name
    for name in ("NOTICE-ESCO.md", "NOTICE-MELO.md", "LICENSE-MELO", "README.md"):
        assert (ESCO / name).is_file(), name
    readme = (ESCO / "README.md").read_text(encoding="utf-8")
    assert "ESCO v1.1.1, © European Union, https://esco.ec.europa.eu" in readme


def test_subset_stays_small() -> None:
    total = sum(p.stat().st_size for p in ESCO.iterdir() if p.is_file())
    assert total < 10 * 1024 * 1024


def test_row_counts_match_the_source() -> None:
    occupations = read_tsv("occupations")
    assert len(occupations) == 3007
    assert all(len(isco) == 4 and isco.isdigit() for _, isco, _, _ in occupations)
    relations = read_tsv("occupation_skills")
    assert len(relations) == 123_855
    assert Counter(r[2] for r in relations) == {"essential": 64_946, "optional": 58_909}
    assert len(read_tsv("skills")) == 13_896
    assert len(read_tsv("isco_groups")) == 619


def test_every_occupation_has_english_and_french_preferred_labels() -> None:
    preferred = Counter(lang for _, lang, kind, _ in read_tsv("occupation_labels") if kind == "preferred")
    assert preferred["en"] == 3007
    assert preferred["fr"] == 3007


def test_swedish_and_danish_labels_cover_most_occupations() -> None:
    covered: dict[str, set[str]] = {}
    for uri, lang, _, _ in read_tsv("occupation_labels"):
        covered.setdefault(lang, set()).add(uri)
    assert len(covered["sv"]) >= 900
    assert len(covered["da"]) >= 500
    occupations = {r[0] for r in read_tsv("occupations")}
    assert set().union(*covered.values()) <= occupations


def test_labels_are_unique_per_uri_and_language() -> None:
    rows = read_tsv("occupation_labels") + read_tsv("skill_labels")
    keys = [(uri, lang, label) for uri, lang, _, label in rows]
    assert len(set(keys)) == len(keys)
    assert all(label and label == label.strip() for *_, label in rows)


def test_isco_groups_have_labels_in_every_language_and_short_descriptions() -> None:
    groups = {r[1] for r in read_tsv("isco_groups")}
    by_lang: dict[str, set[str]] = {}
    for uri, lang, _, _ in read_tsv("isco_labels"):
        by_lang.setdefault(lang, set()).add(uri)
    assert by_lang["en"] == groups and by_lang["fr"] == groups
    assert len(by_lang["sv"]) >= 400 and len(by_lang["da"]) >= 400
    descriptions = read_tsv("descriptions")
    assert {lang for _, lang, _ in descriptions} == {"en", "fr"}
    assert all(0 < len(text) <= 400 for *_, text in descriptions)
    assert len({uri for uri, lang, _ in descriptions if lang == "en"}) >= 3000


def test_french_gender_pairs_are_split() -> None:
    labels = {(uri, label) for uri, lang, _, label in read_tsv("occupation_labels") if lang == "fr"}
    pair = "directeur technique/directrice technique"
    uri = next(u for u, label in labels if label == pair)
    assert (uri, "directeur technique") in labels
    assert (uri, "directrice technique") in labels


def test_build_script_reproduces_the_subset(tmp_path: Path) -> None:
    need(
        SOURCE_ESCO.is_dir() and SOURCE_MELO.is_dir(), "the shared ESCO/MELO source data beside the checkout"
    )
    subprocess.run(
        [
            sys.executable,
            str(ESCO / "build_subset.py"),
            "--esco",
            str(SOURCE_ESCO),
            "--melo",
            str(SOURCE_MELO),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for name in TABLES:
        fresh = gzip.decompress((tmp_path / f"{name}.tsv.gz").read_bytes())
        assert fresh == gzip.decompress((ESCO / f"{name}.tsv.gz").read_bytes()), name
