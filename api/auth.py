"""Bearer-key authentication, and who needs a key — declared once, here, and used by the
enforcement below, the rate limits (``api.limits``: writes are counted per key) and the contract
(``api.resources.common.needs_key`` marks an operation and documents its bearer requirement in
the same step).

An operation is ``WRITE`` (always needs a key), ``READ`` (needs one only when
``CLAIMTRACK_READS_NEED_KEY`` is on) or ``OPEN`` (never: health, readiness, the contract, the docs
and anything outside ``/v1``). A view method's declared access (``declare_access``) decides;
undeclared, ``GET``/``HEAD``/``OPTIONS`` are reads and every other method a write (so a new
write that forgets its declaration still needs a key).
"""
from __future__ import annotations

from flask import current_app, g, request

from .errors import Unauthorized
from .services.keys import identify
from .session import settings, unit_of_work

OPEN, READ, WRITE = "open", "read", "write"
OPEN_PATHS = ("/health", "/ready", "/openapi.yaml", "/docs")
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
_ACCESS_ATTR = "_claimtrack_access"


def declare_access(view, access: str):
    """Mark the view method ``view`` as ``WRITE`` or ``READ`` (a POST that stores nothing)."""
    setattr(view, _ACCESS_ATTR, access)
    return view


def access_of(method: str, view=None) -> str:
    """The access an operation needs: ``view``'s declaration, else by ``method``."""
    declared = getattr(view, _ACCESS_ATTR, None)
    if declared is not None:
        return declared
    return READ if method in READ_METHODS else WRITE


def view_method():
    """The view method that answers this request (None when no rule matched)."""
    endpoint = request.url_rule.endpoint if request.url_rule is not None else None
    view = current_app.view_functions.get(endpoint) if endpoint else None
    view_class = getattr(view, "view_class", None)
    return getattr(view_class, request.method.lower(), None) if view_class is not None else view


def request_access() -> str:
    """The access this request needs (worked out once per request: authentication and each rate
    limit's exemption ask for it)."""
    req = request._get_current_object()
    access = req.__dict__.get(_ACCESS_ATTR)
    if access is None:
        path = req.path
        if path.startswith(OPEN_PATHS) or not path.startswith("/v1"):
            access = OPEN
        else:
            access = access_of(req.method, view_method())
        req.__dict__[_ACCESS_ATTR] = access
    return access


def needs_key() -> bool:
    """Whether this request must carry a key."""
    access = request_access()
    return access == WRITE or (access == READ and settings().reads_need_key)


def authenticate() -> None:
    """``before_request`` hook: sets ``g.actor`` to the key's name, or answers 401."""
    g.actor = None
    header = request.headers.get("Authorization", "")
    key = header[7:].strip() if header[:7].lower() == "bearer " else None
    if key:
        with unit_of_work() as session:
            g.actor = identify(session, key, settings().api_keys)
    if request.url_rule is not None and g.actor is None and needs_key():
        if key:
            raise Unauthorized("The API key is unknown or revoked.")
        raise Unauthorized("This operation needs an API key: send 'Authorization: Bearer <key>'.")
