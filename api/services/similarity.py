"""Similarity of two sentences, by exactly the matcher and detectors that ingestion uses."""
from __future__ import annotations

from .components import Components
from .mentions import sentence_view


def similarity(comps: Components, data: dict) -> dict:
    """``{score, same_claim, threshold, matcher, disagreements}`` for the pair in ``data``."""
    a, b = sentence_view(data["a"], data.get("a_speaker")), sentence_view(data["b"], data.get("b_speaker"))
    result = comps.matcher.score(a, b)
    found = comps.detect(a, b) if result.same_claim and comps.detect_enabled else []
    return {"score": round(float(result.score), 6), "same_claim": bool(result.same_claim),
            "threshold": float(comps.matcher.threshold), "matcher": comps.matcher_name,
            "disagreements": [{"kind": d.kind,
                               "a_span": {"start": d.a_span.start, "end": d.a_span.end, "text": d.a_span.text},
                               "b_span": {"start": d.b_span.start, "end": d.b_span.end, "text": d.b_span.text},
                               "explanation": d.explanation, "diff": list(d.diff or [])} for d in found]}
