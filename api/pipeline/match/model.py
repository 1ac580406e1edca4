"""Logistic scorer (and, since matcher 1.5, a blended tree ensemble) with its shipped parameters
(``params.json`` beside this module).

Inference is pure Python: each feature is standardised with the training mean and scale, the
weighted sum plus intercept is the logit, and the score is its sigmoid. A weight set with a
``trees`` entry (``TreeEnsemble``: gradient-boosted regression trees trained with scikit-learn and
written out as nested lists) adds ``blend`` times the trees' departure from their base value (the
sum of their leaves) to the logistic logit (``BlendedModel``): the trees correct the logistic model
where it is wrong on the training pairs, and leave its scale (which the hand-set terms are set in)
where they have little to say — a plain average of the two logits flattened the top of the scale,
where the trees level off, so that a sentence repeated word for word scored lower than before. Two weight sets may be
shipped: ``default`` (lexical features and the static embedding's) and ``semantic`` (chosen from
the same features plus the all-MiniLM-L6-v2 cosine, ``minilm_cosine``, of the semantic extra). ``adjustments`` holds the hand-set terms that MRPC cannot teach (speakers, quotations).
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache

PARAMS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "params.json")


def sigmoid(x: float) -> float:
    """The logistic function, safe for large |x|."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit(p: float) -> float:
    """The inverse of ``sigmoid`` for p in (0, 1)."""
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class LogisticModel:
    """One trained weight set: feature names, standardisation, weights, intercept, threshold."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, d: dict) -> "LogisticModel":
        """Builds the model from its ``params.json`` entry."""
        n = len(d["features"])
        if not (len(d["mean"]) == len(d["scale"]) == len(d["coef"]) == n):
            raise ValueError("params: features, mean, scale and coef must have the same length")
        return cls(tuple(d["features"]), tuple(map(float, d["mean"])),
                   tuple(float(s) or 1.0 for s in d["scale"]), tuple(map(float, d["coef"])),
                   float(d["intercept"]), float(d["threshold"]))

    def logit(self, feats: dict[str, float]) -> float:
        """The linear score (log-odds) of a feature dict; missing features count as the mean."""
        z = self.intercept
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.coef):
            z += w * (feats.get(name, mu) - mu) / sd
        return z


@lru_cache(maxsize=4)
def load_params(path: str = PARAMS_PATH) -> dict:
    """The parsed ``params.json`` (cached per path)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _node(raw):
    """A tree node from its JSON form: a leaf is a number, a split ``[feature, threshold, left,
    right]`` (left when the feature is at most the threshold) becomes a tuple."""
    if isinstance(raw, list):
        return (int(raw[0]), float(raw[1]), _node(raw[2]), _node(raw[3]))
    return float(raw)


@dataclass(frozen=True)
class TreeEnsemble:
    """Regression trees over raw (not standardised) features, summed with a base value: a
    gradient-boosted model's log-odds."""

    features: tuple[str, ...]
    base: float
    trees: tuple

    @classmethod
    def from_dict(cls, d: dict) -> "TreeEnsemble":
        """Builds the ensemble from its ``params.json`` entry (``features``, ``base``, ``trees``)."""
        n = len(d["features"])
        trees = tuple(_node(t) for t in d["trees"])
        if any(not _indices_below(t, n) for t in trees):
            raise ValueError("params: a tree splits on a feature index out of range")
        return cls(tuple(d["features"]), float(d["base"]), trees)

    def logit(self, feats: dict[str, float]) -> float:
        """The ensemble's log-odds for a feature dict (a missing feature counts as 0.0)."""
        return self.base + self.correction(feats)

    def correction(self, feats: dict[str, float]) -> float:
        """The sum of the trees' leaves for a feature dict: the log-odds less the base value."""
        x = [feats.get(name, 0.0) for name in self.features]
        z = 0.0
        for node in self.trees:
            while node.__class__ is tuple:
                node = node[2] if x[node[0]] <= node[1] else node[3]
            z += node
        return z


def _indices_below(node, n: int) -> bool:
    """Whether every split of the tree reads a feature index below ``n``."""
    if isinstance(node, tuple):
        return 0 <= node[0] < n and _indices_below(node[2], n) and _indices_below(node[3], n)
    return True


@dataclass(frozen=True)
class BlendedModel:
    """A logistic model corrected by a tree ensemble: the logistic logit plus ``blend`` times the
    trees' correction (their log-odds less their base value). ``features`` are those either reads;
    ``threshold`` is the blend's (chosen on out-of-fold scores at training)."""

    linear: LogisticModel
    trees: TreeEnsemble
    blend: float
    threshold: float

    @property
    def features(self) -> tuple[str, ...]:
        """The features either part reads, the logistic model's first."""
        return tuple(dict.fromkeys(self.linear.features + self.trees.features))

    def logit(self, feats: dict[str, float]) -> float:
        """The blended log-odds of a feature dict."""
        return self.linear.logit(feats) + self.blend * self.trees.correction(feats)


def weight_set(d: dict) -> LogisticModel | BlendedModel:
    """The model of one ``params.json`` weight set: logistic, blended with trees when it has them."""
    linear = LogisticModel.from_dict(d)
    if "trees" not in d:
        return linear
    t = d["trees"]
    return BlendedModel(linear, TreeEnsemble.from_dict(t), float(t["blend"]), float(d["threshold"]))
