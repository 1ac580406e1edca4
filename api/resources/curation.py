"""Curation: fact-checkers merge claims and move mentions; every decision is logged."""
from __future__ import annotations

from flask import g
from flask.views import MethodView

from schemas.claims import ClaimDetailSchema
from schemas.curation import CurationListArgs, CurationPageSchema, MergeRequestSchema, MoveMentionSchema

from ..services import curation as service
from ..session import components, settings, unit_of_work
from .common import Blueprint, ID, errors, needs_key, read_snapshot

blp = Blueprint("curation", __name__, url_prefix="/v1",
                description="Human decisions about claims; automatic matching never undoes them.")


@blp.route(f"/claims/<{ID}:claim_id>/merge")
class Merge(MethodView):
    """Merging claims."""

    @needs_key(blp)
    @blp.arguments(MergeRequestSchema)
    @blp.response(200, ClaimDetailSchema)
    @errors(blp, 400, 404, 422)
    def post(self, data, claim_id):
        """Merge claim ``from_claim_id`` into this claim; its mentions are pinned here and its id
        answers this claim from then on."""
        with unit_of_work() as session:
            return service.merge_claims(session, components(), settings(), claim_id, data["from_claim_id"],
                                        g.actor, data.get("note"))


@blp.route(f"/mentions/<{ID}:mention_id>/move")
class Move(MethodView):
    """Moving a mention."""

    @needs_key(blp)
    @blp.arguments(MoveMentionSchema)
    @blp.response(200, ClaimDetailSchema, description="The claim the mention now belongs to.")
    @errors(blp, 400, 404, 422)
    def post(self, data, mention_id):
        """Move a mention to another claim (or to a new one when ``claim_id`` is null); it is pinned."""
        with unit_of_work() as session:
            return service.move_mention(session, components(), settings(), mention_id, data["claim_id"],
                                        g.actor, data.get("note"))


@blp.route("/curation")
class CurationLog(MethodView):
    """The curation log."""

    @blp.arguments(CurationListArgs, location="query")
    @blp.response(200, CurationPageSchema)
    @errors(blp, 422)
    def get(self, args):
        """Every human decision, newest first (filter: claim)."""
        with read_snapshot() as session:
            return service.list_events(session, args)
