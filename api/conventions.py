"""HTTP conventions every route follows, applied once for the whole app.

- Every successful GET carries a strong ``ETag`` (a hash of the body) and ``Cache-Control:
  no-cache`` (store, but ask again), and answers ``304 Not Modified`` to an ``If-None-Match``
  (or ``If-Modified-Since``, where a ``Last-Modified`` is sent) that is still current.
- A query parameter the operation does not know is a 422 problem (a typo such as ``?kidn=``
  must not silently return everything); operations with a query schema refuse them there.
- A body sent to a write must be JSON: any other (or no) ``Content-Type`` is a 415 problem.
- A path with a trailing slash that names a route without it is a 404 problem saying so.
- Browsers on the origins of ``CORS_ORIGINS`` may call the API (``flask-cors``; off when
  empty): preflights are answered before authentication (a browser sends them without the key).
"""
from __future__ import annotations

from flask import Flask, request
from flask_cors import CORS
from werkzeug.exceptions import MethodNotAllowed, NotFound as RouteNotFound, UnsupportedMediaType
from werkzeug.routing import RequestRedirect

from .errors import Invalid, problem

CACHE_CONTROL = "no-cache"
# The request headers werkzeug's make_conditional answers (304, or 412 to a stale If-Match);
# without one of them it would only add a Date header (the server sends its own).
VALIDATORS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _declares_query(app: Flask) -> bool:
    """True when the matched operation declares query parameters (flask-smorest's own record)."""
    memo = app.extensions["claimtrack"].setdefault("declares_query", {})  # (the views are fixed once built)
    key = (request.endpoint, request.method)
    known = memo.get(key)
    if known is not None:
        return known
    view = app.view_functions.get(request.endpoint)
    method = getattr(getattr(view, "view_class", None), request.method.lower(), None)
    if method is None:
        declares = True  # (not a documented operation: /docs, /openapi.yaml)
    else:
        parameters = getattr(method, "_apidoc", {}).get("arguments", {}).get("parameters", [])
        declares = any(p.get("in") == "query" for p in parameters)
    memo[key] = declares
    return declares


def install_cors(app: Flask) -> None:
    """Allow the ``CORS_ORIGINS`` to call the API from a browser (nothing when there are none).
    Call it before the authentication hook is registered."""
    origins = app.extensions["claimtrack"]["settings"].cors_origins
    if not origins:
        return
    CORS(app, origins="*" if "*" in origins else origins, max_age=600,
         allow_headers=["Authorization", "Content-Type", "If-None-Match", "If-Modified-Since"],
         expose_headers=["ETag", "Last-Modified", "Retry-After", "WWW-Authenticate"])

    @app.before_request
    def _answer_preflight():
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            return app.make_default_options_response()
        return None


def install(app: Flask) -> None:
    """Register the conventions' hooks on ``app``."""

    @app.before_request
    def _refuse_unknown_query():
        if request.args and request.method in ("GET", "HEAD") and not _declares_query(app):
            raise Invalid("This operation takes no query parameters.",
                          errors={name: ["Unknown field."] for name in request.args})

    @app.before_request
    def _refuse_other_media_types():
        if request.method in WRITE_METHODS and _has_body() and not request.is_json:
            raise UnsupportedMediaType(f"The request body must be JSON (Content-Type: application/json), "
                                       f"not {request.mimetype or 'unlabelled'}.")

    @app.after_request
    def _conditional_get(response):
        if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.direct_passthrough:
            response.headers.setdefault("Cache-Control", CACHE_CONTROL)
            response.add_etag()
            environ = request.environ
            if any(name in environ for name in VALIDATORS):  # (a tenth of a cached answer's time)
                response.make_conditional(environ)
        return response


def _has_body() -> bool:
    return bool(request.content_length) or "chunked" in (request.headers.get("Transfer-Encoding") or "").lower()


def trailing_slash_hint(app: Flask):
    """The 404 problem for a path that names a route once its trailing slash is dropped, else None."""
    path = request.path
    if len(path) < 2 or not path.endswith("/"):
        return None
    try:
        app.url_map.bind_to_environ(request.environ).match(path.rstrip("/"), method=request.method)
    except (RouteNotFound, MethodNotAllowed, RequestRedirect):
        return None
    return problem(404, f"No such resource. Paths have no trailing slash: {path.rstrip('/')}",
                   hint=path.rstrip("/"))
