"""The ``hedge`` detector: a qualifier present on one side and dropped on the other.

For every aligned shared phrase (an equal block of the alignment holding a content word), the
few unaligned tokens just before it on each side are its local window. A hedge in one window
("maybe the last opportunity", "about three hours", "could derail") with no hedge in the other
window ("the last opportunity", "three hours", "derail") is a disagreement. Hedges of any class
on both sides count as equivalent ("about" / "approximately", "probably" / "maybe"), a modal
facing its plain partner is tense agreement ("would" / "will"), and a hedge word that occurs
anywhere on the other side is taken as kept, not dropped. A hedge replaced by another over the
same proposition is not dropped either: "appeared to have left" / "reports indicated it had
left", "a possible dispute involving" / "a dispute that apparently involved" (the other side's
hedge, a hedging adjective included, within a few words before the shared phrase). A modal in
a purpose clause ("so a witness could identify him") states no doubt.

Registered steps (disagree-2.4): ``NOT_A_HEDGE`` says when a hedge word is no hedge there
("swivels around 180 degrees"); ``COVERS`` says when the other side hedges, bounds or frames the
same words itself: a hedge of its own, a bound ("a maximum of four years" / "up to four years",
"approaching twice" / "nearly twice"), a qualifier before a quantity word ("about half"), a
hedge or evidential frame earlier in the same clause ("might have tried to flee or to defend",
"I think 70 percent", "forecasts show ... bringing"), a condition for a modal ("could face ...
if convicted"), a source credited for a reportive hedge ("reportedly told" / "told ..., according
to the affidavit", disagree-2.5). A modal before "only" is a restriction ("may only be
burned") and "can"/"could" after "who"/"that"/"which" before an action verb an ability ("who
could vote"): no hedge (``NOT_A_HEDGE``, disagree-2.6). A hedge is reported only when no step
applies.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..types import Disagreement
from .lexicon import ADJECTIVE_HEDGES, AUX, MODAL_PARTNERS, NUMBER_HEDGE_CLASSES, NUMBER_HEDGES, SOFT_HEDGES

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment, Side

WINDOW = 3
# "appear"/"seem" before "to" + verb hedge the verb ("appears to reflect" / "reflects"), unlike a
# soft hedge standing alone ("he appeared on television").
_SEEM = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed"})


def _soft(side: "Side", k: int) -> bool:
    """A soft hedge at k, unless it is "appear/seem to" (a real qualifier)."""
    t = side.toks[k]
    return t.hedge in SOFT_HEDGES and not (t.word in _SEEM and k + 1 < len(side.toks)
                                           and side.toks[k + 1].word == "to")


def _window_hedge(side: "Side", start: int, end: int):
    """Index of a hedge in side.toks[start:end] that qualifies the shared phrase starting at
    ``end``, or None. A number qualifier ("about", "more than") must stand right before the
    shared number; a word hedge may be followed by auxiliaries only ("may have fallen")."""
    toks = side.toks
    for k in range(end - 1, start - 1, -1):
        t = toks[k]
        if t.word == "to" and k > start and toks[k - 1].word in _SEEM:
            return k - 1  # "appears to reflect", "seemed to confirm"
        if t.hedge in NUMBER_HEDGE_CLASSES:
            return k if k == end - 1 and end < len(toks) and toks[end].num is not None else None
        if t.hedge:
            if _qualifies_possession(toks, k, end):
                return None  # "you might have a farmer …" / 'as a "farmer …"': no shared verb to hedge
            if _purpose_modal(toks, k):
                return None  # "so a witness could identify him": a purpose, not a doubt
            return k
        if t.word not in AUX:
            return None
    return None


_MODALS = frozenset({"could", "might", "may", "would", "can"})


def _purpose_modal(toks, k: int) -> bool:
    """A modal in a purpose clause ("so a witness could identify him", "so that they may
    vote") or a time clause ("before they could take anything"): "so", "before" or "until"
    opens the clause within four words before the modal."""
    if toks[k].word not in _MODALS:
        return False
    before = [t.word for t in toks[max(0, k - 4):k]]
    return any(w in _CLAUSE_OPENERS for w in before) and all(w != "not" for w in before)


# Words opening a clause whose modal states no doubt: a purpose ("so a witness could identify
# him") or a time limit ("fled before they could take anything", "until it could be moved").
_CLAUSE_OPENERS = frozenset({"so", "before", "until"})


def _qualifies_possession(toks, k: int, end: int) -> bool:
    """A modal followed by "have" + a determiner ("might have a farmer", "could have the votes"):
    it hedges a verb of possession that the other side, quoting from the noun on, does not state."""
    return k + 2 < len(toks) and k + 2 <= end and toks[k + 1].word in ("have", "has") \
        and toks[k + 2].word in ("a", "an", "the", "some", "any")


def _any_hedge(side: "Side", start: int, end: int) -> bool:
    """True when side.toks[start:end] holds any hedge of its own (attached or not): a hedge
    word, or a hedging adjective ("a possible dispute", "the alleged theft") that qualifies the
    same proposition as the other side's adverb ("a dispute that apparently involved")."""
    return any(t.hedge or t.word in ADJECTIVE_HEDGES for t in side.toks[max(0, start):end])


def _has_partner(side: "Side", start: int, end: int, hedge: str) -> bool:
    partner = MODAL_PARTNERS.get(hedge)
    return partner is not None and any(t.word == partner for t in side.toks[start:end])


def find_hedge(al: "Alignment", a, b) -> Disagreement | None:
    """A hedge qualifying a shared phrase on one side only, or None."""
    hedges_a = {t.hedge for t in al.a.toks if t.hedge}
    hedges_b = {t.hedge for t in al.b.toks if t.hedge}
    if not hedges_a and not hedges_b:
        return None
    for i1, i2, j1, j2, pa, pb in al.equal_blocks():
        wa0, wb0 = max(pa, i1 - WINDOW), max(pb, j1 - WINDOW)
        ha, hb = _window_hedge(al.a, wa0, i1), _window_hedge(al.b, wb0, j1)
        if (ha is None) == (hb is None):
            continue
        if ha is not None:
            if not _kept(al.a, ha, al.b, wb0, j1, hedges_b):
                return _make(al, True, ha, i1, i2, j1, j2)
        elif not _kept(al.b, hb, al.a, wa0, i1, hedges_a):
            return _make(al, False, hb, j1, j2, i1, i2)
    return None


def _kept(hedged: "Side", h: int, other: "Side", start: int, end: int, other_hedges: set) -> bool:
    """True when the hedge at ``h`` of one side is no hedge difference: it is no hedge there
    (``NOT_A_HEDGE``), the other side has the same hedge or its plain partner, or a hedge, bound
    or frame of its own over the same words (``COVERS``: other.toks[start:end] is the window
    before the shared phrase)."""
    word = hedged.toks[h].hedge
    if word in other_hedges or _has_partner(other, start, end, word):
        return True
    if any(step(hedged, h) for step in NOT_A_HEDGE.values()):
        return True
    return any(step(other, start, end, hedged.toks[h]) for step in COVERS.values())


# -- the hedge itself is no hedge --------------------------------------------------------------

# "around" after a verb of motion is a preposition ("swivels around 180 degrees").
_MOTION_STEMS = ("swivel", "turn", "spin", "rotat", "swung", "swing", "whirl", "wheel", "pivot",
                 "twist", "flip", "spun", "mov", "walk", "ran", "run", "look", "travel")


def _motion_around(side: "Side", k: int) -> bool:
    """'around' right after a verb of motion: "a screen that swivels around 180 degrees"."""
    t = side.toks[k]
    if k == 0 or side.text[t.start:t.end].lower() != "around":
        return False
    return side.toks[k - 1].word.startswith(_MOTION_STEMS)


# Nouns that name a proposition someone rejects or weighs ("rejected the idea that it could
# harm" = "rejected the idea of harming"): a modal inside it is part of the proposition.
_PROPOSITION_NOUNS = frozenset({"idea", "notion", "suggestion", "claim", "claims", "assertion",
                                "possibility", "prospect", "fear", "fears", "concern", "concerns"})


def _proposition_modal(side: "Side", k: int) -> bool:
    """A modal inside "the idea that ...", "the notion that ...": no hedge of the speaker's."""
    if side.toks[k].word not in _MODALS:
        return False
    before = [t.word for t in side.toks[max(0, k - 5):k]]
    return "that" in before and any(w in _PROPOSITION_NOUNS for w in before[:before.index("that")])


def _restriction_modal(side: "Side", k: int) -> bool:
    """A modal followed by "only" states a limit, a permission, not a doubt ("may only be
    burned five times" = "can only be burned five times"), disagree-2.6."""
    return side.toks[k].word in _MODALS and k + 1 < len(side.toks) and side.toks[k + 1].word == "only"


# Verbs after which "can"/"could" is still a possibility ("who could be hiding", "who could have").
_STATE_VERBS = frozenset({"be", "have", "been", "not"})


def _ability_modal(side: "Side", k: int) -> bool:
    """"can"/"could" right after "who"/"that"/"which" and before an action verb describes whom
    a set holds, an ability or a right ("the Californians who could vote on machines" = "the
    Californians voting on machines"), not a doubt; "who could be hiding" stays a hedge
    (disagree-2.6)."""
    toks = side.toks
    if toks[k].word not in ("can", "could") or k == 0 or k + 1 >= len(toks):
        return False
    return toks[k - 1].word in ("who", "that", "which") and toks[k + 1].word not in _STATE_VERBS


NOT_A_HEDGE = {
    "soft": _soft,
    "motion_around": _motion_around,
    "proposition_modal": _proposition_modal,
    "restriction_modal": _restriction_modal,
    "ability_modal": _ability_modal,
}


# -- the other side covers the same words ------------------------------------------------------

# A bound stated as a noun or verb ("a maximum penalty of 10 years" / "up to 10 years",
# "approaching twice" / "nearly twice").
BOUND_WORDS = frozenset({"maximum", "minimum", "max", "limit", "ceiling", "cap", "capped",
                         "approaching", "approach", "top", "tops", "topped", "exceed",
                         "exceeds", "exceeded", "least", "most"})
# A frame that presents the statement as belief, forecast or estimate ("I think 70 percent" /
# "about 70 percent"; "forecasts show ... bringing" / "could bring").
EVIDENTIAL_FRAMES = frozenset({"think", "thinks", "thought", "believe", "believes", "believed",
                               "expect", "expects", "expected", "forecast", "forecasts",
                               "estimate", "estimates", "estimated", "predict", "predicts",
                               "predicted", "project", "projected", "projects", "suggest",
                               "suggests", "suggested"})
# How far back in the other side a hedge earlier in the clause still covers the shared words
# ("might have tried to flee or to defend" / "may have tried to flee or perhaps defend").
CLAUSE_REACH = 8
_CONDITIONS = frozenset({"if", "unless"})


def _own_hedge(other: "Side", start: int, end: int, hedge_tok) -> bool:
    """A hedge of any class, or a hedging adjective, just before the shared words."""
    return _any_hedge(other, start - WINDOW, end)


def _bound(other: "Side", start: int, end: int, hedge_tok) -> bool:
    """A bound word ("maximum", "approaching") just before the shared words."""
    return any(t.word in BOUND_WORDS for t in other.toks[max(0, start - WINDOW):end])


def _clause_hedge(other: "Side", start: int, end: int, hedge_tok) -> bool:
    """A word hedge, hedging adjective or evidential frame earlier in the same clause (at most
    ``CLAUSE_REACH`` words back, not across punctuation) covering a word hedge: "might have
    tried to flee or to defend" / "may have tried to flee or perhaps defend". A number
    qualifier ("about 20 cents") is covered only by a frame ("I think 70 percent")."""
    number = hedge_tok.hedge in NUMBER_HEDGE_CLASSES
    for k in range(end - 1, max(-1, end - 1 - CLAUSE_REACH), -1):
        t = other.toks[k]
        if t.word in EVIDENTIAL_FRAMES or (not number and (
                (t.hedge and t.hedge not in NUMBER_HEDGE_CLASSES) or t.word in ADJECTIVE_HEDGES)):
            return True
        if k > 0 and _CLAUSE_BREAK_RE.search(other.text, other.toks[k - 1].end, t.start):
            return False
    return False


_CLAUSE_BREAK_RE = re.compile(r"[,;:.!?()\u2014]|--")


def _conditional(other: "Side", start: int, end: int, hedge_tok) -> bool:
    """A modal ("could face") against a plain verb in a conditional ("faces ... if convicted"):
    the condition carries the modal's doubt."""
    return hedge_tok.word in _MODALS and any(t.word in _CONDITIONS for t in other.toks)


# Quantity words the number parser does not read ("about half" / "nearly half").
QUANTITY_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "dozen", "dozens",
                            "hundreds", "thousands", "millions", "twice", "double", "triple"})
_NUMBER_HEDGE_WORDS = frozenset(p for ps in NUMBER_HEDGES.values() for p in ps if " " not in p)


def _quantity_qualifier(other: "Side", start: int, end: int, hedge_tok) -> bool:
    """A number qualifier right before a quantity word the parser leaves as a word: "about
    half" covers "nearly half"."""
    return 0 < end < len(other.toks) and other.toks[end].word in QUANTITY_WORDS \
        and other.toks[end - 1].word in _NUMBER_HEDGE_WORDS


# A hedge that says only that the statement is reported ("reportedly told"), and the words that
# credit a statement to a source on the other side ("told ..., according to the affidavit",
# "..., police said"): both sides then present it as reported.
REPORTIVE_HEDGES = frozenset({"reportedly"})
SOURCE_WORDS = frozenset({"said", "say", "says", "told", "reported", "reports", "according"})


def _sourced(other: "Side", start: int, end: int, hedge_tok) -> bool:
    """A reportive hedge ("reportedly") against a side that credits the statement to a source
    ("according to the affidavit", "police said")."""
    return hedge_tok.hedge in REPORTIVE_HEDGES and any(t.word in SOURCE_WORDS for t in other.toks)


COVERS = {
    "own_hedge": _own_hedge,
    "quantity_qualifier": _quantity_qualifier,
    "bound": _bound,
    "clause_hedge": _clause_hedge,
    "conditional": _conditional,
    "sourced": _sourced,
}


def _phrase_end(side: "Side", i1: int, i2: int) -> int:
    """End of the shared phrase to quote: up to its first content word and the content words
    right after it ("the last opportunity", "three hours"), at most four tokens."""
    end, limit = i1, min(i2, i1 + 4)
    while end < limit and not side.toks[end].content:
        end += 1
    while end < limit and side.toks[end].content:
        end += 1
    return max(end, i1 + 1)


def _make(al: "Alignment", in_a: bool, h: int, i1: int, i2: int, j1: int, j2: int) -> Disagreement:
    """Build the disagreement: the hedge is at ``h`` on the hedged side, whose shared phrase
    is i1..i2; the other side's shared phrase is j1..j2."""
    hs, os_ = (al.a, al.b) if in_a else (al.b, al.a)
    e_h, e_o = _phrase_end(hs, i1, i2), _phrase_end(os_, j1, j2)
    hedge_span = hs.span(h, h + 1)
    other_span = os_.span(j1, e_o)
    hedged_phrase = hs.phrase(h, e_h)
    htext = hedge_span.text
    if in_a:
        expl = f"A says '{hedged_phrase}', B drops the hedge '{htext}': '{other_span.text}'"
        return Disagreement("hedge", hedge_span, other_span, expl)
    expl = f"A says '{other_span.text}', B adds the hedge '{htext}': '{hedged_phrase}'"
    return Disagreement("hedge", other_span, hedge_span, expl)
