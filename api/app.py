"""The application factory."""
from __future__ import annotations

import logging
import secrets

from flask import Flask, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from schemas.common import unstorable

from . import conventions, pagination
from .config import Settings, load_settings, settings_fields
from .db import make_engine
from .errors import ApiError, NotFound, from_api_error, from_http_exception, from_unexpected
from .openapi import Api
from .services.components import build_components

log = logging.getLogger(__name__)


def settings_names() -> set[str]:
    """The field names of ``Settings`` (``create_app``'s ``config`` keys that replace a setting)."""
    return {f.name for f in settings_fields()}


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
    if "chunked" not in request.environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return  # (asked first: the cheapest test, and almost no request is chunked)
    limit = request.max_content_length
    if limit is None or request.content_length is not None:
        return
    if len(request.get_data(cache=True)) >= limit and request.environ["wsgi.input"].read(1):
        raise RequestEntityTooLarge()


def create_app(config: dict | None = None, settings: Settings | None = None) -> Flask:
    """Build the app: ``settings`` (by default read from the environment) with the fields named in
    ``config`` replaced (``{"DETECT_AGAINST": 2}``; its other keys, such as ``COMPONENTS`` or
    ``TESTING``, go to Flask's config), one engine, the pipeline components (loaded once, before
    workers fork), blueprints, and problem+json errors."""
    config = dict(config or {})
    settings = (settings or load_settings()).overlaid(config)
    app = Flask(__name__, instance_path=str(settings.instance_dir))
    app.config.update({
        "API_TITLE": "claimtrack",
        "API_VERSION": "1.0.0",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": None,  # the committed openapi.yaml is served instead (see resources.meta)
        "JSON_SORT_KEYS": False,
        "MAX_CONTENT_LENGTH": settings.max_content_length,  # (Flask's own body limit)
    })
    app.config.update({k: v for k, v in config.items() if k.lower() not in settings_names()})
    app.json.sort_keys = False

    pagination.configure(settings.cursor_secret or secrets.token_hex(32))
    engine = make_engine(settings.database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms,
                         mmap_mb=settings.sqlite_mmap_mb, connect_timeout_s=settings.db_connect_timeout_s,
                         statement_timeout_ms=settings.db_statement_timeout_ms,
                         lock_timeout_ms=settings.db_lock_timeout_ms)
    components = app.config.get("COMPONENTS") or build_components(settings)
    app.extensions["claimtrack"] = {"engine": engine, "components": components, "settings": settings}

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
    from . import read_cache

    read_cache.install(app)  # (last: a kept answer has passed every other before_request hook)

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
