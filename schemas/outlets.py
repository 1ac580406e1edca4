"""Outlet schemas."""
from __future__ import annotations

from marshmallow import fields, validate

from .common import BaseSchema, QuerySchema, StrictInteger, page_schema


class OutletRefSchema(BaseSchema):
    """The outlet of a posted article; outlets are identified by domain."""

    name = fields.String(required=True, validate=validate.Length(1, 200), metadata={"example": "Africanews"})
    domain = fields.String(required=True, validate=[validate.Length(3, 253),
                           validate.Regexp(r"^(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}/?$",
                                           error="Not a domain name.")],
                           metadata={"example": "africanews.com"})


class OutletSchema(BaseSchema):
    """An outlet as stored."""

    slug = fields.String(required=True, metadata={"example": "africanews"})
    name = fields.String(required=True, metadata={"example": "Africanews"})
    domain = fields.String(required=True, metadata={"example": "africanews.com"})


class OutletStatsSchema(OutletSchema):
    """An outlet with what it has reported."""

    article_count = fields.Integer(required=True, metadata={"example": 1})
    claim_count = fields.Integer(required=True, metadata={"example": 14})
    disagreement_count = fields.Integer(required=True, metadata={"example": 2})


OutletPageSchema = page_schema(OutletStatsSchema, "OutletPageSchema")


class CompareArgs(QuerySchema):
    """Two outlets to compare, by slug."""

    a = fields.String(required=True, validate=validate.Length(1, 100), metadata={"example": "africanews"})
    b = fields.String(required=True, validate=validate.Length(1, 100), metadata={"example": "breitbart"})
    limit = StrictInteger(load_default=100, validate=validate.Range(1, 500),
                           metadata={"description": "At most this many claims in each list (1-500)."})
