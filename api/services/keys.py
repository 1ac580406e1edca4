"""API keys: created by the CLI, stored as SHA-256 hashes, checked on every write."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlmodel import Session, select

from ..errors import NotFound
from ..models import ApiKey, utcnow

KEY_PREFIX = "ct_"


def hash_key(key: str) -> str:
    """The stored form of a key (keys are 256-bit random tokens, so a plain SHA-256 suffices)."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(session: Session, name: str) -> tuple[ApiKey, str]:
    """A new key named ``name``; returns the row and the key itself (shown once, never stored)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(name=name, prefix=key[:10], key_hash=hash_key(key))
    session.add(row)
    session.flush()
    return row, key


def list_keys(session: Session) -> list[ApiKey]:
    """Every key, revoked ones included, oldest first."""
    return list(session.exec(select(ApiKey).order_by(ApiKey.id)))


def revoke_key(session: Session, ident: str) -> ApiKey:
    """Revoke the key with this id, name or prefix."""
    rows = list(session.exec(select(ApiKey).where(ApiKey.revoked_at.is_(None))))
    matches = [r for r in rows if ident in {str(r.id), r.name, r.prefix}]
    if len(matches) != 1:
        raise NotFound(f"No single active key matches {ident!r} ({len(matches)} found).")
    matches[0].revoked_at = utcnow()
    session.add(matches[0])
    return matches[0]


def identify(session: Session, key: str, bootstrap_keys: list[str]) -> str | None:
    """The name of the caller holding ``key``, or None when the key is unknown or revoked."""
    for i, candidate in enumerate(bootstrap_keys):
        if hmac.compare_digest(candidate.encode(), key.encode()):
            return f"bootstrap-key-{i + 1}"
    row = session.exec(select(ApiKey).where(ApiKey.key_hash == hash_key(key))).first()
    if row is None or row.revoked_at is not None:
        return None
    return row.name
