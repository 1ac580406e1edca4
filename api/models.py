"""SQLModel tables: outlets, articles, claims, mentions, disagreements, keys and curation events.

The schema itself is created by the Alembic migrations in ``api/migrations`` (never by
``create_all`` at import); these classes describe the same tables to the ORM. Every query the API
makes has an index here or in the migration (the full-text indexes live only in the migration,
because they differ between SQLite and PostgreSQL).
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, Integer, LargeBinary, Text, UniqueConstraint, and_, literal_column
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time, timezone-aware UTC (SQLModel stores aware datetimes on both databases)."""
    return datetime.now(timezone.utc)


class Outlet(SQLModel, table=True):
    """A news outlet, identified by its domain."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=100, unique=True)
    name: str = Field(max_length=200)
    domain: str = Field(max_length=253, unique=True)
    created_at: datetime = Field(default_factory=utcnow)


class Article(SQLModel, table=True):
    """One article as received, with the extractor that produced its mentions."""

    __table_args__ = (Index("ix_article_outlet_published", "outlet_id", "published_at", "id"),
                      Index("ix_article_published", "published_at", "id"))

    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int = Field(foreign_key="outlet.id")
    url: str = Field(max_length=2048, unique=True)
    title: str = Field(max_length=1000)
    published_at: datetime
    language: str = Field(max_length=35, default="en")
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64)
    extractor: str = Field(max_length=100)
    extractor_version: str = Field(max_length=50)
    attribution: bool = True
    ingested_at: datetime = Field(default_factory=utcnow)


class Claim(SQLModel, table=True):
    """What several mentions say. Counts and dates are kept up to date at every write."""

    # (the sort indexes are partial, over live claims: see LIVE_CLAIM below the class)
    __table_args__ = (Index("ix_claim_speaker", "speaker"),
                      {"sqlite_autoincrement": True})  # (ids of deleted claims are never reused)

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(max_length=20, default="statement")
    speaker: str | None = Field(default=None, max_length=300)
    mention_count: int = 0
    outlet_count: int = 0
    disagreement_count: int = 0
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    first_outlet_id: int | None = Field(default=None, foreign_key="outlet.id")
    merged_into_id: int | None = None  # (no index: nothing looks claims up by it, see LIVE_CLAIM)
    created_at: datetime = Field(default_factory=utcnow)


# A live claim: not merged into another and holding mentions. Every claim listing reads only live
# claims, through one partial (column, id) index per sort key (the literal 0, not a bound
# parameter, lets SQLite and PostgreSQL see that a query's WHERE implies the index's); contested
# ones (``contested=true``, few among many) through a second, small set of the same.
LIVE_CLAIM = and_(Claim.merged_into_id.is_(None), Claim.mention_count > literal_column("0"))
CONTESTED = Claim.disagreement_count > literal_column("0")
CLAIM_SORT_KEYS = ("last_seen", "first_seen", "outlet_count", "mention_count", "disagreement_count")


for _key in CLAIM_SORT_KEYS + ("id",):
    for _prefix, _where in (("live", LIVE_CLAIM), ("contested", and_(LIVE_CLAIM, CONTESTED))):
        Index(f"ix_{_prefix}_claim_{_key}", *{Claim.__table__.c[_key]: None, Claim.__table__.c.id: None},
              sqlite_where=_where, postgresql_where=_where)


class ClaimOutlet(SQLModel, table=True):
    """Which outlets report a claim (derived from mentions; kept for indexed filtering)."""

    __table_args__ = (Index("ix_claim_outlet_outlet", "outlet_id", "claim_id"),)

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    outlet_id: int = Field(foreign_key="outlet.id", primary_key=True)
    mention_count: int = 0
    first_seen: datetime | None = None


class Mention(SQLModel, table=True):
    """One sentence-level appearance of a claim in one article (``text == article.text[start:end]``)."""

    __table_args__ = (Index("ix_mention_article", "article_id", "start"),
                      Index("ix_mention_claim", "claim_id", "id"),
                      Index("ix_mention_speaker", "speaker"))

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id")
    claim_id: int = Field(foreign_key="claim.id")
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    is_quote: bool = False
    speaker: str | None = Field(default=None, max_length=300)
    speaker_role: str | None = Field(default=None, max_length=300)
    kind: str = Field(max_length=20, default="statement")
    checkworthiness: float | None = None
    quote_spans: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    provenance: str = Field(max_length=100)
    provenance_version: str | None = Field(default=None, max_length=50)
    match_score: float | None = None
    pinned: bool = False  # placed by a person: automatic matching never moves it
    created_at: datetime = Field(default_factory=utcnow)


class MentionVector(SQLModel, table=True):
    """A mention's sentence embedding, stored compactly for nearest-neighbour candidate retrieval
    (``services.vectors``): ``code`` is the L2-normalised vector scaled so that its largest
    component is +-127 and rounded to int8 (256 bytes for 256 dimensions; the scale is not kept,
    cosines are taken after normalising again). ``published`` is the mention's article's
    publication time in whole seconds since 1970 UTC, copied here so that the vectors of a time
    window are one range scan of ``ix_mention_vector_published`` on either database."""

    __tablename__ = "mention_vector"
    __table_args__ = (Index("ix_mention_vector_published", "published", "mention_id"),)

    mention_id: int = Field(sa_column=Column(Integer, ForeignKey("mention.id", ondelete="CASCADE"),
                                             primary_key=True, autoincrement=False))
    published: int = Field(sa_column=Column(BigInteger, nullable=False))
    code: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Disagreement(SQLModel, table=True):
    """Two mentions of one claim that differ in substance, of one kind."""

    __table_args__ = (UniqueConstraint("mention_a_id", "mention_b_id", "kind", name="uq_disagreement_pair_kind"),
                      Index("ix_disagreement_claim", "claim_id", "id"),
                      Index("ix_disagreement_kind", "kind", "id"),
                      Index("ix_disagreement_outlet_a", "outlet_a_id", "id"),
                      Index("ix_disagreement_outlet_b", "outlet_b_id", "id"),
                      Index("ix_disagreement_mention_b", "mention_b_id"),
                      Index("ix_disagreement_created", "created_at", "id"))

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id")
    kind: str = Field(max_length=20)
    mention_a_id: int = Field(foreign_key="mention.id")
    mention_b_id: int = Field(foreign_key="mention.id")
    outlet_a_id: int = Field(foreign_key="outlet.id")
    outlet_b_id: int = Field(foreign_key="outlet.id")
    a_start: int
    a_end: int
    a_text: str = Field(sa_column=Column(Text, nullable=False))
    b_start: int
    b_end: int
    b_text: str = Field(sa_column=Column(Text, nullable=False))
    explanation: str = Field(sa_column=Column(Text, nullable=False))
    diff: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    detector_version: str = Field(max_length=50)
    created_at: datetime = Field(default_factory=utcnow)
    dismissed_at: datetime | None = None
    dismissed_by: str | None = Field(default=None, max_length=200)
    dismiss_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class TermStat(SQLModel, table=True):
    """How many mentions hold each word: lets candidate retrieval query only rare words, so its
    cost stays flat as the store grows."""

    __tablename__ = "term_stat"

    term: str = Field(max_length=64, primary_key=True)
    df: int = 0


class ApiKey(SQLModel, table=True):
    """An API key created with the CLI; only its SHA-256 hash is stored."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    prefix: str = Field(max_length=12)
    key_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None


class CurationEvent(SQLModel, table=True):
    """A human decision about claims or disagreements: who, when, what."""

    __table_args__ = (Index("ix_curation_claim", "claim_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(max_length=200)
    action: str = Field(max_length=50)
    claim_id: int | None = None
    mention_id: int | None = None
    disagreement_id: int | None = None
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
