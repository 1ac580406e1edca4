"""Claim schemas."""
from __future__ import annotations

from marshmallow import fields, validate

from api.pipeline.types import MENTION_KINDS

from .articles import MentionSchema
from .common import BaseSchema, DateOrDateTime, PageArgs, page_schema
from .disagreements import KINDS, DisagreementSchema
from .outlets import OutletSchema

SORTS = ["-last_seen", "last_seen", "-first_seen", "first_seen", "-outlet_count", "-mention_count",
         "-disagreement_count", "id", "-id", "relevance"]


class ClaimSchema(BaseSchema):
    """What several mentions say."""

    id = fields.Integer(required=True, metadata={"example": 5})
    text = fields.String(required=True, metadata={"example": "It is time for it to get done."})
    kind = fields.String(required=True, validate=validate.OneOf(MENTION_KINDS))
    speaker = fields.String(allow_none=True, required=True, metadata={"example": "Antony Blinken"})
    mention_count = fields.Integer(required=True, metadata={"example": 2})
    outlet_count = fields.Integer(required=True, metadata={"example": 2})
    disagreement_count = fields.Integer(required=True, metadata={"example": 1})
    disagreements_by_kind = fields.Dict(keys=fields.String(), values=fields.Integer(),
                                        metadata={"example": {"wording": 1}})
    first_seen = fields.DateTime(allow_none=True, required=True)
    last_seen = fields.DateTime(allow_none=True, required=True)
    first_outlet = fields.Nested(OutletSchema, allow_none=True)


class ClaimListArgs(PageArgs):
    """Filters and sort order for the claim listing."""

    q = fields.String(load_default=None, validate=validate.Length(1, 500),
                      metadata={"description": "Full-text search over the claim's mentions: every word must match "
                                               "(stemmed); `\"a phrase\"`, `a OR b`, `prefix*`. Complete (no cap on "
                                               "matches). `sort=relevance` orders by the best mention's match.",
                                "example": "ceasefire"})
    outlet = fields.String(load_default=None, metadata={"description": "Reported by this outlet (slug)."})
    reported_by = fields.List(fields.String(), load_default=None,
                              metadata={"description": "Reported by all these outlets (slugs; repeat the parameter "
                                                       "or separate with commas)."})
    speaker = fields.String(load_default=None, validate=validate.Length(1, 300),
                            metadata={"description": "Speaker name, case-insensitive substring."})
    kind = fields.String(load_default=None, validate=validate.OneOf(MENTION_KINDS))
    contested = fields.Boolean(load_default=None, metadata={"description": "true: has disagreements; false: has none."})
    since = DateOrDateTime(load_default=None, metadata={"description": "Last seen at or after."})
    until = DateOrDateTime(load_default=None, metadata={"description": "First seen at or before."})
    similar_to = fields.String(load_default=None, validate=validate.Length(1, 2000),
                               metadata={"description": "Claims like this text (a sentence a fact-checker pastes), "
                                                        "ranked by the claim matcher's score, best first, each with "
                                                        "`score` and `same_claim`; candidates come from the full-text "
                                                        "index and the nearest sentence vectors of the newest "
                                                        "mentions (published up to `until` when given). One page of "
                                                        "`limit` claims (`next_cursor` is null); the other filters "
                                                        "apply; not with `q`, `cursor` or `sort`. For example "
                                                        "`the ninth time he has travelled to the Middle East`."})
    # (no "example" value: the docs' "Try it out" fills every example in, and q has one: with both
    # the listing answers 422; tests/browser runs "Try it out" on this listing)
    sort = fields.String(load_default="-last_seen", validate=validate.OneOf(SORTS),
                         metadata={"description": "`-` for descending; `relevance` (with `q`): best match first."})


class ClaimOutletMentionsSchema(BaseSchema):
    """One outlet reporting a claim, with its mentions and their articles."""

    outlet = fields.Nested(OutletSchema, required=True)
    mentions = fields.List(fields.Nested(lambda: ReportSchema()), required=True)


class ReportSchema(MentionSchema):
    """A mention with the article it stands in."""

    article = fields.Nested(lambda: ArticleRefSchema(), required=True)


class ArticleRefSchema(BaseSchema):
    """Where a mention was published."""

    id = fields.Integer(required=True)
    url = fields.String(required=True)
    title = fields.String(required=True)
    published_at = fields.DateTime(required=True)


class ClaimDetailSchema(ClaimSchema):
    """A claim, the outlets that report it, and where they disagree."""

    outlets = fields.List(fields.Nested(ClaimOutletMentionsSchema), required=True)
    disagreements = fields.List(fields.Nested(DisagreementSchema), required=True)


ClaimOutletsSchema = page_schema(ClaimOutletMentionsSchema, "ClaimOutletsSchema")
ClaimDisagreementsSchema = page_schema(DisagreementSchema, "ClaimDisagreementsSchema")


class ClaimDisagreementArgs(PageArgs):
    """Filters for a claim's disagreements, a page at a time."""

    kind = fields.String(load_default=None, validate=validate.OneOf(KINDS))
    include_dismissed = fields.Boolean(load_default=False)


class ClaimListItemSchema(ClaimSchema):
    """A claim in a listing; with ``similar_to``, also how alike it is to the text."""

    score = fields.Float(metadata={"description": "Only with `similar_to`: the matcher's score of the claim's most "
                                                  "similar mention against the text (higher is more alike).",
                                   "example": 0.87})
    same_claim = fields.Boolean(metadata={"description": "Only with `similar_to`: whether ingestion would join the "
                                                         "text to this claim (the score reaches the matcher's "
                                                         "threshold and no rule forbids it)."})


ClaimPageSchema = page_schema(ClaimListItemSchema, "ClaimPageSchema")


class CompareSchema(BaseSchema):
    """What two outlets report in common and apart."""

    a = fields.Nested(OutletSchema, required=True)
    b = fields.Nested(OutletSchema, required=True)
    both = fields.List(fields.Nested(ClaimSchema), required=True)
    only_a = fields.List(fields.Nested(ClaimSchema), required=True)
    only_b = fields.List(fields.Nested(ClaimSchema), required=True)
    disagreements = fields.List(fields.Nested(DisagreementSchema), required=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True,
                         metadata={"example": {"both": 6, "only_a": 8, "only_b": 9, "disagreements": 2}})
    next_cursors = fields.Dict(
        keys=fields.String(), values=fields.String(allow_none=True), required=True,
        metadata={"description": "For each list, the cursor that continues it (`/v1/outlets/compare/claims?part=…` "
                                 "or `/v1/outlets/compare/disagreements`, with the same a and b); null when complete.",
                  "example": {"both": None, "only_a": None, "only_b": "eyJzIjoi…", "disagreements": None}})
