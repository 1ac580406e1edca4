"""The static sentence embedding shipped as package data (api/pipeline/embedding.py)."""
from __future__ import annotations

import hashlib
import json
import os

import numpy as np
import pytest

from api.pipeline.embedding import (DEFAULT_PATH, MANIFEST_FILE, TOKENIZER_FILE, VECTORS_FILE,
                                    StaticEmbedder)


@pytest.fixture(scope="module")
def embedder() -> StaticEmbedder:
    """The shipped embedding, loaded once."""
    return StaticEmbedder.load()


def test_loads_from_package_data(embedder):
    assert os.path.isfile(os.path.join(DEFAULT_PATH, VECTORS_FILE))
    assert embedder.vectors.dtype == np.float16
    assert embedder.vectors.shape[0] >= embedder.tokenizer.get_vocab_size()
    assert embedder.dim == json.load(open(os.path.join(DEFAULT_PATH, MANIFEST_FILE)))["shape"][1]


def test_vectors_are_normalised_float32(embedder):
    vectors = embedder.embed(["The council approved the new budget on Tuesday.",
                              "Rain is expected over the weekend, forecasters said.", "ok"])
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, embedder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_text_without_known_tokens_gives_zeros(embedder):
    vectors = embedder.embed(["", "   ", "\U0001F642", "The mayor resigned."])
    assert not vectors[:3].any()
    assert np.isclose(np.linalg.norm(vectors[3]), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, embedder.dim)


def test_same_text_same_vector_whatever_the_batch(embedder):
    text = "The mayor said the bridge would reopen in March."
    alone = embedder.embed([text])[0]
    in_batch = embedder.embed(["Something else entirely.", text, "A third line"])[1]
    assert np.array_equal(alone, embedder.embed([text])[0])
    assert np.allclose(alone, in_batch, atol=1e-6)


def test_case_and_accents_do_not_matter(embedder):
    a, b = embedder.embed(["The Cafe in Zurich closed", "the café in ZÜRICH closed"])
    assert np.allclose(a, b, atol=1e-6)


def test_paraphrase_scores_above_unrelated(embedder):
    paraphrase = embedder.similarity("The minister arrived in Paris on Monday evening.",
                                     "The minister landed in the French capital on Monday night.")
    unrelated = embedder.similarity("The minister arrived in Paris on Monday evening.",
                                    "Shares in the chipmaker fell sharply after weak results.")
    assert paraphrase > unrelated + 0.2


def _sha256(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def test_committed_files_match_the_recorded_checksums():
    """The weights are what scripts/distill_embedding.py wrote (its manifest's SHA-256s)."""
    manifest = json.load(open(os.path.join(DEFAULT_PATH, MANIFEST_FILE)))
    assert manifest["made_by"] == "scripts/distill_embedding.py"
    for name in (VECTORS_FILE, TOKENIZER_FILE, "NOTICE"):
        assert _sha256(os.path.join(DEFAULT_PATH, name)) == manifest["sha256"][name], name
    vectors = np.load(os.path.join(DEFAULT_PATH, VECTORS_FILE), mmap_mode="r")
    assert list(vectors.shape) == manifest["shape"]


def test_licence_notice_ships_with_the_weights():
    notice = open(os.path.join(DEFAULT_PATH, "NOTICE"), encoding="utf-8").read()
    assert "all-MiniLM-L6-v2" in notice and "Apache License, Version 2.0" in notice
    licence = open(os.path.join(DEFAULT_PATH, "LICENSE-Apache-2.0.txt"), encoding="utf-8").read()
    assert "Apache License" in licence and "END OF TERMS AND CONDITIONS" in licence
