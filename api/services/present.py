"""Stored rows → what the response schemas dump. The schemas (``schemas/``) read the ORM
objects and ``StoredMention``s by their attribute names; what a response shows that is not a
stored attribute is worked out here once: as a small read-only view that answers every other
column from the row it wraps, or, for a claim (listed twenty at a time), as a mapping of its
stored columns with the computed fields added."""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from ..models import Article, Claim, Disagreement, Mention, Outlet


class RowView:
    """A read-only view of a row of ``of`` (a table model, given as ``class V(RowView, of=Model)``):
    its own attributes first, each other column of the model read from the wrapped row (a
    property per column, made once: no ``__getattr__``, whose failed lookups would cost an
    exception per field as a schema dumps the view)."""

    __slots__ = ("row",)

    def __init_subclass__(cls, of=None, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in (of.__table__.columns.keys() if of is not None else ()):
            if not hasattr(cls, name):
                setattr(cls, name, property(attrgetter(f"row.{name}"), doc=f"The row's ``{name}``."))

    def __init__(self, row):
        self.row = row


class OutletStats(RowView, of=Outlet):
    """An outlet with what it has reported (``OutletStatsSchema``)."""

    __slots__ = ("article_count", "claim_count", "disagreement_count")

    def __init__(self, outlet: Outlet, article_count: int, claim_count: int, disagreement_count: int):
        super().__init__(outlet)
        self.article_count, self.claim_count, self.disagreement_count = article_count, claim_count, disagreement_count


class Report(RowView, of=Mention):
    """A mention (an ORM ``Mention``) with the article it stands in (``ReportSchema``)."""

    __slots__ = ("article",)

    def __init__(self, mention: Mention, article: Article):
        super().__init__(mention)
        self.article = article


class ArticleView(RowView, of=Article):
    """An article with its outlet and how many mentions it has (``ArticleSchema``); a detail adds
    its ``mentions`` and ``notes`` (``ArticleDetailSchema``: the text is the article's own)."""

    __slots__ = ("outlet", "mention_count", "mentions", "notes")

    def __init__(self, article: Article, outlet: Outlet, mention_count: int, mentions: list | None = None,
                 notes: list[str] | None = None):
        super().__init__(article)
        self.outlet, self.mention_count = outlet, mention_count
        if mentions is not None:
            self.mentions, self.notes = mentions, notes or []


CLAIM_COLUMNS = tuple(Claim.__table__.columns.keys())  # (what a claim's response may read of its row)


def claim_view(claim, first_outlet: Outlet | None, by_kind: dict[str, int] | None = None) -> dict:
    """A claim's stored columns (of an ORM ``Claim``, or those a row of selected columns has:
    nothing else the row carries, such as a search's ``score``) with its first outlet and its
    undismissed disagreements per kind (``ClaimSchema``). A mapping, not a view: a listing dumps
    twenty of them, and a key is found faster than a delegated attribute; a detail adds its
    ``outlets`` and ``disagreements``, a ``similar_to`` listing its ``score`` and ``same_claim``."""
    mapping = getattr(claim, "_mapping", None)
    if mapping is None:
        out = {name: getattr(claim, name) for name in CLAIM_COLUMNS}
    else:
        out = {name: mapping[name] for name in CLAIM_COLUMNS if name in mapping}
    out["first_outlet"], out["disagreements_by_kind"] = first_outlet, by_kind or {}
    return out


@dataclass(frozen=True, slots=True)
class Span:
    """The differing words of one side of a disagreement (``SpanSchema``)."""

    start: int
    end: int
    text: str


class DisagreementView(RowView, of=Disagreement):
    """A disagreement with its mentions' ids and outlets' slugs, both spans and whether it is
    dismissed (``DisagreementSchema``)."""

    __slots__ = ("outlets",)

    def __init__(self, disagreement: Disagreement, slugs: dict[int, str] | None = None):
        super().__init__(disagreement)
        slugs = slugs or {}
        self.outlets = [slugs.get(disagreement.outlet_a_id, ""), slugs.get(disagreement.outlet_b_id, "")]

    @property
    def mention_ids(self) -> list[int]:
        """The two mentions' ids, a first."""
        return [self.row.mention_a_id, self.row.mention_b_id]

    @property
    def a_span(self) -> Span:
        """Mention a's differing words."""
        return Span(self.row.a_start, self.row.a_end, self.row.a_text)

    @property
    def b_span(self) -> Span:
        """Mention b's differing words."""
        return Span(self.row.b_start, self.row.b_end, self.row.b_text)

    @property
    def dismissed(self) -> bool:
        """Whether a fact-checker dismissed it."""
        return self.row.dismissed_at is not None
