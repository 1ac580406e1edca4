"""Process-wide tuning of Python's cyclic garbage collector for the long-running processes that
ingest and serve (gunicorn's workers, ``claimtrack ingest``, the ingest benchmarks).

Ingest allocates many short-lived containers per article (tokens, views, feature dicts), nearly
all freed by reference counting, yet every 700 allocations (Python's default first threshold)
start a collection of the youngest generation, and every tenth of those the middle one: about a
tenth of ingest's CPU. ``tune_gc`` sets the thresholds from ``CLAIMTRACK_GC_THRESHOLD`` (default
50000, 50, 50); reference cycles are still collected, only less often.

``gc.freeze()`` of what is loaded at start was measured too and left out: it made ingest slower
(CPython then counts no long-lived objects, so the rule that keeps full collections rare, a full
one only when the survivors since the last grew by a quarter, no longer holds). Measured with
``bench/ingest_side_by_side.py TREE TREE::CLAIMTRACK_GC_THRESHOLD=700,10,10 --clock cpu``
(``700,10,10`` is Python's default).
"""
from __future__ import annotations

import gc


def tune_gc(threshold: tuple[int, int, int]) -> None:
    """Apply the collection ``threshold``: allocations before a generation-0 collection, then
    generation-0 collections before a generation-1 one, and generation-1 before a full one."""
    gc.set_threshold(*threshold)
