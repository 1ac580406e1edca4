"""/v1/similarity: score two sentences with the matcher and detectors ingestion uses."""
from __future__ import annotations

from flask.views import MethodView

from schemas.similarity import SimilarityRequestSchema, SimilarityResponseSchema

from ..services.similarity import similarity
from ..session import components
from .common import Blueprint, errors, stores_nothing

blp = Blueprint("similarity", __name__, url_prefix="/v1/similarity",
                description="Compare two sentences the way ingestion compares mentions.")


@blp.route("")
class Similarity(MethodView):
    """Pairwise similarity."""

    @stores_nothing
    @blp.arguments(SimilarityRequestSchema)
    @blp.response(200, SimilarityResponseSchema)
    @errors(blp, 400, 422)
    def post(self, data):
        """Whether two sentences state the same claim, and how they disagree. Stores nothing."""
        return similarity(components(), data)
