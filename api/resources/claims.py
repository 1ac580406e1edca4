"""/v1/claims: which outlets report each claim, and where they disagree."""
from __future__ import annotations

from flask.views import MethodView
from werkzeug.http import http_date

from schemas.claims import (ClaimDetailSchema, ClaimDisagreementArgs, ClaimDisagreementsSchema, ClaimListArgs,
                            ClaimOutletsSchema, ClaimPageSchema)

from schemas.common import PageArgs

from ..services import claims as service
from ..services.similar import similar_claims
from ..session import components, settings
from .common import LAST_MODIFIED, Blueprint, ID, errors, read_snapshot

blp = Blueprint("claims", __name__, url_prefix="/v1/claims",
                description="Claims: what several mentions say, who reports them, where reports disagree.")


@blp.route("")
class Claims(MethodView):
    """The claim collection."""

    @blp.arguments(ClaimListArgs, location="query")
    @blp.response(200, ClaimPageSchema)
    @errors(blp, 422)
    def get(self, args):
        """Search and filter claims (full text, outlet, reported_by, speaker, kind, contested, dates).
        With ``similar_to``: the claims most like that text by the matcher's score, best first,
        each with its ``score`` (one page, no cursor)."""
        with read_snapshot() as session:
            if args.get("similar_to"):
                return similar_claims(session, components(), settings(), args)
            return service.list_claims(session, args)


@blp.route(f"/<{ID}:claim_id>")
class ClaimById(MethodView):
    """One claim."""

    @blp.response(200, ClaimDetailSchema, headers=LAST_MODIFIED)
    @errors(blp, 404)
    def get(self, claim_id):
        """A claim, the outlets that report it (with mentions and articles) and its disagreements.
        The id of a claim merged into another answers the claim it was merged into."""
        with read_snapshot() as session:
            detail = service.claim_detail(session, claim_id)
            return detail, {"Last-Modified": http_date(service.claim_modified(session, detail["id"]))}


@blp.route(f"/<{ID}:claim_id>/outlets")
class ClaimOutlets(MethodView):
    """The outlets reporting a claim."""

    @blp.arguments(PageArgs, location="query")
    @blp.response(200, ClaimOutletsSchema)
    @errors(blp, 404, 422)
    def get(self, args, claim_id):
        """The outlets that report the claim, earliest first, each with its mentions."""
        with read_snapshot() as session:
            claim = service.get_claim(session, claim_id)
            return service.claim_outlets(session, claim.id, args)


@blp.route(f"/<{ID}:claim_id>/disagreements")
class ClaimDisagreements(MethodView):
    """The disagreements within a claim."""

    @blp.arguments(ClaimDisagreementArgs, location="query")
    @blp.response(200, ClaimDisagreementsSchema)
    @errors(blp, 404, 422)
    def get(self, args, claim_id):
        """Where the reports of this claim disagree (dismissed ones only on request)."""
        with read_snapshot() as session:
            claim = service.get_claim(session, claim_id)
            return service.claim_disagreements(session, claim.id, args)
