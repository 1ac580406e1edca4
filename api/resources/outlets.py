"""/v1/outlets: the outlets, and what two of them report in common and apart."""
from __future__ import annotations

from flask.views import MethodView

from schemas.claims import ClaimPageSchema, CompareSchema
from schemas.common import PageArgs
from schemas.disagreements import DisagreementPageSchema
from schemas.outlets import CompareArgs, CompareClaimsArgs, ComparePageArgs, OutletPageSchema, OutletStatsSchema

from ..services import outlets as service
from .common import Blueprint, errors, read_snapshot

blp = Blueprint("outlets", __name__, url_prefix="/v1/outlets", description="News outlets.")


@blp.route("")
class Outlets(MethodView):
    """The outlet collection."""

    @blp.arguments(PageArgs, location="query")
    @blp.response(200, OutletPageSchema)
    @errors(blp, 422)
    def get(self, args):
        """List outlets by slug, with their article, claim and disagreement counts."""
        with read_snapshot() as session:
            return service.list_outlets(session, args)


@blp.route("/compare")
class Compare(MethodView):
    """Two outlets side by side."""

    @blp.arguments(CompareArgs, location="query")
    @blp.response(200, CompareSchema)
    @errors(blp, 404, 422)
    def get(self, args):
        """Claims both outlets report, claims only one reports, and their disagreements."""
        with read_snapshot() as session:
            return service.compare(session, args["a"], args["b"], args["limit"])


@blp.route("/compare/claims")
class CompareClaims(MethodView):
    """One claim list of a comparison, a page at a time."""

    @blp.arguments(CompareClaimsArgs, location="query")
    @blp.response(200, ClaimPageSchema)
    @errors(blp, 404, 422)
    def get(self, args):
        """Claims both outlets report (``part=both``) or only one does (``only_a``, ``only_b``),
        latest first; continue with the ``next_cursors`` of ``/v1/outlets/compare``."""
        with read_snapshot() as session:
            a, b = service.get_outlet(session, args["a"]), service.get_outlet(session, args["b"])
            return service.compare_claims(session, a, b, args["part"], args)


@blp.route("/compare/disagreements")
class CompareDisagreements(MethodView):
    """The disagreements between two outlets, a page at a time."""

    @blp.arguments(ComparePageArgs, location="query")
    @blp.response(200, DisagreementPageSchema)
    @errors(blp, 404, 422)
    def get(self, args):
        """Undismissed disagreements between the two outlets, oldest first."""
        with read_snapshot() as session:
            a, b = service.get_outlet(session, args["a"]), service.get_outlet(session, args["b"])
            return service.compare_disagreements(session, a, b, args)


@blp.route("/<string:slug>")
class OutletBySlug(MethodView):
    """One outlet."""

    @blp.response(200, OutletStatsSchema)
    @errors(blp, 404)
    def get(self, slug):
        """An outlet with its counts."""
        with read_snapshot() as session:
            return service.outlet_detail(session, slug)
