"""The linker measured exactly as the service runs it: shipped fusion and vectors, no training.

``ipsmatch eval --model shipped`` builds the run-time linker the way `service.runtime.resources`
does (`load_linker`: every ESCO label in four languages, every ISCO group, the shipped vectors
and fusion; nothing is learned from the set), optionally puts a team's vocabulary in front of
it, and ranks each query's gold concept among what that linker returns (occupations only, as
`TitleLinker.link` returns them, restricted to the set's corpus concepts as MELO's protocol
ranks the corpus). The shipped fusion was trained on the MELO development sets, so on those
sets this figure is optimistic; the cross-validated one (``--model cv``) is the honest one there.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matching.evaluation.melo import MeloSet
from matching.evaluation.metrics import NOT_FOUND
from matching.linking.aliases import AliasMap
from matching.linking.linker import TitleLinker
from service.evaluation.harness import Progress, QualityContext, SetRanks, baseline_ranks
from service.runtime.linkers import load_linker

#: Concepts asked of the linker per query; more than 10 so that 10 remain inside the set's corpus.
DEPTH = 50
CHUNK = 128


def served_linker(ctx: QualityContext) -> TitleLinker:
    """The run-time linker, encoding queries through the evaluation's vector cache."""
    return load_linker(ctx.catalog, ctx.encoder, ctx.catalog_folder.parent)


def served_ranks(
    dataset: MeloSet,
    linker: TitleLinker,
    aliases: AliasMap | None = None,
    *,
    progress: Progress | None = None,
) -> np.ndarray:
    """(q,) int64 1-based rank of each query's gold concept under the served linker (+ aliases).

    An alias of the query (exact after folding, in the query language, then any) ranks first.
    """
    say = progress or (lambda _: None)
    in_set = set(dataset.corpus["uri"].to_list())
    texts: Sequence[str] = dataset.queries["text"].to_list()
    gold: Sequence[str] = dataset.queries["uri"].to_list()
    out = np.full(len(texts), NOT_FOUND, np.int64)
    for start in range(0, len(texts), CHUNK):
        found = linker.link(texts[start : start + CHUNK], k=DEPTH, lang=dataset.query_lang, groups="all")
        for i, candidates in enumerate(found, start=start):
            uris = [c.uri for c in candidates if c.uri in in_set]
            alias = aliases.lookup(texts[i], kind="occupation", lang=dataset.query_lang) if aliases else None
            if alias is not None:
                uris = [alias.uri, *(u for u in uris if u != alias.uri)]
            if gold[i] in uris:
                out[i] = uris.index(gold[i]) + 1
        say(f"{dataset.name}: {min(start + CHUNK, len(texts))}/{len(texts)} queries linked as served")
    return out


def rank_sets_served(
    datasets: Sequence[MeloSet],
    ctx: QualityContext,
    aliases: AliasMap | None = None,
    *,
    progress: Progress | None = None,
) -> list[SetRanks]:
    """`served_ranks` of every set, with the in-harness baselines beside them."""
    linker = served_linker(ctx)
    source = "shipped" + ("+vocabulary" if aliases else "")
    out = []
    for dataset in datasets:
        ranks = served_ranks(dataset, linker, aliases, progress=progress)
        out.append(SetRanks(dataset.name, ranks, source, baseline_ranks(dataset, ctx)))
        ctx.flush()
    return out
