"""Opaque cursors for keyset pagination.

A cursor encodes the sort key and id of the last item of a page; the next page starts strictly
after it. Cursors are signed (``itsdangerous``, HMAC with the ``CURSOR_SECRET`` setting), so a
client can pass back only what the service gave it; the content is checked on the way in all
the same, and anything else is a 422 problem.
"""
from __future__ import annotations

import math
import secrets
from datetime import datetime

from itsdangerous import BadData, URLSafeSerializer

from .errors import Invalid

_SALT = "claimtrack-cursor"
ID_MAX = 2_147_483_647  # ids are 32-bit integer columns
_signer = URLSafeSerializer(secrets.token_hex(32), salt=_SALT)


def configure(secret: str) -> None:
    """Sign and check cursors with ``secret`` from now on (the app does it at start-up; every
    worker and machine serving one store needs the same secret for cursors to carry over)."""
    global _signer
    _signer = URLSafeSerializer(secret, salt=_SALT)


def encode(sort: str, key, last_id: int) -> str:
    """The cursor that continues after the item with sort value ``key`` and id ``last_id``."""
    if isinstance(key, datetime):
        key = {"dt": key.isoformat()}
    return _signer.dumps({"s": sort, "k": key, "i": last_id})


def _plain_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2 ** 63 or (
        isinstance(value, float) and math.isfinite(value))


def decode(cursor: str, sort: str, key_type: type | None = None):
    """(key, id) from a cursor made for ``sort`` whose key, when not None, is a ``key_type``
    (datetime, int, float or str); a 422 problem when it is not one of ours."""
    try:
        data = _signer.loads(cursor)
        if not isinstance(data, dict) or data.get("s") != sort:
            raise ValueError("cursor made for another listing")
        key, last_id = data.get("k"), data.get("i")
        if not (isinstance(last_id, int) and not isinstance(last_id, bool) and 1 <= last_id <= ID_MAX):
            raise ValueError("bad id")
        if isinstance(key, dict) and set(key) == {"dt"} and isinstance(key["dt"], str):
            key = datetime.fromisoformat(key["dt"])
        elif key is not None and not (_plain_number(key) or isinstance(key, str)):
            raise ValueError("bad key")
        if key is not None and key_type is not None and not _fits(key, key_type):
            raise ValueError("key of another type")
    except (BadData, ValueError, TypeError, OverflowError) as exc:
        raise invalid_cursor(exc.__class__.__name__)
    return key, last_id


def invalid_cursor(reason: str) -> Invalid:
    """The 422 problem for a cursor that does not continue this listing."""
    return Invalid("The cursor is not valid for this listing.",
                   errors={"cursor": [f"Not a cursor from this listing ({reason})."]})


def _fits(key, key_type: type) -> bool:
    if key_type is float:
        return _plain_number(key)
    if key_type is int:
        return isinstance(key, int) and not isinstance(key, bool)
    return isinstance(key, key_type)
