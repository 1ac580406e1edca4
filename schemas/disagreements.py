"""Disagreement schemas."""
from __future__ import annotations

from marshmallow import fields, validate

from api.pipeline.types import DISAGREEMENT_KINDS

from .common import BaseSchema, DateOrDateTime, ID_MAX, PageArgs, StrictInteger, page_schema

KINDS = list(DISAGREEMENT_KINDS)  # (the detectors' kinds, in their order)


class SpanSchema(BaseSchema):
    """The differing words of one mention (offsets into that mention's text)."""

    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True, metadata={"example": "maybe the last opportunity"})


class DiffOpSchema(BaseSchema):
    """One operation of a word-level diff."""

    op = fields.String(required=True, validate=validate.OneOf(["equal", "replace", "insert", "delete"]))
    a = fields.String(required=True)
    b = fields.String(required=True)


class DisagreementSchema(BaseSchema):
    """Two mentions of one claim that differ in substance."""

    id = fields.Integer(required=True, metadata={"example": 3})
    claim_id = fields.Integer(required=True, metadata={"example": 5})
    kind = fields.String(required=True, validate=validate.OneOf(KINDS), metadata={"example": "hedge"})
    mention_ids = fields.List(fields.Integer(), required=True, validate=validate.Length(equal=2),
                              metadata={"example": [7, 21]})
    outlets = fields.List(fields.String(), metadata={"description": "Slugs of the two mentions' outlets.",
                                                     "example": ["africanews", "breitbart"]})
    a_span = fields.Nested(SpanSchema, required=True)
    b_span = fields.Nested(SpanSchema, required=True)
    explanation = fields.String(required=True, metadata={
        "example": "A qualifies 'the last opportunity' with 'maybe'; B states it without the hedge."})
    diff = fields.List(fields.Nested(DiffOpSchema), metadata={"description": "Word-level diff (wording)."})
    detector_version = fields.String()
    created_at = fields.DateTime()
    dismissed = fields.Boolean(metadata={"description": "Dismissed by a fact-checker."})
    dismissed_at = fields.DateTime(allow_none=True)
    dismissed_by = fields.String(allow_none=True)
    dismiss_reason = fields.String(allow_none=True)


class DisagreementListArgs(PageArgs):
    """Filters for the disagreement listing (oldest first)."""

    kind = fields.String(load_default=None, validate=validate.OneOf(KINDS))
    outlet = fields.String(load_default=None, metadata={"description": "Outlet slug (either side)."})
    claim = StrictInteger(load_default=None, validate=validate.Range(1, ID_MAX), metadata={"description": "Claim id."})
    since = DateOrDateTime(load_default=None, metadata={"description": "Detected at or after this time."})
    include_dismissed = fields.Boolean(load_default=False)


class DismissSchema(BaseSchema):
    """Why a fact-checker dismisses a disagreement."""

    reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000),
                           metadata={"example": "Both are accurate paraphrases."})


DisagreementPageSchema = page_schema(DisagreementSchema, "DisagreementPageSchema")
