"""The matcher's use of the static embedding: vectors carried by a mention or embedded by the
matcher itself (loaded once, lazily, in batches), and same-claim decisions on paraphrases and on
swapped participants (issue 15's unit tests, own short texts)."""
import numpy as np
import pytest

from api.pipeline.embedding import StaticEmbedder
from api.pipeline.match import Matcher
from api.pipeline.match.vectors import MentionVectors
from api.pipeline.types import MentionText as M


class CountingEmbedder:
    """The shipped embedder, counting its batches and the texts in them."""

    def __init__(self):
        self.inner = StaticEmbedder.load()
        self.batches: list[list[str]] = []

    def embed(self, texts):
        self.batches.append(list(texts))
        return self.inner.embed(texts)

    def token_sums(self, texts):
        self.batches.append(list(texts))
        return self.inner.token_sums(texts)


@pytest.fixture()
def counted():
    """A matcher whose embedder counts its loads and batches."""
    loads = []

    def loader():
        loads.append(1)
        return CountingEmbedder()

    return Matcher(vectors=MentionVectors(loader)), loads


@pytest.fixture()
def residual_params(tmp_path):
    """A params file whose default weight set reads ``residual_cosine`` too (as matcher 1.3's did)."""
    import json

    from api.pipeline.match.model import PARAMS_PATH
    with open(PARAMS_PATH, encoding="utf-8") as f:
        params = json.load(f)
    weights = params["default"]
    if "residual_cosine" not in weights["features"]:
        for key, value in (("features", "residual_cosine"), ("mean", 0.28), ("scale", 0.29), ("coef", 0.3)):
            weights[key] = [*weights[key], value]
    path = tmp_path / "params.json"
    path.write_text(json.dumps(params), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def matcher():
    return Matcher()


@pytest.fixture(scope="module")
def embedder():
    return StaticEmbedder.load()


def test_default_weights_use_the_embedding(matcher):
    assert matcher.uses_vectors
    assert "cosine" in matcher.model.features and matcher.vector_features == ("cosine",)


def test_embedder_loads_lazily_and_once(counted):
    m, loads = counted
    assert not m.vectors.loaded and loads == []
    m.score("Talks resumed in Cairo on Monday.", "Negotiations restarted in Cairo on Monday.")
    m.score("The bridge reopens on Friday.", "The bridge will reopen Friday.")
    assert m.vectors.loaded and loads == [1]


def test_prepare_embeds_a_shortlist_in_one_batch(counted):
    m, _ = counted
    new = M("The ministers agreed a ceasefire in Doha.")
    shortlist = [M("Ministers reached a truce in Doha."), M("A ceasefire was agreed in Doha by ministers."),
                 M("The ceasefire in Doha was agreed, the ministers said.")]
    m.prepare([new] + shortlist)
    embedder = m.vectors.embedder
    assert len(embedder.batches) == 1  # the four texts, one batch
    assert {v.text for v in [new] + shortlist} <= set(embedder.batches[0])
    before = len(embedder.batches)
    for view in shortlist:
        m.score(new, view)
    assert len(embedder.batches) == before  # every vector scoring needs was embedded by prepare


def test_prepare_embeds_the_words_only_for_a_weight_set_that_reads_them(counted, residual_params):
    m, _ = counted
    assert not m.uses_residual  # the default weights (matcher 1.4) read the sentence cosine only
    m.prepare([M("Ministers reached a truce in Doha."), M("A ceasefire was agreed in Doha.")])
    assert all(" " in t for batch in m.vectors.embedder.batches for t in batch)  # sentences, no words
    loads = []

    def loader():
        loads.append(1)
        return CountingEmbedder()

    r = Matcher(params_path=residual_params, vectors=MentionVectors(loader))
    assert r.uses_residual
    new = M("The ministers agreed a ceasefire in Doha.")
    shortlist = [M("Ministers reached a truce in Doha."), M("A ceasefire was agreed in Doha by ministers.")]
    r.prepare([new] + shortlist)
    embedder = r.vectors.embedder
    # a plain word of the vocabulary is its token's vector, read without the tokenizer: only
    # the texts (and any word the vocabulary lacks) go through it, in one batch
    assert len(embedder.batches) == 1 and {v.text for v in [new] + shortlist} <= set(embedder.batches[0])
    before = len(embedder.batches)
    for view in shortlist:
        assert "residual_cosine" in r.score(new, view).features
    assert len(embedder.batches) == before


def test_a_plain_vocabulary_word_needs_no_tokenizer(embedder):
    words = ["ceasefire", "ministers", "doha", "2024", "truce", "cease-fire", "café", "zzyzxqv"]
    ids = embedder.single_token_ids(words)
    sums, counts = embedder.token_sums(words)
    for w, i, s, c in zip(words, ids, sums, counts):
        if i is not None:
            assert c == 1 and np.array_equal(np.asarray(embedder.vectors[i], dtype=np.float32), s), w
    assert ids[words.index("cease-fire")] is None and ids[words.index("café")] is None


def test_a_carried_vector_is_used_instead_of_the_text(matcher, embedder):
    a, b = "Rain is expected across the north on Tuesday.", "Showers will hit northern areas on Tuesday."
    own = matcher.score(M(a), M(b)).features["cosine"]
    assert own == pytest.approx(float(embedder.embed([a])[0] @ embedder.embed([b])[0]), abs=1e-5)
    other = embedder.embed(["The central bank raised interest rates again."])[0]
    carried = matcher.score(M(a, vector=other), M(b)).features["cosine"]
    assert carried == pytest.approx(float(other @ embedder.embed([b])[0]), abs=1e-5)
    assert abs(carried - own) > 0.1


def test_a_carried_vector_is_not_embedded_again(counted, embedder):
    m, _ = counted
    vec = embedder.embed(["The council approved the budget."])[0]
    m.prepare([M("The council approved the budget.", vector=vec), M("The budget was approved by the council.")])
    texts = [t for batch in m.vectors.embedder.batches for t in batch]
    assert "The council approved the budget." not in texts
    assert "The budget was approved by the council." in texts


def test_vector_is_not_part_of_equality_or_hash(embedder):
    vec = embedder.embed(["x y z"])[0]
    assert M("x y z", vector=vec) == M("x y z") and hash(M("x y z", vector=vec)) == hash(M("x y z"))


def test_residual_cosine_compares_the_words_not_shared():
    from api.pipeline.match.analysis import analyse

    vectors = MentionVectors()

    def features(a, b):
        return vectors.features(a, b, analyse(a), analyse(b))

    f = features("The talks were positive and held in a good atmosphere.",
                 "The talks were positive and held in a good atmosphere.")
    assert f["residual_cosine"] == 1.0 and f["cosine"] == pytest.approx(1.0, abs=1e-5)
    close = features("Prices rose sharply in March.", "Prices increased sharply in March.")
    far = features("Prices rose sharply in March.", "Football crowds cheered loudly in March.")
    assert close["residual_cosine"] > far["residual_cosine"]
    assert set(vectors.features("a b", "a c", analyse("a b"), analyse("a c"), ("cosine",))) == {"cosine"}


# The content-gap ceiling (``content_gap_max``) keeps a short statement whose differing content
# words have no counterpart below the threshold, whatever the model says. On MRPC train plus the
# retrieval negatives, the 199 such pairs (18 paraphrases) are not told apart by the static
# embedding: lifting the ceiling at sentence cosine >= 0.75 would accept 32 of them at precision
# 0.47, at residual cosine >= 0.25, 45 at precision 0.16. So these paraphrases stay apart.
CEILING = ("the content-gap ceiling: words without a lexical counterpart; the static embedding does "
           "not separate such pairs on MRPC train (see the comment above)")
SAME = [
    pytest.param("He touched down in Israel late Sunday.", "He arrived in the country on Sunday.",
                 marks=pytest.mark.xfail(strict=True, reason=CEILING)),
    pytest.param("It was his ninth mission to the region since October.",
                 "It was the ninth time he has travelled to the Middle East since the war began.",
                 marks=pytest.mark.xfail(strict=True, reason=CEILING)),
    ("The meeting was positive and held in a good atmosphere.",
     "The meeting was positive and conducted in a good spirit."),
    pytest.param("The former governor asserts his innocence.", "The former governor said he did nothing wrong.",
                 marks=pytest.mark.xfail(strict=True, reason="no shared content word but the subject and "
                                         "static cosine 0.54: needs knowledge the embedding lacks")),
    pytest.param("The Israeli bombardment of Gaza continues.", "Israel keeps pounding the Gaza Strip.",
                 marks=pytest.mark.xfail(strict=True, reason=CEILING)),
    # another place or another number on the same event: the same claim, a disagreement to show
    ("Blinken will meet Netanyahu in Jerusalem.", "Blinken will meet Netanyahu in Tel Aviv."),
    ("Israel says 111 hostages remain in Gaza.", "Israel says 115 hostages remain in Gaza."),
]
DIFFERENT = [
    ("Blinken will meet Netanyahu in Jerusalem.", "Blinken will meet Gallant in Jerusalem."),
    ("Blinken met Herzog in Tel Aviv.", "Blinken met Gallant in Tel Aviv."),
    ("Israel says 111 hostages remain in Gaza.", "Israel says 111 rockets were fired from Gaza."),
]


@pytest.mark.parametrize("a,b", SAME)
def test_same_claim(matcher, a, b):
    assert matcher.score(M(a), M(b)).same_claim
    assert matcher.score(M(b), M(a)).same_claim


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_claims(matcher, a, b):
    assert not matcher.score(M(a), M(b)).same_claim
    assert not matcher.score(M(b), M(a)).same_claim


def test_swapped_participants_stay_apart_however_close_the_vectors(matcher):
    a, b = "Blinken will meet Netanyahu in Jerusalem.", "Blinken will meet Gallant in Jerusalem."
    close = np.ones(256, dtype=np.float32) / 16.0  # the same vector on both sides: cosine 1
    r = matcher.score(M(a, vector=close), M(b, vector=close))
    assert r.features["cosine"] == pytest.approx(1.0, abs=1e-5) and not r.same_claim


def test_a_carried_vector_is_used_as_it_is(matcher, embedder):
    """A carried vector is of unit length (the services decode a stored int8 code back to unit
    length): the matcher does not normalise it again for every pair."""
    a, b = "The port reopened after the storm.", "The harbour opened again after the storm."
    exact = matcher.score(M(a), M(b)).features["cosine"]
    codes = np.round(embedder.embed([a])[0] * 127).astype(np.float32)  # int8 codes, length ~127
    decoded = codes / np.float32(np.linalg.norm(codes))
    assert matcher.score(M(a, vector=decoded), M(b)).features["cosine"] == pytest.approx(exact, abs=0.02)
    half = embedder.embed([a])[0] / np.float32(2)  # (not unit length: taken as given)
    assert matcher.score(M(a, vector=half), M(b)).features["cosine"] == pytest.approx(exact / 2, abs=1e-5)


@pytest.mark.parametrize("a,b,swapped", [
    ("Blinken will meet Netanyahu in Jerusalem.", "Blinken will meet Gallant in Jerusalem.", True),
    ("The mayor thanked Ortiz for the report.", "The mayor thanked Brennan for the report.", True),
    # a name spelt or shortened another way is no other participant
    ("The ruling is wrong, Chairman Timothy Muris said.", "The ruling is wrong, Chairman Tim Muris said.", False),
    # names in other places of the sentence: added detail, not a swap
    ("Ortiz said the council approved the budget.", "The council approved the budget on a motion by Brennan.", False),
    # a place is no participant
    ("Blinken met Herzog in Jerusalem.", "Blinken met Herzog in Tel Aviv.", False),
])
def test_swapped_participants(a, b, swapped):
    from api.pipeline.match.analysis import analyse
    from api.pipeline.match.evidence import swapped_participants
    assert swapped_participants(analyse(a), analyse(b)) is swapped
    assert swapped_participants(analyse(b), analyse(a)) is swapped
