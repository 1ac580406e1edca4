"""Settings read from the environment (``DATABASE_URL`` and ``CLAIMTRACK_*``).

``create_app(config)`` overlays a mapping on top of these, which is how tests point the app at
a database of their own.
"""
from __future__ import annotations

import os
from pathlib import Path

from .db import SQLITE_MMAP_MB

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = Path(os.environ.get("CLAIMTRACK_INSTANCE_DIR", PROJECT_ROOT / "instance"))


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def default_database_url() -> str:
    """A SQLite file under ``instance/`` (created on demand)."""
    return f"sqlite:///{INSTANCE_DIR / 'claimtrack.sqlite3'}"


def from_environment() -> dict:
    """The application settings as a dict, read from the environment now."""
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or default_database_url(),
        # Bootstrap API keys, accepted beside the hashed keys created with `claimtrack keys create`.
        "API_KEYS": [k.strip() for k in os.environ.get("CLAIMTRACK_API_KEYS", "").split(",") if k.strip()],
        "READS_NEED_KEY": _flag("CLAIMTRACK_READS_NEED_KEY"),
        "MAX_CONTENT_LENGTH": _int("CLAIMTRACK_MAX_BODY_BYTES", 2 * 1024 * 1024),
        "MAX_ARTICLE_CHARS": _int("CLAIMTRACK_MAX_ARTICLE_CHARS", 200_000),
        "MAX_CLAIMS_PER_ARTICLE": _int("CLAIMTRACK_MAX_CLAIMS_PER_ARTICLE", 1_000),
        "PAGE_SIZE_DEFAULT": 20,
        "PAGE_SIZE_MAX": 100,
        # Matching: how many indexed candidates are scored per new mention.
        "MATCH_CANDIDATES": _int("CLAIMTRACK_MATCH_CANDIDATES", 20),
        # ... of which this many (the most alike by a cheap ratio) get the full matcher.
        "MATCH_SCORED": _int("CLAIMTRACK_MATCH_SCORED", 6),
        # Candidate retrieval reads at most this many index entries per mention (flat cost at any store size).
        "MATCH_TERM_BUDGET": _int("CLAIMTRACK_MATCH_TERM_BUDGET", 300),
        # Vector retrieval: beside the full-text candidates, each new mention's nearest stored
        # neighbours by sentence embedding among the mentions published within VECTOR_WINDOW_DAYS
        # of its article (at most VECTOR_WINDOW_MAX of them, the nearest in time: a bounded cost at
        # any store size); VECTOR_CANDIDATES of them at cosine >= VECTOR_MIN_COSINE join the
        # candidates, and the VECTOR_SCORED closest are scored by the matcher even when their
        # wording differs too much for the shortlist. Vectors are stored at ingest either way.
        "VECTOR_RETRIEVAL": _flag("CLAIMTRACK_VECTOR_RETRIEVAL", True),
        "VECTOR_WINDOW_DAYS": _float("CLAIMTRACK_VECTOR_WINDOW_DAYS", 7.0),
        "VECTOR_WINDOW_MAX": _int("CLAIMTRACK_VECTOR_WINDOW_MAX", 4000),
        "VECTOR_CANDIDATES": _int("CLAIMTRACK_VECTOR_CANDIDATES", 10),
        "VECTOR_MIN_COSINE": _float("CLAIMTRACK_VECTOR_MIN_COSINE", 0.8),
        "VECTOR_SCORED": _int("CLAIMTRACK_VECTOR_SCORED", 1),
        # Disagreement detection against at most this many earlier mentions of the claim.
        "DETECT_AGAINST": _int("CLAIMTRACK_DETECT_AGAINST", 50),
        "DETECT_DISAGREEMENTS": _flag("CLAIMTRACK_DETECT_DISAGREEMENTS", True),
        # Optional semantic matching: a local sentence-transformers model directory.
        "EMBEDDING_MODEL": os.environ.get("CLAIMTRACK_EMBEDDING_MODEL") or None,
        # The key cursors are signed with; random at each start when unset (cursors then end with it).
        "CURSOR_SECRET": os.environ.get("CLAIMTRACK_CURSOR_SECRET") or None,
        # PostgreSQL: give up connecting after this long; cancel statements and lock waits after these.
        "DB_CONNECT_TIMEOUT_S": _int("CLAIMTRACK_DB_CONNECT_TIMEOUT_S", 5),
        "DB_STATEMENT_TIMEOUT_MS": _int("CLAIMTRACK_DB_STATEMENT_TIMEOUT_MS", 30_000),
        "DB_LOCK_TIMEOUT_MS": _int("CLAIMTRACK_DB_LOCK_TIMEOUT_MS", 5_000),
        "SQLITE_BUSY_TIMEOUT_MS": _int("CLAIMTRACK_SQLITE_BUSY_TIMEOUT_MS", 5_000),
        # Browser origins allowed to call the API (CORS), comma-separated; "*" for any; none: CORS off.
        "CORS_ORIGINS": [o.strip() for o in os.environ.get("CLAIMTRACK_CORS_ORIGINS", "").split(",") if o.strip()],
        # How much of the SQLite file is memory-mapped (MiB; 0: off).
        "SQLITE_MMAP_MB": _int("CLAIMTRACK_SQLITE_MMAP_MB", SQLITE_MMAP_MB),
        # Rate limits (flask-limiter strings; empty: none): writes per API key, reads and failed
        # authentications per client address; counted in memory per worker, or in Redis.
        "RATE_LIMIT_ENABLED": _flag("CLAIMTRACK_RATE_LIMIT_ENABLED", True),
        "RATE_LIMIT_STORAGE": os.environ.get("CLAIMTRACK_RATE_LIMIT_STORAGE") or "memory://",
        "RATE_LIMIT_WRITES": os.environ.get("CLAIMTRACK_RATE_LIMIT_WRITES", "3000/minute"),
        "RATE_LIMIT_READS": os.environ.get("CLAIMTRACK_RATE_LIMIT_READS", "6000/minute"),
        "RATE_LIMIT_AUTH_FAILURES": os.environ.get("CLAIMTRACK_RATE_LIMIT_AUTH_FAILURES", "30/minute"),
        # How many reverse proxies in front set X-Forwarded-For (0: the peer address is the client).
        "TRUSTED_PROXIES": _int("CLAIMTRACK_TRUSTED_PROXIES", 0),
        "LOG_FORMAT": (os.environ.get("CLAIMTRACK_LOG_FORMAT") or "text").strip().lower(),
        "LOG_LEVEL": os.environ.get("CLAIMTRACK_LOG_LEVEL") or "info",
    }
