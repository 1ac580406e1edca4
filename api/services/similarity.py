"""Similarity of two sentences, by exactly the matcher and detectors that ingestion uses."""
from __future__ import annotations

from ..pipeline.extract.sentences.quotes import find_quotes
from ..pipeline.types import MentionText
from .components import Components


def view(text: str, speaker: str | None) -> MentionText:
    """A bare sentence as the pipeline sees a mention, its quotations found as at ingest."""
    quotes = tuple((q.inner_start, q.inner_end) for q in find_quotes(text, [(0, len(text))])
                   if q.inner_end > q.inner_start)
    return MentionText(text=text, speaker=speaker, is_quote=bool(quotes), quotes=quotes)


def similarity(comps: Components, data: dict) -> dict:
    """``{score, same_claim, threshold, matcher, disagreements}`` for the pair in ``data``."""
    a, b = view(data["a"], data.get("a_speaker")), view(data["b"], data.get("b_speaker"))
    result = comps.matcher.score(a, b)
    found = comps.detect(a, b) if result.same_claim and comps.detect_enabled else []
    return {"score": round(float(result.score), 6), "same_claim": bool(result.same_claim),
            "threshold": float(comps.matcher.threshold), "matcher": comps.matcher_name,
            "disagreements": [{"kind": d.kind,
                               "a_span": {"start": d.a_span.start, "end": d.a_span.end, "text": d.a_span.text},
                               "b_span": {"start": d.b_span.start, "end": d.b_span.end, "text": d.b_span.text},
                               "explanation": d.explanation, "diff": list(d.diff or [])} for d in found]}
