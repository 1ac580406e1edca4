"""The ``negation`` detector: one mention asserts what the other denies.

Two signals. (1) A negation (not, never, no, didn't, "declined to", "refused to", "failed to")
attached to a shared, aligned phrase on one side only: the negation sits in the few unaligned
tokens just before the phrase, separated from it by nothing but auxiliaries ("did not confirm"
vs "confirmed"). The quantifier "no" + noun ("nothing", "none", "nobody") denies only when the words before it are the same
on both sides ("there is no deal" / "there is a deal"; not "no conflict" / "the perception of a
conflict"); "not only ... but", "nothing but", "no doubt" are no denial at all, and a negation
followed by a quotation ("the war was not 'a war of choice'") rebuts someone's words: another
claim, not a misreport of this one. (2) Antonymous words facing each other in aligned context (accepted / rejected,
confirmed / denied, won / lost, rose / fell ...) when both sides carry the same number of
negations ("did not accept" / "rejected" agree). "against" + an -ing verb counts as a negation
("decided against pursuing" / "decided not to pursue" agree).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import QUOTE_CHARS
from ..types import Disagreement
from . import lexicon as lx

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment, Side

WINDOW = 4
MAX_REPLACE = 6


def _negating_verb(toks, k: int, end: int) -> int:
    """Length of a negating verb at k ("declined to" -> 2, "declined" right before ``end`` -> 1),
    0 when there is none."""
    if toks[k].key not in lx.NEGATING_VERBS:
        return 0
    if k + 1 < len(toks) and toks[k + 1].word == "to":
        return 2
    return 1 if k + 1 == end and toks[k].key == "declin" else 0


def _negator(side: "Side", start: int, end: int) -> tuple[int, int] | None:
    """(first, last+1) of a negation in side.toks[start:end] attached to the token at ``end``
    (only auxiliaries between: "did not confirm", "has never been"), or None."""
    toks = side.toks
    for k in range(end - 1, start - 1, -1):
        t = toks[k]
        if t.neg:
            return k, k + 1
        n = _negating_verb(toks, k, end)
        if n:
            return k, k + n
        if t.word not in lx.AUX:
            return None
    return None


def _is_neg(toks, k: int, soft: bool = True) -> bool:
    t = toks[k]
    return t.neg or (soft and (t.key in lx.SOFT_NEGATIONS or _against_doing(toks, k))) \
        or bool(_negating_verb(toks, k, k + 1))


def _against_doing(toks, k: int) -> bool:
    """"against" + an -ing verb ("decided against pursuing the merger") says what "not to"
    says ("decided not to pursue the merger"): a negation to count, not one to report."""
    return toks[k].word == "against" and k + 1 < len(toks) and toks[k + 1].word.endswith("ing")


def _any_neg(side: "Side", start: int, end: int, soft: bool = True) -> bool:
    """True when side.toks[start:end] holds a negation (weak negatives too when ``soft``)."""
    return any(_is_neg(side.toks, k, soft) for k in range(max(0, start), min(end, len(side.toks))))


def _neg_count(side: "Side") -> int:
    return sum(1 for k in range(len(side.toks)) if _is_neg(side.toks, k))


def _verb_end(side: "Side", i1: int, i2: int) -> int:
    """End of the first content token of the shared phrase starting at i1."""
    k = side.find(i1, i2, lambda t: t.content)
    return (k if k is not None else i1) + 1


def find_negation(al: "Alignment", a, b) -> Disagreement | None:
    """A negation or antonym that reverses an aligned statement, or None. Two reports of
    different moments (``Alignment.two_moments``: every figure differs) moving one way and the
    other ("rose 0.6 percent" / "fell 1.6 percent") are two days' markets, not a reversal."""
    return _attached(al) or (None if al.two_moments else _antonym(al))


def _attached(al: "Alignment") -> Disagreement | None:
    """A negation attached to a shared phrase on one side only. When both mentions hold the
    same number of negations, the negation has only moved ("not due to farmers, but to
    overuse" / "due to overuse ... not due to farmers") and nothing is reported; the other
    side must also hold no negation near the shared phrase."""
    if _neg_count(al.a) == _neg_count(al.b):
        return None
    for i1, i2, j1, j2, pa, pb in al.equal_blocks():
        wa0, wb0 = max(pa, i1 - WINDOW), max(pb, j1 - WINDOW)
        na, nb = _negator(al.a, wa0, i1), _negator(al.b, wb0, j1)
        if na and not _any_neg(al.b, j1 - 3 * WINDOW, j2 + WINDOW):
            neg_side, other, (n1, n2), s1, s2, o1, o2, in_a = al.a, al.b, na, i1, i2, j1, j2, True
        elif nb and not _any_neg(al.a, i1 - 3 * WINDOW, i2 + WINDOW):
            neg_side, other, (n1, n2), s1, s2, o1, o2, in_a = al.b, al.a, nb, j1, j2, i1, i2, False
        else:
            continue
        if sum(1 for t in neg_side.toks[s1:s2] if t.content) < 2:
            continue  # "not going to allow …" / "going to get back …": one shared word is no statement
        if neg_side.toks[n1].word in _QUANTIFIERS and not _same_frame(al, in_a, n1, o1):
            continue  # "no conflict" / "the perception of a conflict": a quantifier, not a denial
        if not _same_subject(al, in_a, n1, o1):
            continue  # "the vote is not putting people to work" / "God wants us putting people to work"
        if _quotes_between(neg_side, n2, s1):
            continue  # "it was not 'a war of choice'": rebutting someone's words, another claim
        neg_span = neg_side.span(n1, n2)
        neg_phrase = neg_side.phrase(n1, _verb_end(neg_side, s1, s2))
        other_span = other.span(o1, _verb_end(other, o1, o2))
        if in_a:
            expl = f"A says '{neg_phrase}', B says '{other_span.text}' without the negation"
            return Disagreement("negation", neg_span, other_span, expl)
        expl = f"A says '{other_span.text}', B negates it: '{neg_phrase}'"
        return Disagreement("negation", other_span, neg_span, expl)
    return None


def _quotes_between(side: "Side", k: int, s: int) -> bool:
    """True when a quotation mark opens between token k (the end of a negation) and token s."""
    if k >= len(side.toks) or s >= len(side.toks):
        return False
    gap = side.text[side.toks[k - 1].end:side.toks[s].start]
    return any(q in gap for q in QUOTE_CHARS + "'")


def _same_frame(al: "Alignment", in_a: bool, n: int, o: int) -> bool:
    """For the quantifier "no" at token n of the negating side: True when the word before it
    is aligned with a word just before the other side's phrase (at o), at most a determiner
    between ("there is no deal" / "there is a deal"), so that "no" denies the same statement."""
    amap = al.amap if in_a else al.bmap
    q = amap[n - 1] if n > 0 else -1
    if q < 0:
        return False
    other = al.b if in_a else al.a
    return o - q == 1 or (o - q == 2 and other.toks[q + 1].word in lx.DETERMINERS)


def _content_before(side: "Side", k: int) -> int | None:
    """The nearest content token before token k (within four tokens), or None."""
    for m in range(k - 1, max(-1, k - 5), -1):
        if side.toks[m].content:
            return m
    return None


def _same_subject(al: "Alignment", in_a: bool, n: int, o: int) -> bool:
    """Whether the negated phrase and the plain one are said of the same thing: the content word
    just before the negation (at n) is aligned with the one just before the other side's phrase
    (at o), or neither side has one ("Officials did not confirm" / "Officials confirmed")."""
    neg_side, other = (al.a, al.b) if in_a else (al.b, al.a)
    p, q = _content_before(neg_side, n), _content_before(other, o)
    if p is None or q is None:
        return p is None and q is None
    amap = al.amap if in_a else al.bmap
    return amap[p] == q


_QUANTIFIERS = frozenset({"no", "nothing", "none", "nobody"})  # "almost nothing in common" / "little in common"


def _neighbours(side: "Side", k: int) -> set[str]:
    """Keys of the nearest content words before and after token k (within three tokens)."""
    out = set()
    for rng in (range(k - 1, max(-1, k - 4), -1), range(k + 1, min(len(side.toks), k + 4))):
        for m in rng:
            if side.toks[m].content:
                out.add(side.toks[m].key)
                break
    return out


def _same_neighbour(al: "Alignment", i: int, j: int) -> bool:
    """True when the antonyms share a neighbouring content word (their subject or object)."""
    return bool(_neighbours(al.a, i) & _neighbours(al.b, j))


def _antonym(al: "Alignment") -> Disagreement | None:
    """Antonymous words facing each other in a replaced stretch, around a shared word."""
    ta, tb = al.a.toks, al.b.toks
    for tag, i1, i2, j1, j2 in al.ops:
        if tag != "replace" or i2 - i1 > MAX_REPLACE or j2 - j1 > MAX_REPLACE:
            continue
        for i in range(i1, i2):
            opposite = lx.ANTONYMS.get(ta[i].key)
            if not opposite:
                continue
            for j in range(j1, j2):
                if tb[j].key not in opposite:
                    continue
                neg_a = _any_neg(al.a, i1 - WINDOW, i2, soft=False)
                neg_b = _any_neg(al.b, j1 - WINDOW, j2, soft=False)
                if neg_a != neg_b or not _same_neighbour(al, i, j):
                    continue  # "did not accept" / "rejected" say the same thing
                sa, sb = al.a.span(i, i + 1), al.b.span(j, j + 1)
                return Disagreement(
                    "negation", sa, sb,
                    f"A says '{al.a.phrase(i, i + 3)}', B says the opposite: "
                    f"'{al.b.phrase(j, j + 3)}'")
    return None
