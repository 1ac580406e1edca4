"""One blueprint per resource; views parse, call a service, and shape the answer."""
from __future__ import annotations


def register(app, api) -> None:
    """Register every blueprint on the app and in the contract."""
    from . import articles, claims, curation, disagreements, meta, outlets, similarity

    for module in (articles, claims, outlets, disagreements, similarity, curation):
        api.register_blueprint(module.blp)
    meta.register(app)
