"""Article and mention schemas."""
from __future__ import annotations

from urllib.parse import urlsplit

from marshmallow import fields, validate, validates_schema, ValidationError

from api.pipeline.types import MENTION_KINDS

from .common import BaseSchema, DateOrDateTime, ID_MAX, PageArgs, StrictBoolean, StrictInteger, page_schema
from .outlets import OutletRefSchema, OutletSchema


class ClientClaimSchema(BaseSchema):
    """A claim a client extracted itself: a span of the article text."""

    text = fields.String(validate=validate.Length(1, 5000),
                         metadata={"description": "Must equal article.text[start:end] when given."})
    start = StrictInteger(required=True, validate=validate.Range(0, ID_MAX), metadata={"example": 0})
    end = StrictInteger(required=True, validate=validate.Range(1, ID_MAX), metadata={"example": 120})
    is_quote = StrictBoolean(load_default=False)
    speaker = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 300))

    @validates_schema
    def _ordered(self, data, **kwargs):
        if data.get("end") is not None and data.get("start") is not None and data["end"] <= data["start"]:
            raise ValidationError("end must be greater than start.", "end")


def port_in_range(url: str) -> None:
    """Refuse a URL whose port is not a number from 0 to 65535 (``http://host:99999/``)."""
    try:
        urlsplit(url).port
    except ValueError as exc:
        raise ValidationError("The port must be a number from 0 to 65535.") from exc


class ArticleCreateSchema(BaseSchema):
    """A news article to ingest, optionally with the client's own claims."""

    outlet = fields.Nested(OutletRefSchema, required=True)
    url = fields.Url(required=True, schemes={"http", "https"}, validate=[validate.Length(max=2048), port_in_range],
                     metadata={"example": "https://africanews.com/2024/08/19/blinken-warns-israel-hamas"})
    title = fields.String(required=True, validate=validate.Length(1, 1000),
                          metadata={"example": "Blinken warns Israel, Hamas of 'decisive moment'"})
    published_at = DateOrDateTime(required=True, metadata={
        "description": "ISO 8601 date or date-time; a date means midnight UTC.", "example": "2024-08-19"})
    language = fields.String(load_default="en", validate=validate.Regexp(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"),
                             metadata={"example": "en"})
    text = fields.String(required=True, validate=validate.Length(min=1),
                         metadata={"description": "The article body, as received."})
    claims = fields.List(fields.Nested(ClientClaimSchema), load_default=None,
                         metadata={"description": "Claims from the client's own extractor; when absent the "
                                                  "service extracts them."})


class MentionSchema(BaseSchema):
    """One sentence-level appearance of a claim in an article."""

    id = fields.Integer(required=True, metadata={"example": 7})
    article_id = fields.Integer(required=True, metadata={"example": 1})
    claim_id = fields.Integer(required=True, metadata={"example": 5})
    text = fields.String(required=True, metadata={"description": "Exactly article.text[start:end]."})
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    is_quote = fields.Boolean(required=True)
    speaker = fields.String(allow_none=True, required=True,
                            metadata={"description": "The person or organisation the article says said it, as the "
                                                     "fullest name the article gives; null in the outlet's own voice "
                                                     "and when the source is not named (a role, a group, a document: "
                                                     "see speaker_role).",
                                      "example": "Antony Blinken"})
    speaker_role = fields.String(allow_none=True, metadata={
        "description": "The speaker's role as the article gives it; for an unnamed source, the phrase that "
                       "names it (\"senior administration official\", \"critics\", \"statement\").",
        "example": "US Secretary of State"})
    kind = fields.String(required=True, validate=validate.OneOf(MENTION_KINDS))
    checkworthiness = fields.Float(allow_none=True, metadata={"example": 0.8})
    quote_spans = fields.List(fields.List(fields.Integer()),
                              metadata={"description": "[start, end] offsets (into the article text) of quoted material."})
    provenance = fields.String(required=True, metadata={"example": "claimtrack-rules"})
    provenance_version = fields.String(allow_none=True, metadata={"example": "1.0"})
    match_score = fields.Float(allow_none=True, metadata={"description": "Matcher score against the claim it joined."})
    pinned = fields.Boolean(metadata={"description": "Placed by a person; automatic matching never moves it."})


class ArticleSchema(BaseSchema):
    """An article as stored (without its text in listings)."""

    id = fields.Integer(required=True, metadata={"example": 1})
    outlet = fields.Nested(OutletSchema, required=True)
    url = fields.String(required=True)
    title = fields.String(required=True)
    published_at = fields.DateTime(required=True)
    language = fields.String(required=True)
    content_hash = fields.String(required=True)
    ingested_at = fields.DateTime(required=True)
    extractor = fields.String(required=True, metadata={"example": "claimtrack-rules"})
    extractor_version = fields.String(required=True)
    attribution = fields.Boolean(required=True, metadata={
        "description": "False when speakers were not looked for (e.g. non-English text)."})
    mention_count = fields.Integer()


class ArticleDetailSchema(ArticleSchema):
    """An article with its text and mentions."""

    text = fields.String(required=True)
    mentions = fields.List(fields.Nested(MentionSchema), required=True)
    notes = fields.List(fields.String(), metadata={"description": "What the extractor wants the client to know."})


class ArticleListArgs(PageArgs):
    """Filters for the article listing (newest first)."""

    outlet = fields.String(load_default=None, metadata={"description": "Outlet slug."})


ArticlePageSchema = page_schema(ArticleSchema, "ArticlePageSchema")
