"""``ipsmatch eval`` and ``ipsmatch linker vectors|train``: quality as a number the project tracks."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from service.config import REPO_ROOT, Settings

err = Console(stderr=True)
linker_app = typer.Typer(help="Build the linker's shipped vectors and fusion model.", no_args_is_help=True)
RESULTS = REPO_ROOT / "docs" / "quality-results.md"

PathArg = Annotated[
    Path | None,
    typer.Argument(help="A MELO dataset folder, or a folder of them (default: IPSMATCH_MELO_PATH)"),
]
KnowledgeOpt = Annotated[
    str,
    typer.Option(
        help="esco: surface forms + every ESCO label and description (as served); corpus: surface forms only"
    ),
]


ModelOpt = Annotated[
    str | None,
    typer.Option(
        help="shipped: the linker exactly as served (shipped fusion and vectors, no training on PATH); "
        "cv: cross-validated fusion trained in folds on PATH (development). "
        "Default: cv for the MELO development sets (IPSMATCH_MELO_PATH), shipped for any other folder"
    ),
]


def default_model(settings: Settings, path: Path | None) -> str:
    """``cv`` for the development sets (or none given), ``shipped`` for any other folder."""
    if path is None:
        return "cv"
    dev = settings.melo_path.resolve()
    given = path.resolve()
    return "cv" if given == dev or dev in given.parents else "shipped"


def _aliases(db: Path | None):  # -> AliasMap | None
    """The vocabulary of the database file ``db`` (None without one)."""
    if db is None:
        return None
    from service.runtime.database import Database
    from service.usecases.vocabulary import load_alias_map

    if not db.is_file():
        err.print(f"[red]error:[/red] no database file {db}")
        raise typer.Exit(2)
    database = Database(str(db))
    try:
        aliases = load_alias_map(database)
    finally:
        database.close()
    _progress(f"{len(aliases)} aliases from {db}")
    return aliases


def _progress(message: str) -> None:
    err.print(f"[dim]{time.strftime('%H:%M:%S')}[/dim] {message}")


def _sets(settings: Settings, path: Path | None) -> list:  # list[MeloSet]
    from matching.evaluation.melo import MeloSet, find_sets

    root = path or settings.melo_path
    try:
        folders = find_sets(root)
    except FileNotFoundError as exc:
        err.print(
            f"[red]error:[/red] {exc}. Pass a MELO folder: `ipsmatch eval PATH` or set IPSMATCH_MELO_PATH."
        )
        raise typer.Exit(2) from None
    return [MeloSet.load(f) for f in folders]


def _context(settings: Settings, knowledge: str):  # -> QualityContext
    from embeddings import load_encoder
    from service.evaluation.harness import QualityContext

    if knowledge not in ("esco", "corpus"):
        raise typer.BadParameter("choose esco or corpus", param_hint="--knowledge")
    encoder = load_encoder(settings.encoder, num_threads=settings.encoder_threads)
    return QualityContext.open(encoder, settings.data_dir, settings.cache_dir, knowledge)  # type: ignore[arg-type]


def eval_command(
    path: PathArg = None,
    fmt: Annotated[
        str, typer.Option("--format", help="table or json (one object per set per line)")
    ] = "table",
    knowledge: KnowledgeOpt = "esco",
    folds: Annotated[int, typer.Option(help="Cross-validation folds (grouped by gold concept)")] = 5,
    skills: Annotated[bool, typer.Option(help="Also occupation -> skills NDCG@10")] = True,
    out: Annotated[Path | None, typer.Option(help="Write the markdown tables here")] = None,
    model: ModelOpt = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="With --model shipped: put this database's vocabulary first")
    ] = None,
) -> None:
    """Measure title -> ESCO linking on MELO sets (MRR@10, hit@1/@10, 95% CIs) against published baselines."""
    from service.evaluation.harness import rank_sets
    from service.evaluation.report import SetFigures, json_line, markdown_table
    from service.evaluation.served import rank_sets_served
    from service.evaluation.skills import occupation_skill_ndcg, skill_table

    settings = Settings()
    datasets = _sets(settings, path)
    ctx = _context(settings, knowledge)
    started = time.perf_counter()
    mode = model or default_model(settings, path)
    if mode == "shipped":
        results = rank_sets_served(datasets, ctx, _aliases(db), progress=_progress)
    elif mode == "cv":
        results = rank_sets(datasets, ctx, folds=folds, progress=_progress)
    else:
        raise typer.BadParameter("choose shipped or cv", param_hint="--model")
    rows = [
        (r, SetFigures.of(r.fusion), {k: SetFigures.of(v) for k, v in r.baselines.items()}) for r in results
    ]
    if fmt == "json":
        for row in rows:
            typer.echo(json_line(*row))
    heading = f"## Title -> ESCO (model: {mode}, knowledge: {knowledge}, encoder: {ctx.encoder.model_id})"
    sections = [heading, "", markdown_table(rows)]
    if skills:
        _progress("occupation -> skills NDCG@10")
        sections += ["", "## Occupation -> skills", "", skill_table(occupation_skill_ndcg(ctx))]
    text = "\n".join(sections)
    if fmt != "json":
        typer.echo(text)
    default_run = path is None and knowledge == "esco" and mode == "cv"
    _write_results(out if out is not None else (RESULTS if default_run else None), text, started)


def _write_results(target: Path | None, text: str, started: float) -> None:
    """Write the markdown tables to ``target`` (nothing when None), with how long the run took."""
    if target is None:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    took = time.perf_counter() - started
    target.write_text(f"# Quality results\n\nWritten by `ipsmatch eval` in {took:.0f} s.\n\n{text}\n")
    _progress(f"wrote {target}")


@linker_app.command("vectors")
def vectors_command() -> None:
    """Encode every ESCO label, description and skill label into data/vectors (resumable)."""
    from embeddings import load_encoder
    from embeddings.file_store import FileVectorStore
    from matching.linking.esco import EscoCatalog
    from service.runtime.linkers import build_pack, pack_path

    settings = Settings()
    encoder = load_encoder(settings.encoder, num_threads=settings.encoder_threads)
    catalog = EscoCatalog.load(settings.data_dir / "esco")
    cache = FileVectorStore(settings.cache_dir / f"vectors-{encoder.model_id}.npz")
    target = pack_path(settings.data_dir, encoder.model_id)
    n = build_pack(encoder, catalog, target, cache=cache, progress=lambda d, t: _progress(f"{d}/{t} texts"))
    _progress(f"wrote {n} vectors to {target} ({target.stat().st_size / 1e6:.1f} MB)")


@linker_app.command("train")
def train_command(
    path: PathArg = None,
    folds: Annotated[int, typer.Option(help="Cross-validation folds for the reported figures")] = 5,
) -> None:
    """Train the shipped fusion models on MELO sets (all queries), after reporting out-of-fold figures."""
    from service.evaluation.linker_training import train_fusions

    settings = Settings()
    datasets = _sets(settings, path)
    ctx = _context(settings, "esco")
    for target, summary in train_fusions(datasets, ctx, settings.data_dir, folds=folds, progress=_progress):
        _progress(f"wrote {target}: {summary}")
