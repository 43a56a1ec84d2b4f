"""The heavy, read-only things a service needs: encoder, ESCO catalog, title linker."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from embeddings import Encoder, load_encoder
from matching.esco import EscoCatalog
from matching.linker import TitleLinker
from service.config import Settings

log = logging.getLogger("ipsmatch")


@dataclass(frozen=True)
class Resources:
    """Loaded once per process; tests build one and share it across apps."""

    encoder: Encoder
    catalog: EscoCatalog
    linker: TitleLinker

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        """Load the encoder named in settings and the ESCO subset from ``data_dir/esco``."""
        started = time.perf_counter()
        encoder = load_encoder(settings.encoder, num_threads=settings.encoder_threads)
        catalog = EscoCatalog.load(settings.data_dir / "esco")
        linker = TitleLinker().fit(catalog.labels)
        log.info(
            "loaded %s and ESCO (%d labels) in %.1fs",
            encoder.model_id,
            catalog.labels.height,
            time.perf_counter() - started,
        )
        return cls(encoder, catalog, linker)
