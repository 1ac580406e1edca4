"""What every resource shares: its Blueprint (whose argument parser bounds JSON nesting), the
ASCII-only integer path converter, the read snapshot every GET runs in, and decorators that
document the errors an operation can answer and the bearer requirement."""
from __future__ import annotations

from contextlib import contextmanager

import flask_smorest
from flask_smorest.utils import resolve_schema_instance
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.routing import IntegerConverter

from schemas.common import ProblemSchema

from ..auth import READ, WRITE, declare_access
from ..db import begin_snapshot
from ..fast_dump import compile_dumper
from ..errors import PROBLEM_CONTENT_TYPE, ApiError
from ..openapi import problem_example
from ..read_cache import note_snapshot
from ..session import unit_of_work

MAX_JSON_DEPTH = 32  # arrays and objects inside each other; no request needs more than a few


def json_depth(value) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (a scalar: 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


class BoundedJsonParser(FlaskParser):
    """webargs' Flask parser, refusing JSON bodies nested deeper than ``MAX_JSON_DEPTH`` with a
    400 problem (the standard library's decoder would otherwise hit Python's recursion limit, a
    500, at about a thousand levels)."""

    def _raw_load_json(self, req):
        if not is_json_request(req):
            return core.missing
        try:
            data = core.parse_json(req.get_data(cache=True))
        except RecursionError:
            data = None
        else:
            if json_depth(data) <= MAX_JSON_DEPTH:
                return data
        raise ApiError(f"The JSON body nests arrays and objects deeper than {MAX_JSON_DEPTH} levels.")


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with the bounded JSON parser, whose argument schemas are made
    once and whose response schemas dump through ``api.fast_dump`` (marshmallow's result, without
    its per-value overhead)."""

    ARGUMENTS_PARSER = BoundedJsonParser()
    # (each query schema's own ``unknown`` decides: QuerySchema refuses unknown parameters)
    ARGUMENTS_PARSER.DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": None,
                                                    "querystring": None}

    def arguments(self, schema, **kwargs):
        """flask-smorest's ``arguments`` with one schema instance made here (webargs makes a new
        one, copying every field, for each request when given the class)."""
        return super().arguments(resolve_schema_instance(schema), **kwargs)

    def response(self, status_code, schema=None, **kwargs):
        """flask-smorest's ``response``, with the schema instance's ``dump`` compiled."""
        if schema is not None:
            schema = resolve_schema_instance(schema)
            dump = compile_dumper(schema)
            if dump is not None:
                schema.dump = dump
        return super().response(status_code, schema, **kwargs)


@contextmanager
def read_snapshot():
    """A session whose queries all see one snapshot of the store, so that a read made of several
    SELECTs (a claim, its outlets, its disagreements) never mixes states before and after a
    concurrent write: on SQLite one read transaction (``BEGIN``; WAL keeps its snapshot until
    it ends), on PostgreSQL a ``REPEATABLE READ`` read-only transaction. Its first query reads
    the snapshot's store generation when the answer may be kept (``api.read_cache``)."""
    with unit_of_work() as session:
        begin_snapshot(session)
        note_snapshot(session)
        yield session


class AsciiIntegerConverter(IntegerConverter):
    """The ``int`` path converter matching ASCII digits only (werkzeug's ``\\d+`` also matches
    other scripts' digits, which ``int()`` then accepts: ``/v1/claims/\u0661`` was claim 1)."""

    regex = r"[0-9]+"

# Path ids: positive and within a 32-bit integer column, so that no id reaches the database
# unchecked (larger ones are simply unknown: 404).
ID = "int(min=1, max=2147483647)"


# The header a detail sends besides the ETag (``api.conventions`` answers If-Modified-Since with it).
LAST_MODIFIED = {"Last-Modified": {"description": "When the resource last changed (HTTP date).",
                                   "schema": {"type": "string"}}}


def errors(blp, *statuses: int):
    """Document problem+json responses for ``statuses`` on an operation of ``blp``."""

    def decorate(view):
        for status in sorted(statuses, reverse=True):
            view = blp.alt_response(status, schema=ProblemSchema, content_type=PROBLEM_CONTENT_TYPE,
                                    example=problem_example(status), description=_DESCRIPTIONS[status])(view)
        return view

    return decorate


def needs_key(blp):
    """Declare the operation a write: ``api.auth`` then asks for ``Authorization: Bearer <key>``,
    the rate limits count it per key, and the contract documents the bearer requirement."""

    def decorate(view):
        view = blp.doc(security=[{"bearerAuth": []}])(view)
        return declare_access(errors(blp, 401)(view), WRITE)

    return decorate


def stores_nothing(view):
    """Declare a POST a read: it only computes (a key only when reads need one; counted as a read)."""
    return declare_access(view, READ)


_DESCRIPTIONS = {
    400: "Malformed request (e.g. the body is not JSON).",
    401: "Missing, unknown or revoked API key.",
    404: "No such resource.",
    409: "The request conflicts with what is stored.",
    413: "The request body is too large.",
    422: "Invalid fields; `errors` maps each field to its messages.",
}
