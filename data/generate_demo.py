"""Generate the SYNTHETIC ipsmatch demo data set (four IPS units in SE, DK, FR and GB).

Everything written is invented: organisations, registry numbers, addresses, phone numbers, staff
and participants. Only the ESCO occupation and skill codes/labels (``data/esco``) are real.

Usage::

    python data/generate_demo.py --seed 7 --out data/demo --as-of 2026-11-01T00:00:00Z

The same seed and as-of date give byte-identical files: every random draw comes from seeded
``random.Random`` instances, JSON keys are sorted, gzip headers carry no time stamp or file name,
and nothing reads the clock.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from demo_gen.common import parse_time, stage_rng, write_json, write_jsonl_gz  # noqa: E402
from demo_gen.crm import make_contacts, make_people, make_tasks  # noqa: E402
from demo_gen.duplicates import plant_duplicates  # noqa: E402
from demo_gen.employers import make_employers  # noqa: E402
from demo_gen.esco import load_esco  # noqa: E402
from demo_gen.openings import make_openings  # noqa: E402
from demo_gen.participants import PARTICIPANTS_PER_UNIT, make_participants  # noqa: E402
from demo_gen.places import UNITS  # noqa: E402
from demo_gen.units import make_units, unit_staff  # noqa: E402

DEFAULT_SEED = 7
DEFAULT_AS_OF = "2026-11-01T00:00:00Z"
CLOSED_PARTICIPANTS = 5


def generate(seed: int, as_of_text: str, esco_dir: Path) -> dict[str, Any]:
    """Build every demo table in memory; return them keyed by output name."""
    as_of = parse_time(as_of_text)
    esco = load_esco(esco_dir)
    org = make_units(stage_rng(seed, "units"))
    total = len(UNITS) * PARTICIPANTS_PER_UNIT
    closed = set(stage_rng(seed, "closed").sample(range(total), CLOSED_PARTICIPANTS))
    employers: list[dict[str, Any]] = []
    openings: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    crm: dict[str, list[dict[str, Any]]] = {"people": [], "contacts": [], "tasks": []}
    for n, (unit, unit_row) in enumerate(zip(UNITS, org["units"], strict=True)):
        staff = {
            role: unit_staff(org["users"], unit_row["id"], role) for role in ("specialist", "job_developer")
        }
        emps = make_employers(stage_rng(seed, f"employers/{unit.key}"), unit, staff, esco)
        employers += emps
        openings += make_openings(stage_rng(seed, f"openings/{unit.key}"), unit, emps, esco, as_of)
        local_closed = {i - n * PARTICIPANTS_PER_UNIT for i in closed}
        people = make_participants(
            stage_rng(seed, f"participants/{unit.key}"),
            unit,
            unit_row["id"],
            staff["specialist"],
            esco,
            local_closed,
        )
        participants += people
        add_crm(crm, seed, unit, emps, people, staff, as_of)
    return {
        "units": org,
        "employers": employers,
        "openings": openings,
        "participants": participants,
        **crm,
        "duplicate_employers": plant_duplicates(stage_rng(seed, "duplicates"), employers),
    }


def add_crm(
    crm: dict[str, list[dict[str, Any]]],
    seed: int,
    unit: Any,
    employers: list[dict[str, Any]],
    participants: list[dict[str, Any]],
    staff: dict[str, list[str]],
    as_of: Any,
) -> None:
    """Append one unit's people, contacts and follow-up tasks to ``crm`` (own seeded stages)."""
    people = make_people(stage_rng(seed, f"people/{unit.key}"), unit, employers, as_of)
    contacts = make_contacts(
        stage_rng(seed, f"contacts/{unit.key}"), unit, employers, people, participants, staff, as_of
    )
    crm["people"] += people
    crm["contacts"] += contacts
    crm["tasks"] += make_tasks(stage_rng(seed, f"tasks/{unit.key}"), contacts, as_of)


def write_all(tables: dict[str, Any], out: Path) -> dict[str, int]:
    """Write the tables into ``out``; return row counts by file name."""
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / "units.json", tables["units"])
    counts = {
        "units.json (units)": len(tables["units"]["units"]),
        "units.json (users)": len(tables["units"]["users"]),
    }
    for name in (
        "employers",
        "openings",
        "participants",
        "people",
        "contacts",
        "tasks",
        "duplicate_employers",
    ):
        counts[f"{name}.jsonl.gz"] = write_jsonl_gz(out / f"{name}.jsonl.gz", tables[name])
    return counts


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate the demo data and print the row counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, default=HERE / "demo", help="output folder")
    parser.add_argument("--as-of", default=DEFAULT_AS_OF, help="reference time, ISO-8601 UTC")
    parser.add_argument("--esco", type=Path, default=HERE / "esco", help="ESCO subset folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = write_all(generate(args.seed, args.as_of, args.esco), args.out)
    for name, n in counts.items():
        print(f"{name}\t{n}")
    print(f"done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
