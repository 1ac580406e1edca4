"""What a figure is about, to tell one quantity in dispute from figures of two different things.

Two figures that differ are one quantity in dispute only when they describe the same thing.
These small readers of a ``Side`` say when they do not (``numbers`` asks them, disagree-2.6):

- ``record_figure``: a running record or tally in brackets after a name ("Stanford (47-15)"):
  it changes with every game, so two records are two moments, not one figure in dispute;
- ``ratio_terms``: the words a ratio ("nearly 2 to 1") compares, in order; "advancing issues
  outnumbered decliners 2 to 1" / "declining issues outnumbered advancers 3 to 1" read the
  ratio both ways and are two readings, not one ratio in dispute;
- ``index_names``: the word before "index" or "average" ("Standard & Poor's 500 Index" /
  "Standard & Poor's retail index"): two texts naming only different indexes report the moves
  of two indexes;
- ``counted_place``: the place right after a count ("37,000 troops ... in South Korea" /
  "100,000 troops in Asia"): a count in another place counts another set;
- ``name_figure``: a figure inside a capitalised name ("Poor's 500 Index", "Flight 93 Crew")
  is part of the name, not a quantity of the report.

Pure Python; word lists in ``lexicon`` (``INDEX_HEADS``).
"""
from __future__ import annotations

import re

from . import lexicon as lx

_RECORD_RE = re.compile(r"\(\s*\d+-\d+(?:-\d+)?\s*\)")


def record_figure(side, i: int) -> bool:
    """True when the figure at ``i`` is part of a record or tally in brackets ("(47-15)",
    "(10-2-1)"): a running count read at one moment, never disputed with another record."""
    t = side.toks[i]
    return any(m.start() < t.start and t.end <= m.end() for m in _RECORD_RE.finditer(side.text))


def ratio(side, i: int) -> bool:
    """True when the figure at ``i`` opens a ratio "N to M" ("2 to 1", "2-to-1")."""
    toks = side.toks
    return i + 2 < len(toks) and toks[i + 1].word == "to" and toks[i + 2].num is not None


def ratio_terms(side, i: int) -> tuple[str, ...]:
    """The content words before the ratio at ``i``, in order (keys): what it compares."""
    return tuple(t.key for t in side.toks[:i] if t.content)


def different_ratios(sa, i: int, sb, j: int) -> bool:
    """True when the figures at ``i`` and ``j`` are ratios over different terms or the same
    terms in another order ("advancing issues outnumbered decliners 2 to 1" / "declining issues
    outnumbered advancers 3 to 1"); "backed the plan 2 to 1" / "backed the plan 3 to 1" is one
    ratio in dispute."""
    return ratio(sa, i) and ratio(sb, j) and ratio_terms(sa, i) != ratio_terms(sb, j)


def index_names(side) -> frozenset[str]:
    """The words naming an index or average ("500" in "Poor's 500 Index", "retail" in
    "Poor's retail index"): the content word or figure right before ``INDEX_HEADS``."""
    toks = side.toks
    return frozenset(toks[k - 1].word for k in range(1, len(toks))
                     if toks[k].word in lx.INDEX_HEADS and (toks[k - 1].content or toks[k - 1].num is not None))


def different_indexes(al) -> bool:
    """True when both texts name an index and share none of its names: the moves of two
    indexes, not one move in dispute ("the S&P 500 Index slipped 0.29 percent" / "the S&P
    retail index was up 1.5 percent")."""
    na, nb = index_names(al.a), index_names(al.b)
    return bool(na and nb) and not na & nb


# How far after a count its place may stand ("37,000 U.S. troops are stationed in South Korea").
PLACE_WINDOW = 7


def counted_place(side, i: int) -> frozenset[str] | None:
    """The words of the first place within ``PLACE_WINDOW`` tokens after the figure at ``i``,
    with no other figure between, or None."""
    for p in side.places:
        if i < p.i <= i + PLACE_WINDOW:
            if any(t.num is not None for t in side.toks[i + 1:p.i]):
                return None
            return frozenset(p.value)
    return None


def different_places(sa, i: int, sb, j: int) -> bool:
    """True when both counts are placed and the places differ ("37,000 troops in South Korea" /
    "100,000 troops in Asia"): two sets. A place on one side only is detail ("killed 12 in
    Baghdad" / "killed 16" stays a dispute), and the same place on both keeps it."""
    pa, pb = counted_place(sa, i), counted_place(sb, j)
    return pa is not None and pb is not None and pa != pb


def name_figure(side, i: int) -> bool:
    """True when the figure at ``i`` stands inside a capitalised name: a capitalised word right
    before it (not the first word) and right after it ("Poor's 500 Index")."""
    toks = side.toks
    return 2 <= i < len(toks) - 1 and toks[i - 1].cap and toks[i + 1].cap
