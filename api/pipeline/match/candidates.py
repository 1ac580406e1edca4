"""Search terms for candidate retrieval.

``search_terms(text)`` picks the most distinctive words of a mention for a full-text OR-query
(SQLite FTS5 / PostgreSQL tsvector): names and other capitalised words first, then numbers,
then long content words. Terms are plain lower-case ASCII alphanumeric words, split the way
common full-text tokenisers split text ("Israel's" -> "israel", "40,000" -> "40"), never stop
words or reporting verbs, each once.
"""
from __future__ import annotations

import re

from api.pipeline.text import STOPWORDS, expand_contractions, plain

from .lexicon import REPORTING

_PIECE = re.compile(r"[A-Za-z0-9]+")
# _PIECE with a capturing group: split() gives [gap, piece, gap, piece, ..., gap] in one pass
_PIECE_SPLIT = re.compile("(" + _PIECE.pattern + ")")
_SENTENCE_BREAK = frozenset('.!?:;"([{\n')
_SKIP = STOPWORDS | REPORTING
_GENERIC = frozenset("""
mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
week weeks month months year years day days time times new also would could one two
""".split())
# Titles and roles: capitalised like names but shared by many unrelated mentions.
_TITLES = frozenset("""
president minister prime secretary state government official officials spokesman spokeswoman
chief leader senator governor general director chairman party ministry department office
""".split())


def search_terms(text: str, limit: int = 8) -> list[str]:
    """The ``limit`` most distinctive words of ``text``, best first (see the module docstring)."""
    if limit <= 0:
        return []
    parts = _PIECE_SPLIT.split(expand_contractions(plain(text or "")))
    scored: dict[str, tuple[float, int]] = {}
    for order in range(len(parts) // 2):
        tok = parts[2 * order + 1]
        low = tok.lower()   # pieces are ASCII
        if low in _SKIP or len(low) < 2:
            continue
        if low.isdigit():
            if set(low) == {"0"}:
                continue
            score = 2.5 if len(low) >= 2 else 1.0
        else:
            gap = parts[2 * order]                    # the text since the previous piece
            initial = order == 0 or (gap != " " and not _SENTENCE_BREAK.isdisjoint(gap))
            score = min(len(low), 10) / 5.0          # 0.4 .. 2.0 by length
            if tok[0].isupper() and not initial:
                score += 2.0                          # a name
            elif tok.isupper() and len(tok) >= 2:
                score += 1.5                          # an acronym
            elif tok[0].isupper():
                score += 0.6                          # sentence-initial, maybe a name
        if low in _GENERIC:
            score -= 1.5
        elif low in _TITLES:
            score -= 1.2
        if low not in scored or scored[low][0] < score:
            scored[low] = (score, scored.get(low, (0, order))[1])
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    return [w for w, _ in ranked[:limit]]
