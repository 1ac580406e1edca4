"""Bearer-key authentication: writes always need a key, reads only when CLAIMTRACK_READS_NEED_KEY is set."""
from __future__ import annotations

from flask import g, request

from .errors import Unauthorized
from .services.keys import identify
from .session import settings, unit_of_work

OPEN_PATHS = ("/health", "/ready", "/openapi.yaml", "/docs")
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
# POST endpoints that only compute and store nothing.
READ_ONLY_POSTS = {"/v1/similarity"}


def needs_key(method: str, path: str) -> bool:
    """Whether a request to ``path`` with ``method`` must carry a key."""
    if path.startswith(OPEN_PATHS) or not path.startswith("/v1"):
        return False
    if method in READ_METHODS or (method == "POST" and path in READ_ONLY_POSTS):
        return settings().reads_need_key
    return True


def authenticate() -> None:
    """``before_request`` hook: sets ``g.actor`` to the key's name, or answers 401."""
    g.actor = None
    header = request.headers.get("Authorization", "")
    key = header[7:].strip() if header[:7].lower() == "bearer " else None
    if key:
        with unit_of_work() as session:
            g.actor = identify(session, key, settings().api_keys)
    if needs_key(request.method, request.path) and request.url_rule is not None and g.actor is None:
        if key:
            raise Unauthorized("The API key is unknown or revoked.")
        raise Unauthorized("This operation needs an API key: send 'Authorization: Bearer <key>'.")
