"""Schemas of the similarity endpoint."""
from __future__ import annotations

from marshmallow import fields, validate

from .common import BaseSchema
from .disagreements import KINDS, SpanSchema, DiffOpSchema


# The longest sentence compared: the matcher's and detectors' cost grows faster than the length
# (about 0.15 s for two 1,000-character texts of many short quotations on one core, 1.4 s at 3,000).
SENTENCE_MAX_CHARS = 1000


class SimilarityRequestSchema(BaseSchema):
    """Two sentences (and optionally who said them)."""

    a = fields.String(required=True, validate=validate.Length(1, SENTENCE_MAX_CHARS),
                      metadata={"example": "We're working to make sure that there is no escalation."})
    b = fields.String(required=True, validate=validate.Length(1, SENTENCE_MAX_CHARS),
                      metadata={"example": "So we're looking to make sure that there is no escalation."})
    a_speaker = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 300))
    b_speaker = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 300))


class SimilarityDisagreementSchema(BaseSchema):
    """A difference between the two sentences."""

    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    a_span = fields.Nested(SpanSchema, required=True)
    b_span = fields.Nested(SpanSchema, required=True)
    explanation = fields.String(required=True)
    diff = fields.List(fields.Nested(DiffOpSchema))


class SimilarityResponseSchema(BaseSchema):
    """How alike the two sentences are, by the matcher ingestion uses."""

    score = fields.Float(required=True, metadata={"example": 0.93})
    same_claim = fields.Boolean(required=True, metadata={"example": True})
    threshold = fields.Float(required=True, metadata={"example": 0.5})
    matcher = fields.String(required=True, metadata={"example": "claimtrack-lexical 1.0"})
    disagreements = fields.List(fields.Nested(SimilarityDisagreementSchema), required=True)
