"""Stored rows → what the response schemas dump. The schemas (``schemas/``) read the ORM
objects and ``StoredMention``s by their attribute names; what a response shows that is not a
stored attribute is worked out here once, as a small read-only view (the view answers every other
attribute from the row it wraps), or, while a shape has no view yet, as a plain dict."""
from __future__ import annotations

from ..models import Article, Claim, Disagreement, Mention, Outlet


class RowView:
    """A read-only view of a row: its own attributes first, every other one the wrapped row's."""

    __slots__ = ("row",)

    def __init__(self, row):
        self.row = row

    def __getattr__(self, name: str):
        return getattr(self.row, name)


class OutletStats(RowView):
    """An outlet with what it has reported (``OutletStatsSchema``)."""

    __slots__ = ("article_count", "claim_count", "disagreement_count")

    def __init__(self, outlet: Outlet, article_count: int, claim_count: int, disagreement_count: int):
        super().__init__(outlet)
        self.article_count, self.claim_count, self.disagreement_count = article_count, claim_count, disagreement_count


class Report(RowView):
    """A mention (an ORM ``Mention``) with the article it stands in (``ReportSchema``)."""

    __slots__ = ("article",)

    def __init__(self, mention: Mention, article: Article):
        super().__init__(mention)
        self.article = article


def article_dict(a: Article, outlet: Outlet, *, mention_count: int | None = None) -> dict:
    """An article without its text."""
    out = {"id": a.id, "outlet": outlet, "url": a.url, "title": a.title,
           "published_at": a.published_at, "language": a.language, "content_hash": a.content_hash,
           "ingested_at": a.ingested_at, "extractor": a.extractor, "extractor_version": a.extractor_version,
           "attribution": a.attribution}
    if mention_count is not None:
        out["mention_count"] = mention_count
    return out


def claim_dict(c: Claim, first_outlet: Outlet | None, by_kind: dict[str, int] | None = None) -> dict:
    """A claim with its counts."""
    return {"id": c.id, "text": c.text, "kind": c.kind, "speaker": c.speaker,
            "mention_count": c.mention_count, "outlet_count": c.outlet_count,
            "disagreement_count": c.disagreement_count, "disagreements_by_kind": by_kind or {},
            "first_seen": c.first_seen, "last_seen": c.last_seen, "first_outlet": first_outlet}


def disagreement_dict(d: Disagreement, slugs: dict[int, str] | None = None) -> dict:
    """A disagreement with both spans and its explanation."""
    slugs = slugs or {}
    return {"id": d.id, "claim_id": d.claim_id, "kind": d.kind, "mention_ids": [d.mention_a_id, d.mention_b_id],
            "outlets": [slugs.get(d.outlet_a_id, ""), slugs.get(d.outlet_b_id, "")],
            "a_span": {"start": d.a_start, "end": d.a_end, "text": d.a_text},
            "b_span": {"start": d.b_start, "end": d.b_end, "text": d.b_text},
            "explanation": d.explanation, "diff": d.diff or [], "detector_version": d.detector_version,
            "created_at": d.created_at, "dismissed": d.dismissed_at is not None,
            "dismissed_at": d.dismissed_at, "dismissed_by": d.dismissed_by, "dismiss_reason": d.dismiss_reason}
