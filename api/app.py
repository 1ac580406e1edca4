"""The application factory."""
from __future__ import annotations

import logging
import secrets

from flask import Flask, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from schemas.common import unstorable

from . import config as config_module, conventions, pagination
from .db import make_engine
from .errors import ApiError, NotFound, from_api_error, from_http_exception, from_unexpected
from .openapi import Api
from .services.components import build_components

log = logging.getLogger(__name__)


def refuse_unstorable_path():
    """A 404 problem for a path whose text parameters no column can hold (``/v1/outlets/a%00b``):
    no such resource can exist, and PostgreSQL would refuse the query with an error."""
    for value in (request.view_args or {}).values():
        if isinstance(value, str) and unstorable(value):
            raise NotFound("No such resource.")


def refuse_oversized_stream():
    """A 413 problem for a chunked body over ``MAX_CONTENT_LENGTH``: werkzeug stops reading a
    body without a length at the limit and hands on what it read (which then failed as
    invalid JSON, a 400); here a byte still waiting beyond the limit shows the body too large."""
    limit = request.max_content_length
    if limit is None or request.content_length is not None or "chunked" not in (
            request.headers.get("Transfer-Encoding") or "").lower():
        return
    if len(request.get_data(cache=True)) >= limit and request.environ["wsgi.input"].read(1):
        raise RequestEntityTooLarge()


def create_app(config: dict | None = None) -> Flask:
    """Build the app: settings from the environment overlaid with ``config``, one engine, the
    pipeline components (loaded once, before workers fork), blueprints, and problem+json errors."""
    app = Flask(__name__, instance_path=str(config_module.INSTANCE_DIR))
    app.config.update(config_module.from_environment())
    app.config.update({
        "API_TITLE": "claimtrack",
        "API_VERSION": "1.0.0",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": None,  # the committed openapi.yaml is served instead (see resources.meta)
        "JSON_SORT_KEYS": False,
    })
    app.config.update(config or {})
    app.json.sort_keys = False

    pagination.configure(app.config["CURSOR_SECRET"] or secrets.token_hex(32))
    engine = make_engine(app.config["DATABASE_URL"], busy_timeout_ms=app.config["SQLITE_BUSY_TIMEOUT_MS"],
                         mmap_mb=app.config["SQLITE_MMAP_MB"], connect_timeout_s=app.config["DB_CONNECT_TIMEOUT_S"],
                         statement_timeout_ms=app.config["DB_STATEMENT_TIMEOUT_MS"],
                         lock_timeout_ms=app.config["DB_LOCK_TIMEOUT_MS"])
    components = app.config.get("COMPONENTS") or build_components(app.config)
    app.extensions["claimtrack"] = {"engine": engine, "components": components}

    from flask_smorest.spec.plugins import integerconverter2paramschema

    from .resources import register
    from .resources.common import AsciiIntegerConverter

    app.url_map.converters["int"] = AsciiIntegerConverter
    api = Api(app)
    api.register_converter(AsciiIntegerConverter, integerconverter2paramschema)
    register(app, api)
    from .limits import init_limits
    from .metrics import init_metrics
    from .observability import init_observability

    init_observability(app)  # (first: request ids and the access line wrap every later hook)
    init_metrics(app, components)
    init_limits(app)  # (before authentication: a spent failed-authentication budget is refused first)
    app.before_request(refuse_unstorable_path)
    app.before_request(refuse_oversized_stream)
    conventions.install_cors(app)

    from .auth import authenticate

    app.before_request(authenticate)
    conventions.install(app)

    @app.errorhandler(ApiError)
    def _api_error(error):
        return from_api_error(error)

    @app.errorhandler(HTTPException)
    def _http_error(error):
        if error.code == 404 and request.url_rule is None:
            hint = conventions.trailing_slash_hint(app)
            if hint is not None:
                return hint
        return from_http_exception(error)

    @app.errorhandler(Exception)
    def _unexpected(error):
        if isinstance(error, HTTPException):
            return from_http_exception(error)
        return from_unexpected(error)

    @app.after_request
    def _headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return app
