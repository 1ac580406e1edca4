"""Logistic scorer with its shipped parameters (``params.json`` beside this module).

Inference is pure Python: each feature is standardised with the training mean and scale, the
weighted sum plus intercept is the logit, and the score is its sigmoid. Two weight sets may be
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
