"""The flask-smorest ``Api``, adjusted so the generated contract describes what the app sends:
errors are ``application/problem+json`` with the RFC 9457 schema, writes need a bearer key."""
from __future__ import annotations

import http

import yaml
from flask_smorest import Api as SmorestApi
from flask_smorest.utils import prepare_response

from schemas.common import ProblemSchema

from .conventions import CACHE_CONTROL
from .errors import BUSY_DETAIL, PROBLEM_CONTENT_TYPE, problem_title, problem_type

# The detail of each status's example problem (type and title are those the app sends).
ERROR_EXAMPLES = {
    400: "The request body is not valid JSON.",
    401: "This operation needs an API key: send 'Authorization: Bearer <key>'.",
    404: "No claim with id 42.",
    405: "The method is not allowed for the requested URL.",
    409: "An article with this URL is already stored with another text (article 1).",
    413: "The request body is larger than the server accepts.",
    415: "The request body must be JSON (Content-Type: application/json), not text/plain.",
    414: "Request Line is too large (8610 > 8190)",
    422: "The request has invalid fields; see errors.",
    429: "Too many writes with this API key. Retry after the Retry-After seconds.",
    431: "Request Header Fields Too Large",
    500: "The server failed to answer this request; it has been logged.",
    503: BUSY_DETAIL,
}


def problem_example(status: int) -> dict:
    """An example problem body for ``status``."""
    detail = ERROR_EXAMPLES[status]
    body = {"type": problem_type(status), "title": problem_title(status), "status": status, "detail": detail}
    if status == 422:
        body["errors"] = {"url": ["Not a valid URL."]}
    return body


class Api(SmorestApi):
    """flask-smorest's Api with problem+json errors and the bearer security scheme."""

    ERROR_SCHEMA = ProblemSchema
    DEFAULT_ERROR_RESPONSE_NAME = None  # each operation lists the errors it can answer instead

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)

    def _register_error_handlers(self):
        """The app registers its own problem+json handlers (see ``api.app``)."""

    def init_app(self, app, *, spec_kwargs=None):
        """Set up the spec, then add the bearer security scheme and the API description."""
        super().init_app(app, spec_kwargs=spec_kwargs)
        self.spec.components.security_scheme(
            "bearerAuth", {"type": "http", "scheme": "bearer",
                           "description": "An API key from `claimtrack keys create NAME` or CLAIMTRACK_API_KEYS."})
        self.spec.options["info"] = {
            "description": ("Fact-claim tracking: which outlets report each claim, and where they disagree. "
                            "Errors are RFC 9457 problem details (application/problem+json). Lists are "
                            "cursor-paginated: pass a page's next_cursor as cursor."),
            "license": {"name": "MIT", "identifier": "MIT"},
        }
        # relative: "Try it out" in /docs calls the server that serves the docs, on any host and port
        self.spec.options["servers"] = [{"url": "/", "description": "the server serving this document"}]

    def to_dict(self) -> dict:
        """The contract, with the errors every operation can answer added: 414, 431 (gunicorn's
        limits on the request line and headers) and 500 everywhere, 401
        under /v1 (writes always need a key; reads when CLAIMTRACK_READS_NEED_KEY is set), 429
        under /v1 (rate limits), and 503
        under /v1 and on writes (the database busy beyond the lock timeout, unreachable, or a
        statement cancelled by its timeout)."""
        spec = self.spec.to_dict()
        for path, operations in spec.get("paths", {}).items():
            for method, op in operations.items():
                if method not in {"get", "post", "put", "patch", "delete"}:
                    continue
                responses = op.setdefault("responses", {})
                if path.startswith("/v1"):
                    responses.setdefault("401", _problem_response(401, "Missing, unknown or revoked API key "
                                                                       "(reads only when keys are required)."))
                    responses.setdefault("429", _problem_response(
                        429, "A rate limit is spent (writes per key; reads and failed authentications per "
                             "address). Retry after the Retry-After seconds.", RATE_LIMIT_HEADERS))
                responses.setdefault("414", _problem_response(
                    414, "The request line (path and query) is longer than 8,190 bytes (answered by gunicorn)."))
                responses.setdefault("431", _problem_response(
                    431, "More than 100 header fields, or one longer than 8,190 bytes (answered by gunicorn)."))
                responses.setdefault("500", _problem_response(500, "Unexpected failure; nothing was written."))
                if path.startswith("/v1") or method != "get":
                    responses.setdefault("503", _problem_response(
                        503, "The database was too busy with other writes, unreachable or too slow; nothing "
                             "was written. Retry after the Retry-After seconds."))
                if method == "get":
                    _conditional(responses, path.startswith("/v1"))
                elif "requestBody" in op:
                    responses.setdefault("415", _problem_response(415, "The body is not labelled JSON."))
        return spec

    def to_yaml(self) -> str:
        """The contract as YAML, keys in a stable order."""
        return yaml.safe_dump(self.to_dict(), sort_keys=True, allow_unicode=True, width=110)


def _conditional(responses: dict, query_checked: bool) -> None:
    """Document the conventions of every GET (``api.conventions``): validators on 200, 304 for a
    current validator, 422 for unknown query parameters."""
    ok = responses.get("200")
    if ok is not None:
        ok.setdefault("headers", {}).update({
            "ETag": {"description": "Strong validator of the body; send it back in If-None-Match.",
                     "schema": {"type": "string"}},
            "Cache-Control": {"description": f"`{CACHE_CONTROL}`: store, but revalidate before reuse.",
                              "schema": {"type": "string"}}})
    responses.setdefault("304", {"description": "Not Modified: the If-None-Match (or If-Modified-Since) "
                                                "validator is current; no body."})
    if query_checked:
        responses.setdefault("422", _problem_response(422, "Invalid or unknown query parameters; `errors` "
                                                           "maps each to its messages."))


# The fields of a 429 (api.limits): Retry-After always, the RateLimit-* fields of the spent budget.
RATE_LIMIT_HEADERS = {
    "Retry-After": {"description": "Seconds to wait before retrying.", "required": True,
                    "schema": {"type": "integer", "minimum": 1}},
    "RateLimit-Limit": {"description": "Requests allowed in the window.", "schema": {"type": "integer"}},
    "RateLimit-Remaining": {"description": "Requests left in the window.", "schema": {"type": "integer"}},
    "RateLimit-Reset": {"description": "Seconds until the window frees up.", "schema": {"type": "integer"}},
    "RateLimit-Policy": {"description": "The budget, e.g. `3000;w=60` (requests; window in seconds).",
                         "schema": {"type": "string"}},
}


def _problem_response(status: int, description: str, headers: dict | None = None) -> dict:
    response = {"description": description,
                "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"},
                                                   "example": problem_example(status)}}}
    if headers:
        response["headers"] = headers
    return response
