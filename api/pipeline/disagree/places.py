"""Place phrases and the ``place`` detector.

A place phrase is a run of capitalised words after a locative preposition (in, at, near,
outside, inside, across; to/from/into only after a verb or noun of movement: "travelling to
Egypt", "fled from Rafah"), e.g. "in Tel Aviv", "at the White House". Runs that start with a
title, month or weekday are not places. Two mentions disagree on place when place phrases sit in
aligned context and name places that exclude each other (``gazetteer.exclusive``: both known
to the gazetteer, neither containing the other: "in Cairo" / "in Doha", "in Ohio" / "in
Texas"). A place on one side only is more detail; a place that contains the other ("in Israel"
/ "in Jerusalem", "in Ohio" / "in Cleveland", "in Gaza" / "in Khan Younis"), another name or
spelling of it (UK / Britain, Khan Yunis / Khan Younis: the gazetteer's aliases and alternate
names), a place mentioned anywhere on the other side, or a place the gazetteer does not know
("at the White House" / "at the Capitol") is not flagged.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import gazetteer
from ..types import Disagreement
from . import lexicon as lx

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment

_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
_DIRECTIONAL = frozenset({"to", "from", "into"})
_MOTION = frozenset(lx.key(w) for w in """travel travelling traveling fly flew flight head headed
go went return returned trip visit visits journey mission move moved send sent deploy deployed
bound arrive arrived come came way back drive drove march marched flee fled tour evacuated
evacuate relocated relocate fire fired launch launched transferred transfer""".split())
_NOT_PLACE_START = lx.TITLES | {"god", "english", "arabic", "hebrew", "french"}


def _keys(p: "Place") -> set[str]:
    return {lx.key(w) for w in p.value}


@dataclass(frozen=True)
class Place:
    """A place phrase over tokens i..j-1 (preposition excluded) with its normalised words."""

    i: int
    j: int
    value: tuple[str, ...]


def parse_places(toks, text: str) -> list[Place]:
    """Place phrases among a mention's tokens (see the module docstring)."""
    out = []
    for k, t in enumerate(toks):
        i = _place_start(toks, k)
        if i is None:
            continue
        j = _place_end(toks, i, text)
        if j > i and toks[j - 1].word != "of":
            out.append(Place(i, j, tuple(u.word for u in toks[i:j] if u.word != "of")))
    return out


def _place_start(toks, k: int) -> int | None:
    """Where a place phrase after preposition ``k`` would start ("in (the) ..."; "to"/"from"/
    "into" only after a verb or noun of motion), or None when ``k`` is no such preposition."""
    t = toks[k]
    if t.word in _DIRECTIONAL:
        prev = next((p for p in reversed(toks[max(0, k - 3):k]) if p.content), None)
        if prev is None or prev.key not in _MOTION:
            return None
    elif t.word not in _LOCATIVE:
        return None
    return k + 2 if k + 1 < len(toks) and toks[k + 1].word == "the" else k + 1


def _place_end(toks, i: int, text: str) -> int:
    """End of the run of capitalised words (joined by "of": "Bank of England") from ``i``, at
    most five tokens; a title or language word cannot start it, and punctuation ends it ('in
    America," Kerry said' is no place "America Kerry"; "in Paris, France" names Paris)."""
    j, n = i, len(toks)
    while j < n and j - i < 5:
        u = toks[j]
        if j > i and text[toks[j - 1].end:u.start].strip():
            break
        if u.cap and u.num is None and not u.month and u.word not in lx.WEEKDAYS \
                and (j > i or u.word not in _NOT_PLACE_START):
            j += 1
        elif u.word == "of" and j > i and j + 1 < n and toks[j + 1].cap:
            j += 1
        else:
            break
    return j


def find_place(al: "Alignment", a, b) -> Disagreement | None:
    """Different locations named for the same event in aligned context, or None."""
    pa, pb = al.a.places, al.b.places
    if not pa or not pb:
        return None
    keys_a = {t.key for t in al.a.toks}
    keys_b = {t.key for t in al.b.toks}
    for x in pa:
        if _keys(x) & keys_b:
            continue
        for y in pb:
            if _keys(y) & keys_a or not gazetteer.exclusive(" ".join(x.value), " ".join(y.value)):
                continue
            if al.tied(x.i, x.j, y.i, y.j):
                sa, sb = al.a.span(x.i, x.j), al.b.span(y.i, y.j)
                return Disagreement(
                    "place", sa, sb,
                    f"A says '{al.a.phrase(x.i - 1, x.j)}', B says '{al.b.phrase(y.i - 1, y.j)}'")
    return None
