"""Outlet schemas."""
from __future__ import annotations

from marshmallow import fields, validate

from .common import BaseSchema, PageArgs, QuerySchema, StrictInteger, page_schema


COMPARE_PARTS = ("both", "only_a", "only_b")  # the claim lists of an outlet comparison


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


class ComparePageArgs(PageArgs):
    """Two outlets (by slug) and a page of one list of their comparison."""

    a = fields.String(required=True, validate=validate.Length(1, 100), metadata={"example": "africanews"})
    b = fields.String(required=True, validate=validate.Length(1, 100), metadata={"example": "breitbart"})


class CompareClaimsArgs(ComparePageArgs):
    """Which claim list of the comparison to page through."""

    part = fields.String(required=True, validate=validate.OneOf(COMPARE_PARTS),
                         metadata={"description": "both: reported by a and b; only_a, only_b: by one of them."})
