"""Schemas of the curation endpoints (fact-checkers merging claims and moving mentions)."""
from __future__ import annotations

from marshmallow import fields, validate

from .common import BaseSchema, ID_MAX, PageArgs, StrictInteger, page_schema


class MergeRequestSchema(BaseSchema):
    """Merge the claim ``from_claim_id`` into the claim in the path."""

    from_claim_id = StrictInteger(required=True, validate=validate.Range(1, ID_MAX), metadata={"example": 9})
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))


class MoveMentionSchema(BaseSchema):
    """Move a mention to another claim, or to a new claim of its own when ``claim_id`` is null."""

    claim_id = StrictInteger(required=True, allow_none=True, validate=validate.Range(1, ID_MAX),
                              metadata={"example": 5})
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))


class CurationEventSchema(BaseSchema):
    """A recorded human decision."""

    id = fields.Integer(required=True)
    actor = fields.String(required=True, metadata={"example": "alice"})
    action = fields.String(required=True, metadata={"example": "merge_claims"})
    claim_id = fields.Integer(allow_none=True)
    mention_id = fields.Integer(allow_none=True)
    disagreement_id = fields.Integer(allow_none=True)
    detail = fields.Dict(required=True)
    created_at = fields.DateTime(required=True)


class CurationListArgs(PageArgs):
    """Filters for the curation log."""

    claim = StrictInteger(load_default=None, validate=validate.Range(1, ID_MAX))


CurationPageSchema = page_schema(CurationEventSchema, "CurationPageSchema")
