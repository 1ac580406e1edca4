"""Unit tests for matcher 1.5's model parts: the tree ensemble evaluated in pure Python and its
blend with the logistic model (a correction added to its logit; ``train_matcher.py --trees``, not
shipped), and the machine-translation pair features."""
import pytest

from api.pipeline.match.analysis import analyse
from api.pipeline.match.features import MT_FEATURES, char_trigram_dice, meteor, mt_features, ngram_precisions
from api.pipeline.match.model import BlendedModel, LogisticModel, TreeEnsemble, weight_set

TREES = {"features": ["x", "y"], "base": 0.5, "blend": 0.5,
         # x <= 1 ? (y <= 0 ? -1 : 2) : 3  and a stump on y
         "trees": [[0, 1.0, [1, 0.0, -1.0, 2.0], 3.0], [1, 0.5, 0.25, -0.25]]}
LINEAR = {"features": ["x"], "mean": [1.0], "scale": [2.0], "coef": [1.0], "intercept": 0.0,
          "threshold": 0.6}


def test_trees_follow_their_splits():
    t = TreeEnsemble.from_dict(TREES)
    assert t.logit({"x": 0.0, "y": 0.0}) == pytest.approx(0.5 - 1.0 + 0.25)
    assert t.logit({"x": 1.0, "y": 1.0}) == pytest.approx(0.5 + 2.0 - 0.25)   # at the threshold: left
    assert t.logit({"x": 5.0, "y": 0.5}) == pytest.approx(0.5 + 3.0 + 0.25)
    assert t.logit({}) == pytest.approx(0.5 - 1.0 + 0.25)                     # missing: 0.0


def test_a_split_on_an_unknown_feature_is_refused():
    with pytest.raises(ValueError):
        TreeEnsemble.from_dict({**TREES, "trees": [[2, 0.0, 1.0, 2.0]]})


def test_blend_adds_the_trees_correction_to_the_logistic_logit():
    m = weight_set({**LINEAR, "trees": TREES})
    assert isinstance(m, BlendedModel) and m.threshold == 0.6 and m.features == ("x", "y")
    feats = {"x": 3.0, "y": 1.0}
    linear = LogisticModel.from_dict(LINEAR).logit(feats)
    assert linear == pytest.approx(1.0)
    trees = TreeEnsemble.from_dict(TREES)
    assert trees.correction(feats) == pytest.approx(3.0 - 0.25) == trees.logit(feats) - 0.5
    assert m.logit(feats) == pytest.approx(linear + 0.5 * (3.0 - 0.25))
    assert isinstance(weight_set(LINEAR), LogisticModel)


def test_ngram_precisions_both_ways():
    a = ("the", "port", "reopen", "on", "monday")
    b = ("the", "port", "reopen")
    p = ngram_precisions(a, b)
    assert p["p1_max"] == 1.0 and p["p1_min"] == pytest.approx(3 / 5)
    assert p["p2_max"] == 1.0 and p["p2_min"] == pytest.approx(2 / 4)
    assert p["p4_max"] == 0.0 and p["p4_min"] == 0.0          # b has no 4-gram
    assert ngram_precisions(b, a) == p


def test_meteor_rewards_order_and_penalises_fragments():
    a = ("talk", "resum", "in", "cairo", "monday")
    in_order, frag = meteor(a, a)
    assert frag == pytest.approx(1 / 5) and in_order == pytest.approx(1 - 0.5 * (1 / 5) ** 3)
    shuffled, frag2 = meteor(a, ("monday", "cairo", "in", "resum", "talk"))
    assert frag2 == 1.0 and shuffled < in_order
    assert meteor(a, ("other", "word")) == (0.0, 1.0)


def test_new_features_are_symmetric():
    x, y = analyse("Talks resumed in Cairo on Monday, officials said."), analyse("In Cairo, talks resumed Monday.")
    fx, fy = mt_features(x, y), mt_features(y, x)
    assert set(fx) == set(MT_FEATURES)
    for name in MT_FEATURES:
        assert fx[name] == pytest.approx(fy[name])
    assert char_trigram_dice("abcd", "abcd") == 1.0 and char_trigram_dice("ab", "abcd") == 0.0
