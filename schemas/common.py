"""Schemas shared by every resource: problems, pagination arguments, dates."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timezone

from marshmallow import INCLUDE, RAISE, Schema, ValidationError, fields, pre_load, validate

PAGE_DEFAULT = 20  # page size when a request gives no limit (also the services' fallback)
PAGE_MAX = 100
ID_MAX = 2_147_483_647  # ids are 32-bit integer columns


def unstorable(text: str) -> str | None:
    """Why a string cannot be stored, or None: a NUL character (no text column can store it;
    PostgreSQL refuses it outright) or a lone surrogate such as ``"\\ud800"`` (JSON can escape
    one, but it is not a character and has no UTF-8 form)."""
    if "\x00" in text:
        return "Must not contain NUL characters."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "Must not contain lone surrogates (\\ud800-\\udfff)."
    return None


def _unstorable_errors(value, depth: int = 0):
    """Per-field errors for strings that cannot be stored (nested like the input), or None."""
    if isinstance(value, str):
        reason = unstorable(value)
        return [reason] if reason else None
    if depth > 40:
        return None
    if isinstance(value, Mapping):
        found = {k: e for k, v in value.items() if (e := _unstorable_errors(k, depth + 1) or
                                                    _unstorable_errors(v, depth + 1))}
        return {(k if unstorable(str(k)) is None else repr(k)): e for k, e in found.items()} or None
    if isinstance(value, (list, tuple)):
        found = {i: e for i, v in enumerate(value) if (e := _unstorable_errors(v, depth + 1))}
        return found or None
    return None


class NoNulSchema(Schema):
    """Refuses strings no text column can store (NUL characters, lone surrogates) anywhere in
    the input: a 422 here rather than a 500 later."""

    @pre_load
    def _refuse_unstorable(self, data, **kwargs):
        errors = _unstorable_errors(data)
        if errors:
            raise ValidationError(errors)
        return data


class StrictInteger(fields.Integer):
    """An integer as written, never coerced: a JSON number must be integral (``0.5`` and
    ``1.0`` are refused, not truncated) and a string (query parameters) only ASCII digits with
    an optional minus sign (no ``+5``, no Unicode digits such as ``"\u0661"``)."""

    _DIGITS = re.compile(r"-?[0-9]{1,18}")

    def __init__(self, **kwargs):
        super().__init__(strict=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            if not self._DIGITS.fullmatch(value):
                raise self.make_error("invalid")
            value = int(value)
        return super()._deserialize(value, attr, data, **kwargs)


class StrictBoolean(fields.Boolean):
    """A JSON ``true`` or ``false``, never coerced from ``0``, ``1`` or ``"yes"``."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class BaseSchema(NoNulSchema):
    """Request schemas reject unknown fields; subclasses may relax that."""

    class Meta:
        ordered = True


class QuerySchema(NoNulSchema):
    """Query-string schemas refuse parameters they do not know: a typo (``?kidn=quotation``)
    is a 422, never a listing that silently ignores the filter."""

    class Meta:
        unknown = RAISE
        ordered = True


class DateOrDateTime(fields.DateTime):
    """An ISO 8601 date (``2024-08-19``, read as midnight UTC) or date-time; naive means UTC."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value.strip()) == 10:
            try:
                day = date.fromisoformat(value.strip())
            except ValueError as exc:
                raise ValidationError("Not a valid date or date-time.") from exc
            return datetime.combine(day, time(), tzinfo=timezone.utc)
        result = super()._deserialize(value, attr, data, **kwargs)
        if result.tzinfo is None:
            result = result.replace(tzinfo=timezone.utc)
        try:
            return result.astimezone(timezone.utc)
        except OverflowError as exc:  # e.g. 0001-01-01T00:00:00+05:00 is before year 1 in UTC
            raise ValidationError("Date-time out of range.") from exc


class ProblemSchema(Schema):
    """RFC 9457 problem details (``application/problem+json``); extension members may follow."""

    class Meta:
        unknown = INCLUDE
        ordered = True

    type = fields.String(required=True, metadata={"example": "https://claimtrack.dev/problems/not-found"})
    title = fields.String(required=True, metadata={"example": "Not Found"})
    status = fields.Integer(required=True, metadata={"example": 404})
    detail = fields.String(required=True, metadata={"example": "No claim with id 42."})
    errors = fields.Dict(
        keys=fields.String(), values=fields.List(fields.String()),
        metadata={"description": "Per-field messages for validation errors (field path → messages).",
                  "example": {"outlet.domain": ["Missing data for required field."]}})


class PageArgs(QuerySchema):
    """Cursor pagination: ``limit`` items after ``cursor`` (from the previous page's ``next_cursor``)."""

    limit = StrictInteger(load_default=PAGE_DEFAULT, validate=validate.Range(1, PAGE_MAX),
                           metadata={"description": f"Page size, 1 to {PAGE_MAX}.", "example": PAGE_DEFAULT})
    cursor = fields.String(load_default=None, validate=validate.Length(max=500),
                           metadata={"description": "Opaque cursor from the previous page's next_cursor."})


def page_schema(item_schema, name: str):
    """A ``{items, next_cursor}`` schema class around ``item_schema``."""
    return type(name, (Schema,), {
        "items": fields.List(fields.Nested(item_schema), required=True),
        "next_cursor": fields.String(allow_none=True, required=True,
                                     metadata={"description": "Pass as `cursor` for the next page; null on the last page."}),
        "__doc__": f"A page of items and the cursor of the next page ({item_schema.__name__}).",
    })
