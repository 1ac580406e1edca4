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
    422: "The request has invalid fields; see errors.",
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
        """The contract, with the errors every operation can answer added: 500 everywhere, 401
        under /v1 (writes always need a key; reads when CLAIMTRACK_READS_NEED_KEY is set), and 503
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


def _problem_response(status: int, description: str) -> dict:
    return {"description": description,
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"},
                                               "example": problem_example(status)}}}
