"""Liveness, readiness, the committed contract and its rendered docs."""
from __future__ import annotations

from flask import Response, current_app
from flask.views import MethodView
from flask_swagger_ui import get_swaggerui_blueprint
from marshmallow import Schema, fields

from ..config import PROJECT_ROOT
from ..db import database_read_only
from ..errors import problem
from .common import Blueprint

blp = Blueprint("meta", __name__, description="Service health.")


class HealthSchema(Schema):
    """Whether the service (and its database) can answer."""

    status = fields.String(required=True, metadata={"example": "ok"})
    database = fields.String(metadata={"example": "ok"})


@blp.route("/health")
class Health(MethodView):
    """Liveness."""

    @blp.response(200, HealthSchema)
    def get(self):
        """The process answers."""
        return {"status": "ok"}


@blp.route("/ready")
class Ready(MethodView):
    """Readiness."""

    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="The database cannot be reached or cannot be written.")
    def get(self):
        """The database answers and would take a write."""
        try:
            read_only = database_read_only(current_app.extensions["claimtrack"]["engine"])
        except Exception as exc:  # noqa: BLE001 - any failure means not ready
            return problem(503, f"The database cannot be reached ({exc.__class__.__name__}).")
        if read_only:
            return problem(503, "The database is read-only: it cannot take writes.")
        return {"status": "ok", "database": "ok"}


def register(app) -> None:
    """Add the meta routes: health (in the contract), ``/openapi.yaml`` and ``/docs``."""
    app.extensions["flask-smorest"]["apis"][""]["ext_obj"].register_blueprint(blp)

    @app.get("/openapi.yaml")
    def openapi_yaml():
        """The committed contract, byte for byte."""
        path = PROJECT_ROOT / "openapi.yaml"
        if path.exists():
            body = path.read_bytes()
        else:  # an installed copy without the file: generate it
            body = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].to_yaml().encode()
        return Response(body, mimetype="application/yaml")

    app.register_blueprint(get_swaggerui_blueprint("/docs", "/openapi.yaml", config={"app_name": "claimtrack API"}))
