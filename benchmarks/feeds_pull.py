"""A JobTech-sized pull: 50,000 generated ads in JobTech's format into a fresh DuckDB file, timed.

Sweden's JobTech carries about 50,000 open ads at a time. The ads are generated in the JobSearch
format (`feeds.jobtech`): headlines from Swedish occupation titles with workplace and place words
(so nearly every headline is its own string, the linker's worst case), ~12,000 employers with
organisation numbers (a Zipf spread: a few large employers, many small ones), of which
``--known`` are already in the CRM (matched by registry number), 24 towns with coordinates,
scopes and durations as JobTech publishes them.

Timed, on ``--threads`` threads (BLAS via threadpoolctl, DuckDB ``threads``) with titles linked
in ``--link-workers`` threads (default: the ``link_workers`` setting, the machine's cores up to
4): parsing, the first pull (linking titles to ESCO in batches, matching employers, one write
transaction), the lead index rebuild that takes the new openings, and a second pull of the same
file (which must change nothing). The engine is the CLI's (`service.cli.io._engine`: hashing encoder, lexical
fusion linker), as ``ipsmatch feeds pull`` runs it.

Run: ``.venv/bin/python benchmarks/feeds_pull.py [--ads 50000] [--threads 1] [--link-workers 2]``
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import environment
from threadpoolctl import threadpool_limits

from feeds import adapter_for
from service.cli.io import _engine
from service.config import Settings
from service.runtime.database import Database
from service.usecases.feeds.pull import pull_feed

TITLES = [
    "Lagerarbetare", "Truckförare", "Undersköterska", "Vårdbiträde", "Personlig assistent", "Lokalvårdare",
    "Städare", "Kock", "Restaurangbiträde", "Diskare", "Kassabiträde", "Butikssäljare", "Bagare",
    "Barnskötare", "Elevassistent", "Lastbilschaufför", "Busschaufför", "Taxiförare", "Budbilsförare",
    "Montör", "Maskinoperatör", "Svetsare", "Snickare", "Målare", "Elektriker", "VVS-montör",
    "Fastighetsskötare", "Trädgårdsarbetare", "Kundtjänstmedarbetare", "Receptionist", "Kontorsassistent",
    "Ekonomiassistent", "Lagerchef", "Sjuksköterska", "Tandsköterska", "Frisör", "Väktare", "Postsorterare",
    "Packare", "Plockare", "Produktionsmedarbetare", "Hotellstädare", "Servitör", "Bartender", "Pizzabagare",
    "Kafébiträde", "Förskollärare", "Fritidsledare", "Mekaniker", "Däckmontör", "Bilrekonditionerare",
]  # fmt: skip
PHRASES = [
    "{t}",
    "{t} till {w}",
    "{t} sökes till {w} i {c}",
    "{t}, {c}",
    "Erfaren {t} till {w}",
    "{t} – deltid, {c}",
]
WORKPLACES = [
    "lagret",
    "hemtjänsten",
    "vårt kök",
    "butiken",
    "produktionen",
    "kontoret",
    "äldreboendet",
    "skolan",
]
TOWNS = [
    ("Stockholm", 59.33, 18.07),
    ("Göteborg", 57.71, 11.97),
    ("Malmö", 55.60, 13.00),
    ("Uppsala", 59.86, 17.64),
    ("Västerås", 59.61, 16.55),
    ("Örebro", 59.27, 15.21),
    ("Linköping", 58.41, 15.62),
    ("Helsingborg", 56.05, 12.69),
    ("Jönköping", 57.78, 14.16),
    ("Norrköping", 58.59, 16.19),
    ("Lund", 55.70, 13.19),
    ("Umeå", 63.83, 20.26),
    ("Gävle", 60.67, 17.14),
    ("Borås", 57.72, 12.94),
    ("Södertälje", 59.20, 17.63),
    ("Eskilstuna", 59.37, 16.51),
    ("Halmstad", 56.67, 12.86),
    ("Växjö", 56.88, 14.81),
    ("Karlstad", 59.40, 13.51),
    ("Sundsvall", 62.39, 17.31),
    ("Solna", 59.36, 18.00),
    ("Luleå", 65.58, 22.15),
    ("Kiruna", 67.86, 20.23),
    ("Visby", 57.64, 18.30),
]
#: Specialisations that make the occupation labels about as many as JobTech's ads use (~1,500).
FIELDS = [
    "hemtjänst",
    "äldreboende",
    "sjukhus",
    "industri",
    "livsmedel",
    "bygg",
    "handel",
    "restaurang",
    "hotell",
    "skola",
    "förskola",
    "kommun",
    "region",
    "lager",
    "transport",
    "verkstad",
    "fordon",
    "el",
    "VVS",
    "måleri",
    "trädgård",
    "fastighet",
    "städ",
    "kontor",
    "ekonomi",
    "kundservice",
    "säkerhet",
    "post",
    "bageri",
    "café",
]
DURATIONS = ["Tills vidare", "6 månader eller längre", "3 månader – upp till 6 månader", "Upp till 10 dagar"]


def org_nr(i: int) -> str:
    return f"55{i:08d}"


def generate(n: int, employers: int, seed: int = 7) -> dict[str, Any]:
    """A JobSearch page of ``n`` ads over ``employers`` employers (Zipf-spread)."""
    rng = random.Random(seed)
    weights = [1 / (k + 1) ** 0.8 for k in range(employers)]
    owners = rng.choices(range(employers), weights=weights, k=n)
    hits = []
    for i, emp in enumerate(owners):
        town, lat, lon = TOWNS[emp % len(TOWNS)]
        title, field = rng.choice(TITLES), rng.choice(FIELDS)
        scope = rng.choice([100, 100, 100, 75, 50, 80])
        headline = rng.choice(PHRASES).format(t=title, w=rng.choice(WORKPLACES), c=town)
        hits.append(
            {
                "id": str(30_000_000 + i),
                "webpage_url": f"https://arbetsformedlingen.se/platsbanken/annonser/{30_000_000 + i}",
                "headline": f"{headline} ({i % 97})" if i % 3 == 0 else headline,
                "application_deadline": f"2030-{rng.randint(6, 12):02d}-{rng.randint(1, 28):02d}T23:59:59",
                "description": {"text": f"Vi söker {title.lower()} till {rng.choice(WORKPLACES)} i {town}."},
                "employment_type": {"concept_id": "PFZr_Syz_cUq", "label": "Vanlig anställning"},
                "duration": {"concept_id": "x", "label": rng.choice(DURATIONS)},
                "working_hours_type": {"concept_id": "x", "label": "Heltid" if scope == 100 else "Deltid"},
                "scope_of_work": {"min": scope, "max": scope},
                "employer": {"organization_number": org_nr(emp), "name": f"Arbetsgivare {emp} AB"},
                "application_details": {"url": f"https://jobb.example.se/{i}"},
                "occupation": {
                    "concept_id": f"occ{TITLES.index(title)}-{field}",
                    "label": f"{title}, {field}",
                },
                "workplace_address": {
                    "municipality": town,
                    "city": town,
                    "country": "Sverige",
                    "coordinates": [lon + rng.uniform(-0.05, 0.05), lat + rng.uniform(-0.05, 0.05)],
                },
                "publication_date": "2030-05-02T08:00:00",
                "removed": False,
                "timestamp": 1904284800000 + i,
            }
        )
    return {"total": {"value": n}, "hits": hits}


def seed_known(db: Database, known: int) -> None:
    """``known`` employers already in the CRM, with the organisation numbers the ads will name."""
    from employers import EmployerStore

    rows = [
        {
            "name": f"Arbetsgivare {i}",
            "registry_number": org_nr(i),
            "registry_kind": "org_nr",
            "country": "SE",
        }
        for i in range(known)
    ]
    EmployerStore(db.cursor(), db.write_lock).create_many(rows=rows, actor="bench")  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ads", type=int, default=50_000)
    parser.add_argument("--employers", type=int, default=12_000)
    parser.add_argument("--known", type=int, default=2_000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--link-workers", type=int, default=None, help="threads linking titles (default: the setting's)"
    )
    args = parser.parse_args()
    out: dict[str, Any] = {
        "ads": args.ads,
        "employers": args.employers,
        "known": args.known,
        "threads": args.threads,
    }
    data = json.dumps(generate(args.ads, args.employers)).encode()
    out["file_mb"] = round(len(data) / 1e6, 1)
    with tempfile.TemporaryDirectory() as tmp, threadpool_limits(args.threads):
        settings = Settings(db_path=str(Path(tmp) / "feeds.duckdb"), encoder="hashing")
        if args.link_workers is not None:
            settings = settings.model_copy(update={"link_workers": args.link_workers})
        out["link_workers"] = settings.link_workers
        db = Database(settings.db_path)
        db.migrate()
        db.cursor().execute(f"SET threads = {args.threads}")
        seed_known(db, args.known)
        engine = _engine(db, settings)
        t = time.perf_counter()
        feed = adapter_for("jobtech").parse(data)
        out["parse_s"] = round(time.perf_counter() - t, 2)
        stages: dict[str, float] = {}
        last = [time.perf_counter()]

        def tick(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            stages[stage] = round(stages.get(stage, 0.0) + now - last[0], 2)
            last[0] = now

        t = time.perf_counter()
        first = pull_feed(db, engine, feed, progress=tick)
        out["pull_s"] = round(time.perf_counter() - t, 2)
        out["pull_stages_s"] = stages
        out["first"] = {k: v for k, v in first.as_dict().items() if k != "rejected"} | {
            "rejected": len(first.rejected)
        }
        t = time.perf_counter()
        ranker = engine.ranker()
        out["index_rebuild_s"] = round(time.perf_counter() - t, 2)
        out["index_items"] = len(ranker.openings_)
        t = time.perf_counter()
        second = pull_feed(db, engine, adapter_for("jobtech").parse(data))
        out["second_pull_s"] = round(time.perf_counter() - t, 2)
        out["second"] = {k: v for k, v in second.as_dict().items() if k != "rejected"}
        db.close()
        out["environment"] = environment()  # inside the thread limits, so BLAS threads show them
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
