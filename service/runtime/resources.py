"""The heavy, read-only things a service needs: encoder, ESCO catalog, title linker, skill matcher."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from embeddings import Encoder, load_encoder
from matching.linking.esco import EscoCatalog
from matching.linking.linker import TitleLinker
from matching.linking.skills import SkillMatcher
from service.config import Settings
from service.runtime.linkers import load_linker, load_skill_matcher

log = logging.getLogger("ipsmatch")


@dataclass(frozen=True)
class Resources:
    """Loaded once per process; tests build one and share it across apps."""

    encoder: Encoder
    catalog: EscoCatalog
    linker: TitleLinker
    skills: SkillMatcher | None = None

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        """Load the encoder named in settings, the ESCO subset from ``data_dir/esco`` and the linkers."""
        started = time.perf_counter()
        encoder = load_encoder(settings.encoder, num_threads=settings.encoder_threads)
        catalog = EscoCatalog.load(settings.data_dir / "esco")
        linker = load_linker(catalog, encoder, settings.data_dir, workers=settings.link_workers)
        skills = load_skill_matcher(catalog, encoder, settings.data_dir)
        log.info(
            "loaded %s and ESCO (%d concepts, %s linking) in %.1fs",
            encoder.model_id,
            len(linker.index_.uris),
            "dense" if linker.uses_vectors else "lexical",
            time.perf_counter() - started,
        )
        return cls(encoder, catalog, linker, skills)
