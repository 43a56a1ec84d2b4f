"""Build the run-time ESCO subset in ``data/esco`` from the shared ESCO v1.1.1 CSVs and MELO.

Writes gzip-compressed, tab-separated files (UTF-8, header row, no quoting) next to this script:
occupations, occupation labels (en, fr from ESCO; sv, da from the MELO corpus files), ISCO groups
and their labels (sv, da from MELO), short en/fr descriptions, skills, English skill labels and
occupation-skill relations. Only the MELO *corpus* files are read (ESCO surface forms); MELO queries and
annotations are the evaluation set and are never touched.

Usage::

    python data/esco/build_subset.py  # --esco /work/shared/data/esco-v1.1.1 --melo ...

Readers must switch quoting off (polars ``read_csv(path, separator=TAB, quote_char=None)``;
``csv.reader(f, dialect="excel-tab", quoting=csv.QUOTE_NONE)``): some labels contain ``"``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"  # shared/ beside the checkout
DEFAULT_ESCO = SHARED / "esco-v1.1.1"
DEFAULT_MELO = SHARED / "melo-benchmark"
MELO_DATASETS = {"sv": "swe_q_sv_c_sv", "da": "dnk_q_da_c_da"}
LANG_ORDER = {"en": 0, "fr": 1, "sv": 2, "da": 3}
_WS = re.compile(r"\s+")

Row = tuple[str, ...]


def clean(text: str) -> str:
    """Return ``text`` with tabs/newlines turned into spaces, runs of blanks collapsed, trimmed."""
    return _WS.sub(" ", text).strip()


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read an ESCO CSV file (quoted, multi-line fields) into a list of row dicts."""
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def split_lines(text: str) -> list[str]:
    """Split a newline-separated ESCO label list into cleaned, non-empty labels."""
    return [c for c in (clean(x) for x in text.split("\n")) if c]


def gender_pair(label: str) -> list[str]:
    """Return both sides of a French ``masculine/feminine`` label, or ``[]`` if it is not one.

    A label qualifies when it holds exactly one ``/``, no `` / `` and no ``"``, and both sides are
    non-empty (e.g. ``directeur technique/directrice technique``).
    """
    if label.count("/") != 1 or " / " in label or '"' in label:
        return []
    sides = [clean(s) for s in label.split("/")]
    return sides if all(sides) else []


def write_tsv_gz(path: Path, header: Row, rows: Iterable[Row]) -> int:
    """Write ``rows`` as a reproducible gzip TSV (mtime 0, no file name); return the row count."""
    n = 0
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(("\t".join(header) + "\n").encode("utf-8"))
        for row in rows:
            gz.write(("\t".join(clean(v) for v in row) + "\n").encode("utf-8"))
            n += 1
    return n


def occupation_rows(esco: Path) -> list[Row]:
    """Rows ``(uri, isco_group, code, label_en)`` for every ESCO occupation, sorted by URI."""
    rows = read_csv(esco / "en" / "occupations_en.csv")
    return sorted((r["conceptUri"], r["iscoGroup"], r["code"], r["preferredLabel"]) for r in rows)


def esco_label_rows(path: Path, lang: str, split_pairs: bool) -> Iterator[Row]:
    """Yield ``(uri, lang, kind, label)`` rows from an ESCO occupations or skills CSV."""
    for r in read_csv(path):
        uri = r["conceptUri"]
        labels = [("preferred", clean(r["preferredLabel"]))]
        labels += [("alt", a) for a in split_lines(r["altLabels"])]
        if split_pairs:
            labels += [("alt", side) for _, lab in list(labels) for side in gender_pair(lab)]
        for kind, label in labels:
            if label:
                yield uri, lang, kind, label


def melo_label_rows(melo: Path, lang: str, concept_uris: set[str]) -> Iterator[Row]:
    """Yield label rows of the given concepts from a MELO corpus (``_000`` surface form = preferred)."""
    folder = melo / "processed" / MELO_DATASETS[lang]
    with (folder / "concept_mapping.tsv").open(encoding="utf-8") as f:
        concept = dict(line.rstrip("\n").split("\t", 1) for line in f if line.strip())
    with (folder / "corpus_elements.tsv").open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            element, label = line.rstrip("\n").split("\t", 1)
            uri = concept[element]
            if uri in concept_uris:
                kind = "preferred" if element.endswith("_000") else "alt"
                yield uri, lang, kind, clean(label)


def dedupe_sorted(rows: Iterable[Row]) -> list[Row]:
    """Drop repeats of ``(uri, lang, label)`` (first wins) and sort by uri, language, kind."""
    seen: set[tuple[str, str, str]] = set()
    kept: list[tuple[int, Row]] = []
    for i, (uri, lang, kind, label) in enumerate(rows):
        if label and (uri, lang, label) not in seen:
            seen.add((uri, lang, label))
            kept.append((i, (uri, lang, kind, label)))
    kept.sort(key=lambda t: (t[1][0], LANG_ORDER.get(t[1][1], 9), t[1][2] != "preferred", t[0]))
    return [row for _, row in kept]


def occupation_label_rows(esco: Path, melo: Path, occupation_uris: set[str]) -> list[Row]:
    """All occupation labels: en and fr from ESCO (fr pairs split), sv and da from MELO."""

    def chain() -> Iterator[Row]:
        yield from esco_label_rows(esco / "en" / "occupations_en.csv", "en", split_pairs=False)
        yield from esco_label_rows(esco / "fr" / "occupations_fr.csv", "fr", split_pairs=True)
        for lang in MELO_DATASETS:
            yield from melo_label_rows(melo, lang, occupation_uris)

    return dedupe_sorted(chain())


def isco_rows(esco: Path) -> list[Row]:
    """Rows ``(code, uri, label_en, label_fr)`` for every ISCO group, sorted by code."""
    fr = {r["conceptUri"]: r["preferredLabel"] for r in read_csv(esco / "fr" / "ISCOGroups_fr.csv")}
    rows = read_csv(esco / "en" / "ISCOGroups_en.csv")
    out = [(r["code"], r["conceptUri"], r["preferredLabel"], fr.get(r["conceptUri"], "")) for r in rows]
    return sorted(out)


def isco_label_rows(esco: Path, melo: Path) -> list[Row]:
    """ISCO group labels: en and fr preferred labels from ESCO, sv and da from the MELO corpora.

    National titles often map to a group rather than an occupation, so the linker indexes groups
    in every language too.
    """
    group_uris = {r[1] for r in isco_rows(esco)}

    def chain() -> Iterator[Row]:
        for lang in ("en", "fr"):
            for r in read_csv(esco / lang / f"ISCOGroups_{lang}.csv"):
                yield r["conceptUri"], lang, "preferred", clean(r["preferredLabel"])
        for lang in MELO_DATASETS:
            yield from melo_label_rows(melo, lang, group_uris)

    return dedupe_sorted(chain())


def short_description(text: str, limit: int = 400) -> str:
    """The first sentence of an ESCO description (two when the first is short), at most ``limit`` chars.

    The linker embeds descriptions with a small model; the opening sentence ("Technical directors
    realise the artistic visions ...") names the work and carries most of the signal.
    """
    sentences = re.split(r"(?<=[.!?])\s+", clean(text))
    out = sentences[0]
    if len(out) < 120 and len(sentences) > 1:
        out += " " + sentences[1]
    return out[:limit]


def description_rows(esco: Path) -> list[Row]:
    """Rows ``(uri, lang, description)``: short en and fr descriptions of occupations and ISCO groups."""
    rows: list[Row] = []
    for lang in ("en", "fr"):
        for name in (f"occupations_{lang}.csv", f"ISCOGroups_{lang}.csv"):
            for r in read_csv(esco / lang / name):
                if clean(r["description"]):
                    rows.append((r["conceptUri"], lang, short_description(r["description"])))
    return sorted(rows, key=lambda t: (t[0], LANG_ORDER[t[1]]))


def skill_rows(esco: Path) -> list[Row]:
    """Rows ``(uri, skill_type, reuse_level, label_en)`` for every ESCO skill, sorted by URI."""
    rows = read_csv(esco / "en" / "skills_en.csv")
    return sorted((r["conceptUri"], r["skillType"], r["reuseLevel"], r["preferredLabel"]) for r in rows)


def relation_rows(esco: Path) -> list[Row]:
    """Rows ``(occupation_uri, skill_uri, relation)``, sorted by occupation, relation, skill."""
    rows = read_csv(esco / "relations" / "occupationSkillRelations.csv")
    out = [(r["occupationUri"], r["skillUri"], r["relationType"]) for r in rows]
    return sorted(out, key=lambda t: (t[0], t[2], t[1]))


def copy_notices(esco: Path, melo: Path, out: Path) -> None:
    """Copy the ESCO and MELO notices and the MELO licence next to the subset."""
    shutil.copyfile(esco / "NOTICE.md", out / "NOTICE-ESCO.md")
    shutil.copyfile(melo / "NOTICE.md", out / "NOTICE-MELO.md")
    shutil.copyfile(melo / "LICENSE", out / "LICENSE-MELO")


def build(esco: Path, melo: Path, out: Path) -> dict[str, int]:
    """Write every subset file into ``out``; return row counts by file name."""
    out.mkdir(parents=True, exist_ok=True)
    occupations = occupation_rows(esco)
    occ_uris = {r[0] for r in occupations}
    skills_csv = esco / "en" / "skills_en.csv"
    plan: list[tuple[str, Row, Iterable[Row]]] = [
        ("occupations", ("uri", "isco_group", "code", "label_en"), occupations),
        ("occupation_labels", ("uri", "lang", "kind", "label"), occupation_label_rows(esco, melo, occ_uris)),
        ("isco_groups", ("code", "uri", "label_en", "label_fr"), isco_rows(esco)),
        ("isco_labels", ("uri", "lang", "kind", "label"), isco_label_rows(esco, melo)),
        ("descriptions", ("uri", "lang", "description"), description_rows(esco)),
        ("skills", ("uri", "skill_type", "reuse_level", "label_en"), skill_rows(esco)),
        (
            "skill_labels",
            ("uri", "lang", "kind", "label"),
            dedupe_sorted(esco_label_rows(skills_csv, "en", split_pairs=False)),
        ),
        ("occupation_skills", ("occupation_uri", "skill_uri", "relation"), relation_rows(esco)),
    ]
    counts = {name: write_tsv_gz(out / f"{name}.tsv.gz", header, rows) for name, header, rows in plan}
    copy_notices(esco, melo, out)
    return counts


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build the subset and print row counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=DEFAULT_ESCO, help="ESCO v1.1.1 CSV folder")
    parser.add_argument("--melo", type=Path, default=DEFAULT_MELO, help="MELO benchmark folder")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    args = parser.parse_args(argv)
    counts = build(args.esco, args.melo, args.out)
    for name, n in counts.items():
        print(f"{name}.tsv.gz\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
