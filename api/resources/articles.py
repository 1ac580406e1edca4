"""/v1/articles: ingest articles and read them back with their mentions."""
from __future__ import annotations

from flask.views import MethodView

from schemas.articles import ArticleCreateSchema, ArticleDetailSchema, ArticleListArgs, ArticlePageSchema

from ..services import articles as service
from ..session import components, settings, unit_of_work
from .common import Blueprint, ID, errors, needs_key, read_snapshot

blp = Blueprint("articles", __name__, url_prefix="/v1/articles",
                description="News articles: ingest (extract, match, detect) and read back.")


@blp.route("")
class Articles(MethodView):
    """The article collection."""

    @blp.arguments(ArticleListArgs, location="query")
    @blp.response(200, ArticlePageSchema)
    @errors(blp, 422)
    def get(self, args):
        """List articles, newest first."""
        with read_snapshot() as session:
            return service.list_articles(session, args)

    @needs_key(blp)
    @blp.arguments(ArticleCreateSchema, example={
        "outlet": {"name": "Africanews", "domain": "africanews.com"},
        "url": "https://africanews.com/2024/08/19/blinken-warns", "title": "Blinken warns Israel, Hamas",
        "published_at": "2024-08-19", "language": "en",
        "text": "\u201cIt is time for it to get done,\u201d said Blinken."})
    @blp.response(201, ArticleDetailSchema, description="Stored: the article and its mentions.")
    @blp.alt_response(200, schema=ArticleDetailSchema, description="Already stored with the same text.")
    @errors(blp, 400, 409, 413, 422)
    def post(self, data):
        """Ingest an article: store it, extract its claims (unless given), match them to claims
        across outlets and detect disagreements — all in one transaction."""
        with unit_of_work() as session:
            detail, created = service.ingest(session, components(), settings(), data)
        return detail, 201 if created else 200


@blp.route(f"/<{ID}:article_id>")
class ArticleById(MethodView):
    """One article."""

    @blp.response(200, ArticleDetailSchema)
    @errors(blp, 404)
    def get(self, article_id):
        """An article with its text and mentions."""
        with read_snapshot() as session:
            return service.article_detail(session, article_id)
