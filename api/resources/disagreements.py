"""/v1/disagreements: typed differences between reports of the same claim."""
from __future__ import annotations

from flask import g
from flask.views import MethodView
from werkzeug.http import http_date

from schemas.disagreements import DisagreementListArgs, DisagreementPageSchema, DisagreementSchema, DismissSchema

from ..db import take_write_lock
from ..services import disagreements as service
from ..session import unit_of_work
from .common import LAST_MODIFIED, Blueprint, ID, errors, needs_key, read_snapshot

blp = Blueprint("disagreements", __name__, url_prefix="/v1/disagreements",
                description="Where outlets disagree: wording, hedge, number, place, time, attribution, negation.")


@blp.route("")
class Disagreements(MethodView):
    """The disagreement collection."""

    @blp.arguments(DisagreementListArgs, location="query")
    @blp.response(200, DisagreementPageSchema)
    @errors(blp, 422)
    def get(self, args):
        """List disagreements (filters: kind, outlet, claim, since; dismissed hidden by default)."""
        with read_snapshot() as session:
            return service.list_disagreements(session, args)


@blp.route(f"/<{ID}:disagreement_id>")
class DisagreementById(MethodView):
    """One disagreement."""

    @blp.response(200, DisagreementSchema, headers=LAST_MODIFIED)
    @errors(blp, 404)
    def get(self, disagreement_id):
        """A disagreement with both spans and its explanation."""
        with read_snapshot() as session:
            detail, modified = service.get_disagreement(session, disagreement_id)
            return detail, {"Last-Modified": http_date(modified)}


@blp.route(f"/<{ID}:disagreement_id>/dismiss")
class Dismiss(MethodView):
    """Dismissal by a fact-checker."""

    @needs_key(blp)
    @blp.arguments(DismissSchema, required=False)
    @blp.response(200, DisagreementSchema)
    @errors(blp, 400, 404, 422)
    def post(self, data, disagreement_id):
        """Dismiss a disagreement: hidden by default from then on, recorded with who and when, and
        never recreated by re-running detection."""
        with unit_of_work() as session:
            take_write_lock(session)  # (curation and ingest write one at a time)
            return service.dismiss(session, disagreement_id, g.actor, data.get("reason"))
