"""The pipeline parts a running service uses, built once per process.

The matcher may load an embedding model, so it is built when the app is created (before
gunicorn forks its workers, with ``preload_app``), never per request.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..config import Settings
from ..pipeline.types import Disagreement, Extraction, MatchScore, MentionText

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


class Extractor(Protocol):
    """Article text → claim mentions (``pipeline.extract.extract``)."""

    def __call__(self, text: str, *, language: str = "en", title: str | None = None) -> Extraction: ...


class ClaimMatcher(Protocol):
    """Whether two mentions state the same claim (``pipeline.match.Matcher``)."""

    threshold: float
    shortlist_min_ratio: float

    def score(self, a: MentionText | str, b: MentionText | str, days_apart: float | None = None,
              same_story: bool = False) -> MatchScore: ...

    def states_same_claim(self, a: MentionText, b: MentionText) -> bool: ...

    def prepare(self, mentions: list[MentionText | str]) -> None: ...

    def search_terms(self, text: str, limit: int = 8) -> list[str]: ...


class Detector(Protocol):
    """Where two mentions of one claim differ in substance (``pipeline.disagree.detect``)."""

    def __call__(self, a: MentionText, b: MentionText) -> list[Disagreement]: ...


class Embedder(Protocol):
    """Texts → L2-normalised sentence vectors (``pipeline.embedding.StaticEmbedder``)."""

    dim: int

    def embed(self, texts: list[str]) -> "np.ndarray": ...


@dataclass
class Components:
    """Extractor, matcher and disagreement detector, plus their provenance strings."""

    extract: Extractor
    matcher: ClaimMatcher
    matcher_name: str
    detect: Detector
    detector_version: str
    detect_enabled: bool = True
    embedder: Embedder | None = None  # the static sentence embedding, None when not loaded


def build_components(settings: Settings) -> Components:
    """The default pipeline (rule-based extraction, trained lexical matcher, typed detectors, and
    the static sentence embedding whose vectors are stored for candidate retrieval)."""
    from ..pipeline.embedding import StaticEmbedder
    from ..pipeline.disagree import DETECTOR_VERSION, detect
    from ..pipeline.extract import extract
    from ..pipeline.match import MATCHER_NAME, MATCHER_VERSION, Matcher
    from ..pipeline.match.vectors import MentionVectors

    embedder = StaticEmbedder.load()
    # the matcher's embedding features use this same embedder (not a second copy of it)
    matcher = Matcher(embedding_model=settings.embedding_model, vectors=MentionVectors(loader=lambda: embedder))
    name = f"{MATCHER_NAME} {MATCHER_VERSION}" + (" +semantic" if settings.embedding_model else "")
    return Components(extract=extract, matcher=matcher, matcher_name=name, detect=detect,
                      detector_version=DETECTOR_VERSION, detect_enabled=settings.detect_disagreements,
                      embedder=embedder)
