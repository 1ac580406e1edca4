"""What a figure is qualified by, to tell two readings of one quantity from two different ones.

Two figures that differ are one quantity in dispute only when they are the same quantity: read
at the same moment, measured the same way, counting the same set. These small readers of a
``Side`` say when they are not (``numbers`` asks them):

- ``moment_markers``: the words that place a figure in time or at an extreme of a running
  quantity ("closed", "at one point", "as much as", "early", "afternoon", "its low", "since
  March", "as of Monday", "for the week"); two texts with different markers report two moments
  ("up 19 cents at one point" / "jumped 20 cents at the close");
- ``measure_qualifiers``: what a figure leaves out ("excluding one-time items", "before
  charges"); two texts with different ones report two measures;
- ``relative``: a figure counting a different set or a difference, not a total ("the other two
  unions", "another three", "five more cases", "three of them", "3 cents lower than");
- ``range_bounds``: a range "from 16 to 27 cents" / "between 16 and 27", which a value inside
  it agrees with.

Word lists are in ``lexicon`` (``MOMENT_MARKERS``, ``MEASURE_QUALIFIERS``, ``SET_WORDS_BEFORE``,
``SET_WORDS_AFTER``, ``COMPARATIVES``). Pure Python.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as lx

_MOMENT_RE = re.compile(r"\b(?:" + "|".join(sorted(lx.MOMENT_MARKERS, key=len, reverse=True)) + r")\b")
_ANCHORED_RE = re.compile(r"\b(" + "|".join(lx.ANCHORED_MOMENTS) + r") ([a-z0-9]+)")
_MEASURE_RE = re.compile(r"\b(" + "|".join(lx.MEASURE_QUALIFIERS) + r") ([^,.;:()]+)")


@lru_cache(maxsize=4096)
def moment_markers(text: str) -> frozenset[str]:
    """The moment and extremum markers of a text, in lower case, an anchored one with the word
    after it ("as of monday", "since march"): the same set on both sides or none at all when
    two figures are read at one moment."""
    low = " ".join(text.lower().split())
    found = {m.group(0) for m in _MOMENT_RE.finditer(low)}
    found |= {f"{m.group(1)} {m.group(2)}" for m in _ANCHORED_RE.finditer(low)}
    return frozenset(found)


def different_moments(a_text: str, b_text: str) -> bool:
    """True when the two texts place their figures at different moments: one names a moment
    or an extreme the other does not ("closed down 12 percent" / "dropped as much as 16
    percent", "in afternoon trading" / "in Europe")."""
    return moment_markers(a_text) != moment_markers(b_text)


@lru_cache(maxsize=4096)
def measure_qualifiers(text: str) -> frozenset[str]:
    """What the text's figures leave out ("excluding one-time items"), each as its words up to
    the next comma, in lower case."""
    low = " ".join(text.lower().split())
    return frozenset(" ".join(m.group(0).split()) for m in _MEASURE_RE.finditer(low))


def different_measures(a_text: str, b_text: str) -> bool:
    """True when the two texts measure their figures differently: one excludes something the
    other does not name the same way ("excluding one-time items, a loss of
    $2.08" / "a loss of $2.75")."""
    return measure_qualifiers(a_text) != measure_qualifiers(b_text)


# How far after a figure a comparative with "than" makes it a difference ("3 cents a share lower than").
RELATIVE_WINDOW = 6


def relative(side, i: int) -> bool:
    """True when the figure at token ``i`` counts a set beside another or a difference, not a
    total: "the other two unions", "another three", "five more cases", "three of them", "3 cents
    a share lower than"."""
    toks = side.toks
    prev = toks[i - 1].word if i > 0 else ""
    if prev in lx.SET_WORDS_BEFORE:
        return True
    after = [t.word for t in toks[i + 1:i + 1 + RELATIVE_WINDOW]]
    if after[:1] and after[0] in lx.SET_WORDS_AFTER and after[1:2] != ["than"]:
        return True  # "five more cases", not "five more than" (a bound)
    if after[:2] in (["of", w] for w in lx.SET_OF):
        return True
    return any(w in lx.COMPARATIVES and nxt == "than" for w, nxt in zip(after, after[1:]))


def range_bounds(side, i: int) -> tuple[float, float] | None:
    """The (low, high) of a range the figure at ``i`` opens or closes ("from 16 to 27",
    "between 16 and 27", "from 16 cents a share to 27 cents a share"), or None."""
    toks = side.toks
    for k in range(max(0, i - RANGE_GAP - 2), i + 1):
        lo_hi = _range_at(toks, k)
        if lo_hi is not None and i in lo_hi[2:]:
            return lo_hi[:2]
    return None


# Words allowed between a range's first figure and its "to"/"and" ("16 cents a share to 27").
RANGE_GAP = 3


def _range_at(toks, k: int) -> tuple[float, float, int, int] | None:
    """The range opened by the figure at ``k`` ("from"/"between" before it, then within
    ``RANGE_GAP`` words "to"/"and" and a figure of the same sort) as (low, high, k, end
    index), or None."""
    if k < 1 or toks[k].num is None or toks[k].ordinal:
        return None
    joint = {"from": "to", "between": "and"}.get(toks[k - 1].word)
    if joint is None or (k >= 2 and toks[k - 2].word in lx.CHANGE_WORDS):
        return None  # "rose from 12 to 15 percent": a change, not a range
    for m in range(k + 1, min(len(toks) - 1, k + 2 + RANGE_GAP)):
        if toks[m].num is not None:
            return None
        end = toks[m + 1]
        if toks[m].word == joint and end.num is not None and end.percent == toks[k].percent:
            lo, hi = sorted((toks[k].num, end.num))
            return lo, hi, k, m + 1
    return None
