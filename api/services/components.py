"""The pipeline parts a running service uses, built once per process.

The matcher may load an embedding model, so it is built when the app is created (before
gunicorn forks its workers, with ``preload_app``), never per request.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..config import Settings


@dataclass
class Components:
    """Extractor, matcher and disagreement detector, plus their provenance strings."""

    extract: Callable[..., Any]
    matcher: Any
    matcher_name: str
    detect: Callable[..., list]
    detector_version: str
    detect_enabled: bool = True
    embedder: Any = None  # the static sentence embedding (``pipeline.embedding``), None when not loaded


def build_components(settings: Settings) -> Components:
    """The default pipeline (rule-based extraction, trained lexical matcher, typed detectors, and
    the static sentence embedding whose vectors are stored for candidate retrieval)."""
    from ..pipeline.embedding import StaticEmbedder
    from ..pipeline.disagree import DETECTOR_VERSION, detect
    from ..pipeline.extract import extract
    from ..pipeline.match import MATCHER_NAME, MATCHER_VERSION, Matcher

    matcher = Matcher(embedding_model=settings.embedding_model)
    name = f"{MATCHER_NAME} {MATCHER_VERSION}" + (" +semantic" if settings.embedding_model else "")
    return Components(extract=extract, matcher=matcher, matcher_name=name, detect=detect,
                      detector_version=DETECTOR_VERSION, detect_enabled=settings.detect_disagreements,
                      embedder=StaticEmbedder.load())
