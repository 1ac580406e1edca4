"""RFC 9457 problem details for every error the API answers.

Every 4xx/5xx leaves as ``application/problem+json`` with ``type``, ``title``, ``status``,
``detail``, the request's ``request_id`` (also its ``X-Request-ID`` header) and, for validation
failures, ``errors`` mapping each field path to its messages.
Services raise ``ApiError`` subclasses; the Flask layer turns them and every ``HTTPException``
into problems, a database too busy to take a write into a 503 with Retry-After, and anything
unexpected into a plain 500 without a traceback.
"""
from __future__ import annotations

import logging
import sqlite3
from http import HTTPStatus

import psycopg
import sqlalchemy.exc

from flask import Response, json
from werkzeug.exceptions import HTTPException

from .observability import request_id

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://claimtrack.dev/problems/"
log = logging.getLogger(__name__)

_TYPES = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found",
          405: "method-not-allowed", 406: "not-acceptable", 409: "conflict", 413: "body-too-large",
          414: "uri-too-long", 415: "unsupported-media-type", 422: "validation-error", 429: "too-many-requests",
          431: "headers-too-large", 500: "internal-error", 503: "unavailable"}


class ApiError(Exception):
    """An error a service raises on purpose; it becomes a problem response."""

    status = 400

    def __init__(self, detail: str, *, errors: dict | None = None, **extra):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.extra = extra


class NotFound(ApiError):
    """The resource named in the path does not exist."""

    status = 404


class Conflict(ApiError):
    """The request contradicts what is stored."""

    status = 409


class Invalid(ApiError):
    """The request is well-formed but its content is not acceptable."""

    status = 422


class Unauthorized(ApiError):
    """A key is missing, unknown or revoked."""

    status = 401


# RFC 9110's names where Python's http module still has older ones (3.11: "Unprocessable Entity")
_TITLES = {413: "Content Too Large", 414: "URI Too Long", 416: "Range Not Satisfiable", 422: "Unprocessable Content"}


def problem_title(status: int) -> str:
    """The problem ``title`` of a status (the contract's examples use the same)."""
    return _TITLES.get(status) or HTTPStatus(status).phrase


def problem_type(status: int) -> str:
    """The problem ``type`` URI of a status."""
    return PROBLEM_BASE + _TYPES.get(status, "error")


def problem(status: int, detail: str | None = None, *, title: str | None = None,
            errors: dict | None = None, headers: dict | None = None, **extra) -> Response:
    """A ``application/problem+json`` response."""
    body = {
        "type": problem_type(status),
        "title": title or problem_title(status),
        "status": status,
        "detail": detail or HTTPStatus(status).description,
    }
    if errors:
        body["errors"] = errors
    body.update(extra)
    rid = request_id()
    if rid:
        body["request_id"] = rid
    resp = Response(json.dumps(body), status=status, mimetype=PROBLEM_CONTENT_TYPE)
    for key, value in (headers or {}).items():
        resp.headers[key] = value
    return resp


def flatten_messages(messages, prefix: str = "") -> dict[str, list[str]]:
    """webargs/marshmallow nested messages → ``{"outlet.domain": ["..."]}``.

    The request location (``json``, ``query``, ``path``) is dropped from the field path.
    """
    out: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            key = str(key)
            if not prefix and key in {"json", "query", "path", "headers", "form", "files", "cookies"}:
                out.update(flatten_messages(value, ""))
                continue
            out.update(flatten_messages(value, f"{prefix}.{key}" if prefix else key))
    elif isinstance(messages, (list, tuple)):
        if all(isinstance(m, str) for m in messages):
            out[prefix or "_schema"] = list(messages)
        else:
            for i, value in enumerate(messages):
                out.update(flatten_messages(value, f"{prefix}.{i}" if prefix else str(i)))
    else:
        out[prefix or "_schema"] = [str(messages)]
    return out


def from_http_exception(error: HTTPException) -> Response:
    """A problem response for any werkzeug/webargs HTTP exception."""
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    messages = data.get("errors") or data.get("messages")
    errors = flatten_messages(messages) if messages else None
    headers = dict(data.get("headers") or {})
    if status == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    detail = data.get("message") or error.description
    if status == 400 and errors and "json" in (messages or {}):
        detail = "The request body is not valid JSON."
        errors = None
    elif status == 422:
        detail = data.get("message") or "The request has invalid fields; see errors."
    elif status == 413:
        detail = "The request body is larger than the server accepts."
    elif status == 429:
        detail = f"{error.description}. Retry after the Retry-After seconds."
    return problem(status, detail, errors=errors, headers=headers)


def from_api_error(error: ApiError) -> Response:
    """A problem response for an ``ApiError`` raised by a service."""
    headers = {"WWW-Authenticate": 'Bearer realm="claimtrack"'} if error.status == 401 else None
    return problem(error.status, error.detail, errors=error.errors, headers=headers, **error.extra)


BUSY_DETAIL = ("The database stayed busy with other writes for longer than the busy timeout; "
               "nothing was written. Retry shortly.")


UNAVAILABLE_DETAIL = ("The database cannot be reached or did not answer in time; nothing was written. "
                      "Retry shortly.")

# SQLite's messages for trouble with the database file rather than with the statement.
_SQLITE_TROUBLE = ("unable to open database", "readonly database", "disk i/o error", "database or disk is full")


def database_trouble(error: Exception) -> tuple[str, int] | None:
    """(detail, seconds to wait before retrying) when ``error`` is the database's trouble rather
    than a bug: SQLite's write lock not taken within the busy timeout or an unusable database
    file; PostgreSQL unreachable, a connection lost, or a statement or lock wait cancelled by
    its timeout (psycopg's ``OperationalError`` family); no pooled connection free in time.
    None for anything else."""
    if isinstance(error, sqlalchemy.exc.TimeoutError):
        return UNAVAILABLE_DETAIL, 1
    orig = getattr(error, "orig", error)
    if isinstance(orig, sqlite3.OperationalError):
        message = str(orig).lower()
        if "database is locked" in message:
            return BUSY_DETAIL, 1
        return (UNAVAILABLE_DETAIL, 5) if any(t in message for t in _SQLITE_TROUBLE) else None
    if isinstance(orig, psycopg.OperationalError):  # (a cancelled statement or lock wait has a SQLSTATE)
        return UNAVAILABLE_DETAIL, 1 if orig.sqlstate else 5
    return None


def from_unexpected(error: Exception) -> Response:
    """A 500 problem for anything unexpected (the traceback goes to the log, never the client);
    a 503 with Retry-After when the database was busy, unreachable or too slow (see
    ``database_trouble``): a client may retry, nothing was written."""
    trouble = database_trouble(error)
    if trouble:
        detail, wait = trouble
        log.warning("database unavailable: %s", error)
        return problem(503, detail, headers={"Retry-After": str(wait)})
    log.exception("unhandled error", exc_info=error)
    return problem(500, "The server failed to answer this request; it has been logged.")
