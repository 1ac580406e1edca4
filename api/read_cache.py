"""The read cache: each worker keeps the answers of recent GETs whole (body, ETag and the headers
the view set) and answers the same URL again from memory while the store has not changed.

"Not changed" is checked against the store on every request, never assumed: migration 0007 keeps
one counter, the store's generation, that a trigger moves in the transaction of every write to
the stored data (by any process: another worker, the command line, a script). A read records the
generation of its own snapshot (``note_snapshot``, called by ``read_snapshot``) and its answer is
kept under it; a later GET of the same path and query reads the latest committed generation (one
short SELECT) and is answered from memory only when it is the same, i.e. when a read now would
see exactly what that snapshot saw. Anything else — a changed store, an unknown URL, a view
that read two snapshots, an answer other than 200 — runs the view as before.

The hooks come after every other ``before_request`` hook (request id, metrics, rate limits,
authentication, the refusal of unknown parameters): a cached answer is counted, authorised and
logged like any other, and the ``after_request`` hooks (CORS, ``Cache-Control``, 304 to a
current ``If-None-Match``, the request id, rate-limit fields) run on it as on a fresh one.
``CLAIMTRACK_READ_CACHE_MB`` bounds each worker's cache (least recently used answers leave
first; 0 turns it off); a store without the counter is never cached.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, current_app, g, has_request_context, request

from .db import GenerationReader, has_store_generation, store_generation

KEPT_HEADERS = ("Content-Type", "Last-Modified", "ETag")
_TWO_SNAPSHOTS = -1  # (a view that read two snapshots: its answer is not kept)


@dataclass(frozen=True, slots=True)
class Entry:
    """One kept answer: its body, headers and the generation of the snapshot it was read at."""

    body: bytes
    headers: tuple[tuple[str, str], ...]
    generation: int


class ReadCache:
    """Answers by URL, least recently used first out once they hold more than ``max_bytes``
    (one answer at most an eighth of it); safe across a worker's request threads."""

    def __init__(self, max_bytes: int):
        self.max_bytes, self.max_entry = max_bytes, max_bytes // 8
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._size, self._lock = 0, threading.Lock()
        self.available: bool | None = None  # whether the store has the counter (None: not known yet)
        self.generation: GenerationReader | None = None  # (reads the store's latest generation)
        self.settings = None  # (the settings the answers were made with)

    def get(self, key: str) -> Entry | None:
        """The answer kept for ``key`` (now the most recently used), or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        """Keep ``entry`` for ``key`` (too large an answer is not kept)."""
        size = len(entry.body) + len(key)
        if size > self.max_entry:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old.body) + len(key)
            self._entries[key] = entry
            self._size += size
            while self._size > self.max_bytes:
                gone_key, gone = self._entries.popitem(last=False)
                self._size -= len(gone.body) + len(gone_key)

    def clear(self) -> None:
        """Forget every answer."""
        with self._lock:
            self._entries.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._entries)

    def usable(self, engine) -> bool:
        """Whether the store has the generation counter (looked up once; a failed look-up is tried
        again at the next request)."""
        if self.available is None:
            try:
                self.available = has_store_generation(engine)
            except Exception:  # noqa: BLE001 - the database is unreachable now: no caching this time
                return False
            self.generation = GenerationReader(engine)
        return self.available


def _cache() -> ReadCache | None:
    return current_app.extensions["claimtrack"].get("read_cache")


def note_snapshot(session) -> None:
    """Record the generation of the read snapshot ``session`` has just begun (its first query),
    when this request's answer may be kept."""
    if not has_request_context() or "read_cache_key" not in g:
        return
    g.read_generation = _TWO_SNAPSHOTS if "read_generation" in g else store_generation(session.connection())


def _key() -> str:
    return request.path + "?" + request.query_string.decode("latin-1")


def _answer_from_cache():
    """``before_request``: the kept answer of this GET when the store is still at its generation."""
    if request.method != "GET" or request.url_rule is None:
        return None
    cache, ext = _cache(), current_app.extensions["claimtrack"]
    if cache.settings is not ext["settings"]:  # (settings replaced: answers made with others go)
        cache.clear()
        cache.settings = ext["settings"]
    if not cache.usable(ext["engine"]):
        return None
    key = _key()
    g.read_cache_key = key
    entry = cache.get(key)
    if entry is None:
        return None
    try:
        current = cache.generation()
    except Exception:  # noqa: BLE001 - let the view meet (and answer) the database's trouble
        return None
    if current != entry.generation:
        return None
    g.pop("read_cache_key")
    return current_app.response_class(entry.body, status=200, headers=list(entry.headers))


def _keep_answer(response):
    """``after_request``: keep a 200 answer of a GET read in one snapshot, under its generation."""
    key, generation = g.pop("read_cache_key", None), g.pop("read_generation", None)
    if key is None or generation is None or generation == _TWO_SNAPSHOTS or response.status_code != 200 \
            or response.direct_passthrough:
        return response
    response.add_etag()  # (the one api.conventions would add: a hash of the body)
    headers = tuple((name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers)
    _cache().put(key, Entry(response.get_data(), headers, generation))
    return response


def install(app: Flask) -> None:
    """Give ``app`` a read cache of ``read_cache_mb`` MiB (none when 0); call it after every other
    ``before_request`` hook is registered, so that a cached answer passes them all first."""
    megabytes = app.extensions["claimtrack"]["settings"].read_cache_mb
    if megabytes <= 0:
        return
    app.extensions["claimtrack"]["read_cache"] = ReadCache(megabytes * 1024 * 1024)
    app.before_request(_answer_from_cache)
    app.after_request(_keep_answer)
