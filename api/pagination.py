"""Opaque cursors for keyset pagination.

A cursor encodes the sort key and id of the last item of a page; the next page starts strictly
after it. Cursors are URL-safe base64 of a small JSON object and are checked on the way in.
"""
from __future__ import annotations

import base64
import json
from datetime import datetime

from .errors import Invalid


def encode(sort: str, key, last_id: int) -> str:
    """The cursor that continues after the item with sort value ``key`` and id ``last_id``."""
    if isinstance(key, datetime):
        key = {"dt": key.isoformat()}
    raw = json.dumps({"s": sort, "k": key, "i": last_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, sort: str):
    """(key, id) from a cursor made for ``sort``; a 422 problem when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        key, last_id = data["k"], int(data["i"])
        if data.get("s") != sort:
            raise ValueError("cursor made for another sort order")
        if isinstance(key, dict) and "dt" in key:
            key = datetime.fromisoformat(key["dt"])
        elif key is not None and not isinstance(key, (int, float, str)):
            raise ValueError("bad key")
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise Invalid("The cursor is not valid for this listing.",
                      errors={"cursor": [f"Not a cursor from this listing ({exc.__class__.__name__})."]})
    return key, last_id

